import Builtins
import Foundation

/// What `photos check` prints: each photo's measures, scores and verdict with reasons, the
/// set's gate, and the training configuration a ready set would be trained with.
public struct PhotoCheckReport: Sendable, Codable {
    /// The folder checked (nil when stored photos were judged again).
    public var folder: String?
    public var plugin: String
    public var pluginVersion: String
    /// The time photo ages were measured to, ISO 8601.
    public var checkedAt: String
    public var photos: [ScoredPhoto]
    /// Photos marked as near-duplicates of an earlier one.
    public var duplicates: Int
    public var gate: PhotoGateVerdict
    /// The training configuration; nil while the gate says not ready.
    public var training: JSONValue?
    /// Hidden files and folders that were not looked at.
    public var skipped: [String] = []
    /// Wall time of the check, decode to gate.
    public var seconds: Double = 0

    public var accepted: Int { photos.filter(\.accepted).count }
    /// Photos without an EXIF capture date: the rules cannot judge their age.
    public var undated: Int { photos.filter { $0.facts.taken == nil }.count }

    enum CodingKeys: String, CodingKey {
        case folder, plugin, pluginVersion = "plugin_version", checkedAt = "checked_at", photos, duplicates, gate, training, skipped, seconds
        case accepted, total, undated
    }

    public init(plugin: String, pluginVersion: String, checkedAt: String, photos: [ScoredPhoto], duplicates: Int,
                gate: PhotoGateVerdict, training: JSONValue?) {
        self.plugin = plugin
        self.pluginVersion = pluginVersion
        self.checkedAt = checkedAt
        self.photos = photos
        self.duplicates = duplicates
        self.gate = gate
        self.training = training
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        folder = try c.decodeIfPresent(String.self, forKey: .folder)
        plugin = try c.decode(String.self, forKey: .plugin)
        pluginVersion = try c.decode(String.self, forKey: .pluginVersion)
        checkedAt = try c.decode(String.self, forKey: .checkedAt)
        photos = try c.decode([ScoredPhoto].self, forKey: .photos)
        duplicates = try c.decode(Int.self, forKey: .duplicates)
        gate = try c.decode(PhotoGateVerdict.self, forKey: .gate)
        training = try c.decodeIfPresent(JSONValue.self, forKey: .training)
        skipped = try c.decodeIfPresent([String].self, forKey: .skipped) ?? []
        seconds = try c.decodeIfPresent(Double.self, forKey: .seconds) ?? 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(folder, forKey: .folder)
        try c.encode(plugin, forKey: .plugin)
        try c.encode(pluginVersion, forKey: .pluginVersion)
        try c.encode(checkedAt, forKey: .checkedAt)
        try c.encode(photos.count, forKey: .total)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(duplicates, forKey: .duplicates)
        try c.encode(undated, forKey: .undated)
        try c.encode(gate, forKey: .gate)
        try c.encode(training, forKey: .training)
        try c.encode(photos, forKey: .photos)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(seconds, forKey: .seconds)
    }
}
