import Builtins
import Foundation
import Testing
@testable import Host
import TestSupport

/// Consent files: full, dated consent or a message naming the file and the field.
@Suite struct ConsentRecordTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    nonisolated(unsafe) static let valid: [String: Any] = [
        "user_id": "u-1", "agreed_to_terms": true,
        "consent_items": ["facial_recognition": true, "ai_training": true, "likeness_usage": true, "data_retention": true],
        "restrictions": ["no_commercial_use": true, "time_limit_days": 365],
        "signed_at": "2026-01-31T09:30:00Z", "ip_address": "192.0.2.1",
    ]

    func parse(_ object: [String: Any]) throws(FacePersonaError) -> ConsentRecord {
        let data = try! JSONSerialization.data(withJSONObject: object)
        return try ConsentRecord.parse(data, file: "consent.json", now: Self.now)
    }

    func error(_ object: [String: Any]) -> FacePersonaError? {
        do { _ = try parse(object); return nil } catch { return error }
    }

    func with(_ change: (inout [String: Any]) -> Void) -> [String: Any] {
        var object = Self.valid
        change(&object)
        return object
    }

    @Test func aFullConsentIsReadAndKeptAsGiven() throws {
        let record = try parse(Self.valid)
        #expect(record.userID == "u-1" && record.restrictions?.timeLimitDays == 365 && record.ipAddress == "192.0.2.1")
        guard case .object(let json) = try record.json else { Issue.record("not an object"); return }
        #expect(json["consent_items"] == .object(["facial_recognition": .bool(true), "ai_training": .bool(true),
                                                  "likeness_usage": .bool(true), "data_retention": .bool(true)]))
        #expect(json["signed_at"] == .string("2026-01-31T09:30:00Z"))
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: FacePersonaError.consentFile(path: "/nonexistent/consent.json", problem: "does not exist")) {
            try ConsentRecord.read(path: "/nonexistent/consent.json")
        }
    }

    @Test func aFileIsReadFromDisk() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("consent.json").path
        try JSONSerialization.data(withJSONObject: Self.valid).write(to: URL(fileURLWithPath: path))
        #expect(try ConsentRecord.read(path: path, now: Self.now).userID == "u-1")
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: FacePersonaError.consentFile(path: path, problem: "is not valid JSON")) { try ConsentRecord.read(path: path) }
    }

    @Test(arguments: ["facial_recognition", "ai_training", "likeness_usage", "data_retention"])
    func eachConsentItemIsRequiredAndMustBeTrue(_ item: String) {
        let refused = with { object in
            var items = object["consent_items"] as! [String: Any]
            items[item] = false
            object["consent_items"] = items
        }
        #expect(error(refused) == .consent(path: "consent.json", field: "consent_items.\(item)", problem: "false; every consent item must be true"))
        let missing = with { object in
            var items = object["consent_items"] as! [String: Any]
            items[item] = nil
            object["consent_items"] = items
        }
        #expect(error(missing) == .consent(path: "consent.json", field: "consent_items.\(item)",
                                           problem: "missing; every consent item must be given and true"))
    }

    @Test func termsMustBeAgreedTo() {
        #expect(error(with { $0["agreed_to_terms"] = false })?.description
                == "consent file consent.json, agreed_to_terms: must be true (the terms were not agreed to)")
        #expect(error(with { $0["agreed_to_terms"] = nil }) == .consent(path: "consent.json", field: "agreed_to_terms", problem: "missing"))
        #expect(error(with { $0["consent_items"] = nil }) == .consent(path: "consent.json", field: "consent_items", problem: "missing"))
    }

    @Test func signedAtMustBeAPastISODate() {
        #expect(error(with { $0["signed_at"] = "31/01/2026" })?.description.contains("signed_at: \"31/01/2026\" is not an ISO 8601") == true)
        #expect(error(with { $0["signed_at"] = "2026-01-31" })?.description.contains("signed_at") == true)
        #expect(error(with { $0["signed_at"] = "2027-01-01T00:00:00Z" })
                == .consent(path: "consent.json", field: "signed_at", problem: "2027-01-01T00:00:00Z is in the future"))
        #expect(error(with { $0["signed_at"] = "2026-01-31T09:30:00.250+02:00" }) == nil)
        #expect(error(with { $0["signed_at"] = nil }) == .consent(path: "consent.json", field: "signed_at", problem: "missing"))
    }

    @Test func unknownFieldsAreNamed() {
        let unknown = error(with { $0["agreed_to_term"] = true; $0["extra"] = 1 })
        #expect(unknown?.exitStatus == .usage)
        #expect(unknown?.description.hasPrefix("consent file consent.json, agreed_to_term, extra: unknown fields") == true)
        let nested = error(with { $0["restrictions"] = ["no_comercial_use": true] })
        #expect(nested?.description.hasPrefix("consent file consent.json, restrictions.no_comercial_use: unknown field") == true)
    }

    @Test func wrongTypesAreNamed() {
        #expect(error(with { $0["agreed_to_terms"] = "yes" })
                == .consent(path: "consent.json", field: "agreed_to_terms", problem: "must be true or false"))
    }
}
