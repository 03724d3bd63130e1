import Builtins
import Foundation

/// The consent a person gives before a face persona is made of their photos: agreement to the
/// terms and to each use (face recognition, AI training, likeness use, data retention), optional
/// restrictions, and when it was signed. Read from a JSON file with ``read(path:now:)``, which
/// refuses anything short of full, dated consent: a persona is never created on a partial one.
/// It is stored with the persona as given and deleted with it.
public struct ConsentRecord: Sendable, Codable, Equatable {
    /// Each use the person must agree to; all four are required.
    public struct Items: Sendable, Codable, Equatable {
        public var facialRecognition: Bool?
        public var aiTraining: Bool?
        public var likenessUsage: Bool?
        public var dataRetention: Bool?

        public init(facialRecognition: Bool?, aiTraining: Bool?, likenessUsage: Bool?, dataRetention: Bool?) {
            self.facialRecognition = facialRecognition
            self.aiTraining = aiTraining
            self.likenessUsage = likenessUsage
            self.dataRetention = dataRetention
        }

        public static let all = Items(facialRecognition: true, aiTraining: true, likenessUsage: true, dataRetention: true)

        enum CodingKeys: String, CodingKey, CaseIterable {
            case facialRecognition = "facial_recognition", aiTraining = "ai_training", likenessUsage = "likeness_usage"
            case dataRetention = "data_retention"
        }

        /// The items in file order with their values.
        var values: [(key: CodingKeys, value: Bool?)] {
            [(.facialRecognition, facialRecognition), (.aiTraining, aiTraining), (.likenessUsage, likenessUsage), (.dataRetention, dataRetention)]
        }
    }

    /// Limits the person set on the use of their likeness (kept and shown; enforcing them is the
    /// trainer's and the user's business).
    public struct Restrictions: Sendable, Codable, Equatable {
        public var noCommercialUse: Bool?
        public var noThirdParty: Bool?
        public var timeLimitDays: Int?

        public init(noCommercialUse: Bool? = nil, noThirdParty: Bool? = nil, timeLimitDays: Int? = nil) {
            self.noCommercialUse = noCommercialUse
            self.noThirdParty = noThirdParty
            self.timeLimitDays = timeLimitDays
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case noCommercialUse = "no_commercial_use", noThirdParty = "no_third_party", timeLimitDays = "time_limit_days"
        }
    }

    public var userID: String
    public var agreedToTerms: Bool
    public var consentItems: Items
    public var restrictions: Restrictions?
    /// ISO 8601, as given.
    public var signedAt: String
    public var ipAddress: String?
    public var userAgent: String?

    public init(userID: String, agreedToTerms: Bool, consentItems: Items, restrictions: Restrictions? = nil, signedAt: String,
                ipAddress: String? = nil, userAgent: String? = nil) {
        self.userID = userID
        self.agreedToTerms = agreedToTerms
        self.consentItems = consentItems
        self.restrictions = restrictions
        self.signedAt = signedAt
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case userID = "user_id", agreedToTerms = "agreed_to_terms", consentItems = "consent_items", restrictions
        case signedAt = "signed_at", ipAddress = "ip_address", userAgent = "user_agent"
    }

    /// How far in the future `signed_at` may be (clocks of the signing device and this machine differ).
    public static let clockSkew: TimeInterval = 300

    /// Reads and checks the consent file at `path`.
    ///
    /// - Throws: ``FacePersonaError/consentFile(path:problem:)`` when it is missing or not a JSON
    ///   object; ``FacePersonaError/consent(path:field:problem:)`` naming the first wrong field
    ///   (unknown fields, each missing or refused consent item, a bad or future `signed_at`).
    public static func read(path: String, now: Date = Date()) throws -> ConsentRecord {
        guard FileManager.default.fileExists(atPath: path) else { throw FacePersonaError.consentFile(path: path, problem: "does not exist") }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw FacePersonaError.consentFile(path: path, problem: "cannot be read (\(error.localizedDescription))")
        }
        return try parse(data, file: path, now: now)
    }

    /// Checks and decodes consent JSON; `file` names it in errors.
    public static func parse(_ data: Data, file: String, now: Date = Date()) throws(FacePersonaError) -> ConsentRecord {
        let value: JSONValue
        do { value = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw .consentFile(path: file, problem: "is not valid JSON")
        }
        guard case .object(let object) = value else { throw .consentFile(path: file, problem: "must hold a JSON object") }
        try unknownFields(object, CodingKeys.allCases.map(\.rawValue), file: file, in: "")
        if case .object(let items)? = object["consent_items"] { try unknownFields(items, Items.CodingKeys.allCases.map(\.rawValue), file: file, in: "consent_items.") }
        if case .object(let limits)? = object["restrictions"] { try unknownFields(limits, Restrictions.CodingKeys.allCases.map(\.rawValue), file: file, in: "restrictions.") }
        let record: ConsentRecord
        do { record = try JSONDecoder().decode(ConsentRecord.self, from: data) } catch let error as DecodingError {
            throw .consent(path: file, field: Self.field(of: error), problem: Self.problem(of: error))
        } catch {
            throw .consentFile(path: file, problem: "cannot be decoded (\(error))")
        }
        try record.validate(file: file, now: now)
        return record
    }

    /// Checks the record is full, dated consent (``read(path:now:)`` does this; `create` does it
    /// again for a record built in code).
    public func validate(file: String, now: Date = Date()) throws(FacePersonaError) {
        if userID.trimmingCharacters(in: .whitespaces).isEmpty { throw .consent(path: file, field: "user_id", problem: "must not be empty") }
        guard agreedToTerms else { throw .consent(path: file, field: "agreed_to_terms", problem: "must be true (the terms were not agreed to)") }
        let missing = consentItems.values.filter { $0.value == nil }.map { "consent_items.\($0.key.rawValue)" }
        let refused = consentItems.values.filter { $0.value == false }.map { "consent_items.\($0.key.rawValue)" }
        if !missing.isEmpty {
            throw .consent(path: file, field: missing.joined(separator: ", "), problem: "missing; every consent item must be given and true")
        }
        if !refused.isEmpty {
            throw .consent(path: file, field: refused.joined(separator: ", "), problem: "false; every consent item must be true")
        }
        if let days = restrictions?.timeLimitDays, days < 1 {
            throw .consent(path: file, field: "restrictions.time_limit_days", problem: "must be a whole number of days, at least 1")
        }
        guard let signed = signedDate else {
            throw .consent(path: file, field: "signed_at", problem: "\"\(signedAt)\" is not an ISO 8601 date and time (2026-01-31T09:30:00Z)")
        }
        if signed.timeIntervalSince(now) > Self.clockSkew {
            throw .consent(path: file, field: "signed_at", problem: "\(signedAt) is in the future")
        }
    }

    /// `signed_at` as a date; nil when it is not ISO 8601 with a time and a zone.
    public var signedDate: Date? {
        for style in [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()] {
            do { return try Date(signedAt, strategy: style) } catch { continue }  // not this style; the next may match
        }
        return nil
    }

    /// The record as stored: normalised JSON of exactly the fields given.
    public var json: JSONValue {
        get throws { try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(self)) }
    }

    private static func unknownFields(_ object: [String: JSONValue], _ known: [String], file: String, in prefix: String) throws(FacePersonaError) {
        let unknown = object.keys.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw .consent(path: file, field: unknown.map { prefix + $0 }.joined(separator: ", "),
                           problem: "unknown field\(unknown.count == 1 ? "" : "s") (known: \(known.joined(separator: ", ")))")
        }
    }

    private static func field(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case let .keyNotFound(key, context): path = context.codingPath + [key]
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context): path = context.codingPath
        @unknown default: path = []
        }
        return path.isEmpty ? "(top level)" : path.map(\.stringValue).joined(separator: ".")
    }

    private static func problem(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound: "missing"
        case let .typeMismatch(type, _): "must be \(type == Bool.self ? "true or false" : type == String.self ? "a string" : type == Int.self ? "a whole number" : "\(type)")"
        case .valueNotFound: "must not be null"
        case let .dataCorrupted(context): context.debugDescription
        @unknown default: "\(error)"
        }
    }
}
