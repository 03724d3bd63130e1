import Hummingbird

/// The request context of `persona-host serve`: Hummingbird's basic one with the service's body
/// size limit (a larger body is answered 413).
struct ServeContext: RequestContext {
    var coreContext: CoreRequestContextStorage

    /// The largest request body read: 1 MiB (a feedback batch of several thousand lines).
    static let maxBody = 1 << 20

    init(source: Source) { coreContext = .init(source: source) }

    var maxUploadSize: Int { Self.maxBody }
}
