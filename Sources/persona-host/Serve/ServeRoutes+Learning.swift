import Builtins
import Foundation
import Host
import Hummingbird
import Plugins

extension ServeRoutes {
    /// `run formulate --json` (nothing stored). The persona's learned multipliers apply, as in the CLI.
    func formulate(_ request: Request, context: ServeContext) async throws -> Response {
        let body = try await ServeJSON.decode(ServeRequests.Formulate.self, request, context: context)
        guard !body.concerns.items.isEmpty else { throw APIError.input("\"concerns\" needs at least one concern, e.g. [\"redness\", \"sensitivity\"]") }
        if let budget = body.budget, !(budget > 0 && budget.isFinite && budget <= 1e9) {
            throw APIError.input("\"budget\" must be a positive number of USD per kg, at most 1e9")
        }
        let runRequest = FormulationRun.Request(persona: body.persona, concerns: body.concerns.items, skinType: body.skinType,
                                                budget: body.budget, exclude: body.exclude?.items ?? [])
        let database = state.database
        let data = try await state.run { _, set, _ in
            var pipeline = FormulatePipeline(domain: try FormulationDomain.find(in: set))
            try FormulationContext.applyLearned(try LearningPipeline(plugins: set, database: database), to: &pipeline, personas: [body.persona])
            return try Output.jsonData(try pipeline.run(runRequest))
        }
        return Self.json(data)
    }

    /// `interactions add`: `{"id": N}`, 201.
    func interaction(_ request: Request, context: ServeContext) async throws -> Response {
        let body = try await ServeJSON.decode(ServeRequests.Interaction.self, request, context: context)
        let database = state.database
        let id = try await state.run { _, set, _ in
            try LearningPipeline(plugins: set, database: database).addInteraction(persona: body.persona, input: body.input, output: body.output)
        }
        /// The new interaction.
        struct Created: Encodable { var id: Int64 }
        return ServeJSON.response(Created(id: id), status: .created)
    }

    /// `feedback add --json` for one object; `feedback import --json` (all or nothing) for a batch
    /// sent as JSON Lines, one object a line, read by the same reader as the CLI's import.
    func feedback(_ request: Request, context: ServeContext) async throws -> Response {
        let bytes = try await ServeJSON.body(request, context: context)
        let whole = try? JSONSerialization.jsonObject(with: bytes)
        if whole is [Any] {
            throw APIError.input("send a batch of feedback as JSON Lines (one object a line), not as a JSON array")
        }
        var lines = [UInt8](bytes)
        let single = whole is [String: Any]
        // One object may be pretty-printed: a raw line break can only be white space between
        // tokens in JSON (inside a string it is escaped), so it reads as one line.
        if single { lines = lines.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 } }
        let inputs: [FeedbackInput]
        do {
            inputs = try FeedbackValue.lines(lines, file: "request body")
        } catch {
            throw APIError.input(error.description)
        }
        guard !inputs.isEmpty else { throw APIError.input("the request body has no feedback") }
        let database = state.database
        let data = try await state.run { _, set, _ in
            let outcomes: [FeedbackOutcome]
            do {
                outcomes = try LearningPipeline(plugins: set, database: database).addFeedback(inputs)
            } catch let error as LearningError {
                // As `feedback import` says it: all or nothing.
                var message = error.description
                if case .several(_, let total) = error { message += "\nrequest body: \(total) problems" }
                throw CLIFailure(status: error.exitStatus, message: message + "; nothing was applied")
            }
            return single ? try Output.jsonData(outcomes[0]) : try Output.jsonData(outcomes)
        }
        return Self.json(data)
    }

    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data + [0x0A])))
    }
}
