import Foundation

/// A JSON text stored as-is in a `runs` or `personas` column (parameters, summary, profile).
///
/// The pipeline decides what goes in it; storage only guarantees the text is valid JSON
/// (checked here and by the columns' `json_valid` CHECK), so it can be queried with SQLite's
/// JSON functions and decoded back into the caller's `Codable` type.
public struct JSONDocument: Sendable, Hashable, CustomStringConvertible {
    /// The JSON text.
    public let text: String

    /// `{}`.
    public static let emptyObject = JSONDocument(trusted: "{}")

    /// Wraps `text` after checking it is valid JSON.
    ///
    /// - Throws: ``StorageError/invalidArgument(_:)`` when it is not.
    public init(text: String) throws {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw StorageError.invalidArgument("not valid JSON (\(error.localizedDescription)): \(text.prefix(80))")
        }
        self.text = text
    }

    /// Encodes `value` (keys sorted, so equal values give equal text).
    public init(encoding value: some Encodable) throws {
        self.text = try Self.encode(value)
    }

    /// Decodes the text as `type`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    public var description: String { text }

    init(trusted text: String) {
        self.text = text
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A feature and its value, for a persona's centroid and z-scores: an array keeps the
/// pipeline's feature order (a JSON object would not).
public struct FeatureValue: Codable, Sendable, Hashable {
    public var feature: String
    public var value: Double

    public init(feature: String, value: Double) {
        self.feature = feature
        self.value = value
    }
}
