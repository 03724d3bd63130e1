import Builtins
import Foundation
import LuaBridge
import Plugins

extension TestDrivers {
    /// The folder's `photos` rules (the plugin under test, else the only plugin with them).
    private func photoRules(_ call: String) throws -> PhotoRules {
        if let spec = plugin.contract.photos { return PhotoRules(plugin: plugin, spec: spec) }
        do { return try PhotoRules(from: set, named: nil) } catch { throw Failure("\(call): \(error.description)") }
    }

    /// One photo's facts from a test's table: every measure is required (a test says what it
    /// judges), and a missing or wrong one is named.
    static func photoFacts(_ value: LuaValue, _ call: String) throws -> PhotoFacts {
        guard value.isTable else { throw Failure("\(call): a photo must be a table of measures, got \(value.typeName)") }
        let known = ["file", "format", "bytes", "width", "height", "sharpness", "brightness", "shadows", "highlights",
                     "faces", "face", "hash", "taken", "age_days", "duplicate_of"]
        _ = try options(value, of: call, known: known)
        var object: [String: JSONValue] = [:]
        for (name, item) in value.fields { object[name] = JSONValue(item) }
        if case .object(var face)? = object["face"] {
            // The box's place in the frame follows from the box, as the host computes it.
            let w = value["width"].doubleValue ?? 1, h = value["height"].doubleValue ?? 1
            let bx = value["face"]["x"].doubleValue ?? 0, by = value["face"]["y"].doubleValue ?? 0
            let bw = value["face"]["width"].doubleValue ?? 0, bh = value["face"]["height"].doubleValue ?? 0
            face["share"] = face["share"] ?? .number(bw * bh / max(1, w * h))
            face["center_x"] = face["center_x"] ?? .number((bx + bw / 2) / max(1, w))
            face["center_y"] = face["center_y"] ?? .number((by + bh / 2) / max(1, h))
            object["face"] = .object(face)
        }
        object["hash"] = object["hash"] ?? .string("0000000000000000")
        do {
            return try JSONDecoder().decode(PhotoFacts.self, from: JSONEncoder().encode(JSONValue.object(object)))
        } catch DecodingError.keyNotFound(let key, let context) {
            let at = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw Failure("\(call): the photo needs `\(at)`")
        } catch DecodingError.typeMismatch(_, let context) {
            throw Failure("\(call): `\(context.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong type (\(context.debugDescription))")
        } catch {
            throw Failure("\(call): \(error)")
        }
    }

    /// `test.photo(photo)`: one photo through the plugin's scores, weights and reject rule:
    /// `{ scores, overall, accepted, reasons }`.
    func photo(_ arguments: [LuaValue]) throws -> LuaValue {
        let rules = try photoRules("test.photo")
        let scored = try rules.score(try Self.photoFacts(arguments.first ?? .nil, "test.photo"))
        return try Self.lua(PhotoVerdictView(scored))
    }

    /// `test.photo_set{ photo, … }`: a set as `photos check` judges it (duplicates marked from
    /// `hash`, every photo scored, the gate, and the training configuration when ready):
    /// `{ ready, reasons, notes, training, accepted, total, duplicates, photos = { { file, accepted, reasons, overall, duplicate_of }, … } }`.
    func photoSet(_ arguments: [LuaValue]) throws -> LuaValue {
        let rules = try photoRules("test.photo_set")
        guard let items = arguments.first?.arrayValue, !items.isEmpty else {
            throw Failure("test.photo_set: call with a non-empty list of photos, test.photo_set{ { file = …, … }, … }")
        }
        var facts: [PhotoFacts] = []
        for (i, item) in items.enumerated() { facts.append(try Self.photoFacts(item, "test.photo_set: photo \(i + 1)")) }
        let report = try PhotoSetCheck(rules: rules, now: TestDrivers.feedbackTime).judge(facts)
        var photos: [LuaValue] = []
        for p in report.photos {
            var view = try Self.lua(PhotoVerdictView(p))
            view = Self.adding(["file": .string(p.facts.file), "duplicate_of": p.facts.duplicateOf.map { .string($0) } ?? .nil], to: view)
            photos.append(view)
        }
        return [
            "ready": .bool(report.gate.ready), "reasons": .array(report.gate.reasons.map { .string($0) }),
            "notes": .array(report.gate.notes.map { .string($0) }), "training": report.training?.luaValue ?? .nil,
            "accepted": .integer(Int64(report.accepted)), "total": .integer(Int64(report.photos.count)),
            "duplicates": .integer(Int64(report.duplicates)), "photos": .array(photos),
        ]
    }

    /// `test.validation{ check = value, … }`: the validation gate: `{ passed, reasons }`.
    func validation(_ arguments: [LuaValue]) throws -> LuaValue {
        let rules = try photoRules("test.validation")
        guard let given = arguments.first, given.isTable else { throw Failure("test.validation: call with a table of check = value") }
        var scores: [String: Double] = [:]
        for (name, value) in given.fields {
            guard let d = value.doubleValue, d.isFinite else { throw Failure("test.validation: \(name) must be a number, got \(value.typeName)") }
            scores[name] = d
        }
        return try Self.lua(try rules.validation(scores))
    }
}

/// What `test.photo` returns for one photo.
private struct PhotoVerdictView: Encodable {
    var scores: [String: Double], overall: Double, accepted: Bool, reasons: [String]
    init(_ p: ScoredPhoto) { (scores, overall, accepted, reasons) = (p.scores, p.overall, p.accepted, p.reasons) }
}
