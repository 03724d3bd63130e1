import Builtins
import Foundation
import LuaBridge
import Plugins

/// One feedback as a user gives it (`feedback add`, or a line of `feedback import`).
public struct FeedbackInput: Sendable {
    public var persona: String
    public var interactionID: Int64?
    /// categorical, rating, correction, comparative, freeform, outcome, or any type the plugin maps.
    public var type: String
    public var target: String?
    public var value: JSONValue
    /// When it was given (now, when absent).
    public var time: Date?
    public var source: String
    /// An id from the user's system: the same id twice is the same feedback (ignored the second time).
    /// A number is kept as written (`12`, all its digits).
    public var externalID: String?
    /// How versions before 2026-12 wrote a numeric id (`12.0`, `1e+20`: the number read as a
    /// `Double`), so a file imported then is still recognised as imported.
    public var legacyExternalID: String?
    /// Where it came from, for errors (`feedback.jsonl:3`, `--value`).
    public var location: String

    public init(persona: String, interactionID: Int64? = nil, type: String, target: String? = nil, value: JSONValue,
                time: Date? = nil, source: String = "cli", externalID: String? = nil, legacyExternalID: String? = nil,
                location: String = "feedback") {
        self.persona = persona
        self.interactionID = interactionID
        self.type = type
        self.target = target
        self.value = value
        self.time = time
        self.source = source
        self.externalID = externalID
        self.legacyExternalID = legacyExternalID
        self.location = location
    }

    /// The same feedback given twice has the same fingerprint: same persona, type, target and
    /// value, on the same interaction (or with the same external id, or at the same stated time).
    /// `canonical` is the value's canonical JSON text.
    func fingerprint(at time: Date, canonical: String) -> String {
        fingerprint(externalID: externalID, at: time, canonical: canonical)
    }

    /// The fingerprint an earlier version stored for this feedback, when it differs.
    func legacyFingerprint(at time: Date, canonical: String) -> String? {
        legacyExternalID.map { fingerprint(externalID: $0, at: time, canonical: canonical) }
    }

    private func fingerprint(externalID: String?, at time: Date, canonical: String) -> String {
        var parts = [persona, type, target ?? "", canonical]
        if let externalID { parts = [persona, "id", externalID] }
        else if let interactionID { parts.append("interaction \(interactionID)") }
        else { parts.append("at \(time.timeIntervalSince1970)") }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1f}").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}

/// What became of one feedback.
public struct FeedbackOutcome: Sendable, Codable {
    /// `applied`, `pending` (waiting for its batch), `rejected` (its version failed validation) or `duplicate`.
    public var status: String
    public var persona: String
    public var feedbackID: Int64?
    /// The version it produced (or the rejected candidate's name).
    public var version: String?
    public var changes: [TraitChange]
    public var signals: [SignalRecord]
    /// One line for the user: "formality 0.62 → 0.55".
    public var message: String
}

/// A feedback checked and stamped before anything is computed: its time (now, when it states
/// none), the canonical text of its value and its fingerprints.
struct PreparedFeedback {
    /// Its place in the call's input.
    var index: Int
    var input: FeedbackInput
    var time: Date
    var value: JSONDocument
    var fingerprint: String
    var legacyFingerprint: String?
}
