import Foundation
import LuaBridge
import Builtins

/// What a plugin says about itself: the plain, `Sendable` part of its manifest.
///
/// The Lua functions it provides stay in its sandbox (see `Plugin`); this is what listings,
/// run records and error messages need.
public struct PluginManifest: Sendable, Equatable, Codable {
    /// Unique name (`parenting`), lower-case letters, digits, `_` and `-`.
    public var name: String
    /// The plugin's own version (`1.0.0`), recorded with every run.
    public var version: String
    /// The host API version the plugin targets.
    public var api: Int64
    /// One line for listings.
    public var description: String
    /// Load order: lower first, then by name. Defaults to 100.
    public var priority: Int64
    /// The hooks the plugin provides, in catalogue order.
    public var hooks: [HookKind]

    /// The default load priority.
    public static let defaultPriority: Int64 = 100
}

/// The host API versions this build speaks. Plugins declare theirs in `api`.
public enum HostAPI {
    /// The current version.
    public static let version: Int64 = 1
    /// Every version a plugin may target.
    public static let supported: [Int64] = [1]
}
