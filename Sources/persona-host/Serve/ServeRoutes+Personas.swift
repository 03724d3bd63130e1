import Builtins
import Foundation
import Host
import Hummingbird
import Plugins

extension ServeRoutes {
    func addPersonas(to v1: RouterGroup<ServeContext>) {
        v1.get("personas") { _, _ in try await personas() }
        v1.get("personas/:id") { _, context in try await persona(try personaID(context)) }
        v1.get("personas/:id/history") { _, context in try await history(try personaID(context)) }
        v1.post("personas/:id/rollback") { request, context in try await rollback(try personaID(context), request, context: context) }
    }

    private func personaID(_ context: ServeContext) throws -> String {
        // A goal run's persona is run:RUN/N, sent as run:RUN%2FN (a slash would split the path).
        guard let raw = context.parameters.get("id"), let id = raw.removingPercentEncoding, !id.isEmpty else {
            throw APIError.input("no persona id")
        }
        return id
    }

    /// `persona list --json` (`formulation`, `learning_only`), with the saved goal runs' personas
    /// (`persona list --runs --json`) as `runs`.
    func personas() async throws -> Response {
        let database = state.database
        let data = try await state.run { _, set, _ in
            /// `persona list --json` with the runs' personas.
            struct Listing: Encodable {
                var formulation: [SkincarePersona]
                var learningOnly: [PersonaCommand.List.Learner]
                var runs: [RunPersonaListing]
            }
            let plugins = PersonaCommand.List.listing(set, skipped: [])
            let runs = RunPersonaListing.all(try SavedRuns(database: database).all())
            return try Output.jsonData(Listing(formulation: plugins.formulation, learningOnly: plugins.learningOnly, runs: runs))
        }
        return Self.json(data)
    }

    /// `persona show ID --json`: a skincare or learning persona, or a goal run's (`run:RUN/N`).
    func persona(_ id: String) async throws -> Response {
        let database = state.database
        let data = try await state.run { _, set, _ in
            if RunPersonaID.isRunPersona(id) {
                let (run, persona) = try SavedRuns(database: database).persona(try RunPersonaID(parsing: id))
                return try Output.jsonData(RunPersonaView(run: run, persona: persona))
            }
            switch try PersonaCommand.Show.find(id, learning: try LearningPipeline(plugins: set, database: database), set: set) {
            case .skincare(let view): return try Output.jsonData(view)
            case .learning(let view): return try Output.jsonData(view)
            }
        }
        return Self.json(data)
    }

    /// `persona history ID --json`.
    func history(_ id: String) async throws -> Response {
        try GoalRunPersonaRefusal.check(id, command: "history")
        let database = state.database
        let data = try await state.run { _, set, _ in
            try Output.jsonData(try PersonaCommand.History.entries(of: id, pipeline: try LearningPipeline(plugins: set, database: database)))
        }
        return Self.json(data)
    }

    /// `persona rollback ID --to VERSION --json`, the body `{"to": "v1.2"}`.
    func rollback(_ id: String, _ request: Request, context: ServeContext) async throws -> Response {
        try GoalRunPersonaRefusal.check(id, command: "rollback")
        let body = try await ServeJSON.decode(ServeRequests.Rollback.self, request, context: context)
        let database = state.database
        let data = try await state.run { _, set, _ in
            try Output.jsonData(try LearningPipeline(plugins: set, database: database).rollback(persona: id, to: body.to))
        }
        return Self.json(data)
    }
}
