import Builtins
import Foundation
import Host
import Hummingbird
import Plugins

/// The routes of `persona-host serve`. Each one runs the pipeline the matching CLI command runs
/// and answers the document its `--json` prints (`Output.jsonData`).
struct ServeRoutes {
    let state: ServeState

    func add(to router: Router<ServeContext>) {
        router.get("health") { _, _ in await health() }
        router.get("metrics") { _, _ in await metrics() }
        router.get("openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_json)))
        }
        let v1 = router.group("v1")
        v1.get("plugins") { _, _ in await plugins() }
        v1.post("plugins/reload") { _, _ in try await reload() }
        v1.post("goals") { request, context in try await goal(request, context: context) }
        v1.get("runs") { _, _ in try await runs() }
        v1.get("runs/:id") { _, context in try await run(try id(context)) }
        v1.get("runs/:id/members") { _, context in try await members(try id(context)) }
        v1.get("runs/:id/report") { _, context in try await report(try id(context)) }
        v1.post("formulate") { request, context in try await formulate(request, context: context) }
        v1.post("interactions") { request, context in try await interaction(request, context: context) }
        v1.post("feedback") { request, context in try await feedback(request, context: context) }
        addPersonas(to: v1)
    }

    private func id(_ context: ServeContext) throws -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else { throw APIError.input("a run id is a whole number from 1, got '\(text)'") }
        return id
    }

    // MARK: service

    /// `{status, plugins: {loaded, failed, generation}}`: 200 while a generation serves (status
    /// "degraded" when the last reload failed), 503 before any set has loaded.
    func health() async -> Response {
        /// The health document.
        struct Health: Encodable {
            /// The serving set.
            struct Plugins: Encodable { var loaded: Int; var failed: Int; var generation: Int; var lastReloadOk: Bool? }
            var status: String
            var plugins: Plugins
        }
        let current = await state.generations.current
        let last = await state.generations.lastReload
        let failed = last?.ok == false ? last?.failures.count ?? 0 : 0
        let status = current == nil ? "unavailable" : (failed > 0 ? "degraded" : "ok")
        return ServeJSON.response(Health(status: status, plugins: .init(loaded: current?.members.count ?? 0, failed: failed,
                                                                         generation: current?.number ?? 0, lastReloadOk: last?.ok)),
                                  status: current == nil ? .serviceUnavailable : .ok)
    }

    func metrics() async -> Response {
        let generation = await state.generations.current?.number ?? 0
        let reloads = await state.generations.reloads
        let text = state.metrics.text(generation: generation, reloadsSucceeded: reloads.succeeded, reloadsFailed: reloads.failed)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The loaded set, its generation, the last reload's result and its failures.
    func plugins() async -> Response {
        /// The plugins document.
        struct Listing: Encodable {
            var generation: Int
            var loadedAt: String?
            var folder: String
            var plugins: [PluginGeneration.Member]
            var lastReload: ReloadResult?
        }
        let current = await state.generations.current
        let listing = Listing(generation: current?.number ?? 0, loadedAt: current.map { ISO8601DateFormatter().string(from: $0.loadedAt) },
                              folder: state.generations.folder.path, plugins: current?.members ?? [],
                              lastReload: await state.generations.lastReload)
        return ServeJSON.response(listing)
    }

    /// Reloads now: 200 with the result when the new generation serves, else 422 naming the
    /// first failure (all of them are at `/v1/plugins`); the last good generation keeps serving.
    func reload() async throws -> Response {
        let result = await state.generations.reload(trigger: "request")
        guard result.ok else {
            let first = result.failures.first
            throw APIError(status: .unprocessableContent, code: "plugin",
                           message: "the new plugin set was refused (\(result.failures.count) problem(s)); generation \(result.generation) keeps serving: "
                               + (first?.message ?? ""), problem: first)
        }
        return ServeJSON.response(result)
    }

    // MARK: goal runs

    /// `run goal --json`, saved as a run: 201 with the run (its `run_id`) and its address.
    func goal(_ request: Request, context: ServeContext) async throws -> Response {
        let body = try await ServeJSON.decode(ServeRequests.Goal.self, request, context: context)
        guard !body.goal.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw APIError.input("\"goal\" is empty") }
        var options = GoalPipeline.Options(goal: body.goal)
        if let algo = body.algo {
            guard let algorithm = ClusteringAlgorithm(rawValue: algo) else { throw APIError.input("\"algo\" must be kmeans, ward or gmm, got '\(algo)'") }
            options.algorithm = algorithm
        }
        if let k = body.k {
            guard let range = GoalCommand.parseK(k.text) else { throw APIError.input("\"k\" must be a number from 2 to 50, or a range such as \"2-6\"") }
            options.k = range
        }
        options.seed = body.seed ?? GoalCommand.defaultSeed
        options.strict = body.strict ?? false
        options.explain = body.explain ?? false
        options.save = false
        let database = state.database
        let base = options
        let data = try await state.run { generation, set, deadline in
            var options = base
            options.invocation.pluginsFolder = generation.folder.path
            options.invocation.pluginsFolderFrom = "persona-host serve, plugin generation \(generation.number)"
            guard try UserStore(database: database).count() > 0 else {
                throw APIError.input("no users in \(database.path); add some with `persona-host data import FILE --db \(database.path)` or `data generate`")
            }
            let pipeline = GoalPipeline(plugins: set, database: database, loader: generation.loader)
            var run = try pipeline.run(options)
            guard !deadline.passed else { throw APIError(status: .serviceUnavailable, code: "timeout", message: "past the time limit; not saved") }
            run.runID = try pipeline.save(run)
            return try Output.jsonData(run)
        }
        var response = Response(status: .created, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data + [0x0A])))
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let id = object["run_id"] as? Int {
            response.headers[.location] = "/v1/runs/\(id)"
        }
        return response
    }

    /// `runs list --json`.
    func runs() async throws -> Response {
        let database = state.database
        let rows = try await state.work.run { _ in
            let formatter = ISO8601DateFormatter()
            return try RunStore(database: database).list().map {
                RunRow(id: $0.id, createdAt: formatter.string(from: $0.createdAt), pipeline: $0.pipeline, goal: $0.goal,
                       matchedRows: $0.matchedRows, personas: $0.personaCount)
            }
        }
        return ServeJSON.response(rows)
    }

    /// One row of `runs list --json`.
    struct RunRow: Encodable, Sendable { var id: Int64; var createdAt: String; var pipeline: String; var goal: String; var matchedRows: Int; var personas: Int }

    /// `runs show ID --json`.
    func run(_ id: Int64) async throws -> Response {
        let database = state.database
        let data = try await state.work.run { _ in
            var run = try SavedRuns(database: database).goalRun(id)
            if let then = run.dataFingerprint {
                let now = try UserStore(database: database).fingerprint()
                run.dataNow = GoalRun.DataNow(comparison: now.comparison(since: then), now: now)
            }
            return try Output.jsonData(run)
        }
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data + [0x0A])))
    }

    /// `runs report ID`: the run's self-contained HTML page, drawn with the request's generation
    /// (its domain plugin recomputes the members' features for the scatter).
    func report(_ id: Int64) async throws -> Response {
        let database = state.database
        let html = try await state.run { generation, set, _ in
            try RunReport.html(runID: id, database: database, plugins: set, loader: generation.loader)
        }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// `runs export ID` (CSV: user_id,persona_index,persona), sent in 64 KiB chunks.
    func members(_ id: Int64) async throws -> Response {
        let database = state.database
        let bytes = try await state.work.run { _ in
            let runs = SavedRuns(database: database)
            return try RunExport(run: try runs.goalRun(id), members: try runs.store.memberships(runID: id)).bytes(.csv)
        }
        let chunk = 64 * 1024
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                        body: ResponseBody(contentLength: bytes.count) { writer in
                            var start = 0
                            while start < bytes.count {
                                let end = min(start + chunk, bytes.count)
                                try await writer.write(ByteBuffer(bytes: bytes[start..<end]))
                                start = end
                            }
                            try await writer.finish(nil)
                        })
    }
}
