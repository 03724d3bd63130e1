import Builtins
import Foundation
import LuaBridge
import Plugins

extension TestDrivers {
    /// Feedback in tests is stamped at this time, so learning (time decay, fingerprints) is the
    /// same on every run.
    static let feedbackTime = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// `test.formulate{ persona, concerns, skin_type?, budget?, exclude? }`: a formulation by the
    /// folder's formulation domain, as `run formulate --json`, plus `included` (ingredient ids
    /// in the formula) and `excluded_ids`.
    func formulate(_ arguments: [LuaValue]) throws -> LuaValue {
        let usage = "test.formulate{ persona = \"id\", concerns = { \"acne\", … }, skin_type = …, budget = 30, exclude = { … } }"
        guard let given = arguments.first, given.isTable else { throw Failure("call as \(usage)") }
        _ = try Self.options(given, of: "test.formulate", known: ["persona", "concerns", "skin_type", "budget", "exclude"])
        guard let persona = given["persona"].stringValue else { throw Failure("test.formulate: persona must be a persona id; call as \(usage)") }
        let concerns = try Self.strings(given["concerns"], "test.formulate: concerns")
        let exclude = try Self.strings(given["exclude"], "test.formulate: exclude")
        if given["budget"] != .nil && given["budget"].doubleValue == nil { throw Failure("test.formulate: budget must be a number") }
        if given["skin_type"] != .nil && given["skin_type"].stringValue == nil { throw Failure("test.formulate: skin_type must be a string") }
        let request = FormulationRun.Request(persona: persona, concerns: concerns, skinType: given["skin_type"].stringValue,
                                             budget: given["budget"].doubleValue, exclude: exclude)
        var pipeline = FormulatePipeline(domain: try FormulationDomain.find(in: set))
        // What test.feedback taught the persona earlier in this case applies, as in `run formulate`.
        if let db = learningDatabaseIfOpen, let learned = try LearningPipeline(plugins: set, database: db).learnedMultipliers(of: persona) {
            pipeline.learnedMultipliers[persona] = learned.multipliers
            pipeline.learnedVersions[persona] = learned.version
        }
        let run = try pipeline.run(request)
        return Self.adding([
            "included": .array(run.ingredients.map { .string($0.id) }),
            "excluded_ids": .array(run.excluded.map { .string($0.id) }),
        ], to: try Self.lua(run))
    }

    /// `test.feedback{ persona, type, value, target?, time?, interaction? = { input, output, context? } }`:
    /// one feedback through the learning pipeline (its mapping, checks and damped update) on a
    /// database that lasts for the test case; returns the outcome as `feedback add --json` does
    /// (`signals`, `changes`, `version`, `status`). `time` (ISO 8601) stamps it; by default
    /// ``feedbackTime``.
    func feedback(_ arguments: [LuaValue]) throws -> LuaValue {
        let usage = "test.feedback{ persona = \"id\", type = \"categorical\", value = \"too_formal\", interaction = { input = …, output = … } }"
        guard let given = arguments.first, given.isTable else { throw Failure("call as \(usage)") }
        _ = try Self.options(given, of: "test.feedback", known: ["persona", "type", "value", "target", "time", "interaction"])
        guard let persona = given["persona"].stringValue, let type = given["type"].stringValue, given["value"] != .nil else {
            throw Failure("test.feedback needs persona, type and value; call as \(usage)")
        }
        var pipeline = try LearningPipeline(plugins: set, database: try learning())
        pipeline.now = { TestDrivers.feedbackTime }
        var interactionID: Int64?
        if given["interaction"] != .nil {
            let i = given["interaction"]
            guard i.isTable, let input = i["input"].stringValue, let output = i["output"].stringValue,
                  i["context"] == .nil || i["context"].isTable else {
                throw Failure("test.feedback: interaction must be { input = \"…\", output = \"…\", context = { … } }")
            }
            interactionID = try pipeline.addInteraction(persona: persona, input: input, output: output,
                                                        context: i["context"] == .nil ? .object([:]) : JSONValue(i["context"]))
        }
        if given["target"] != .nil && given["target"].stringValue == nil { throw Failure("test.feedback: target must be a string") }
        var time: Date?
        if given["time"] != .nil {
            guard let text = given["time"].stringValue, let parsed = Self.date(text) else {
                throw Failure("test.feedback: time must be an ISO 8601 time such as \"2026-01-02T09:30:00Z\"")
            }
            time = parsed
        }
        let input = FeedbackInput(persona: persona, interactionID: interactionID, type: type, target: given["target"].stringValue,
                                  value: JSONValue(given["value"]), time: time, source: "test", location: "test.feedback")
        guard let outcome = try pipeline.addFeedback([input]).first else { throw Failure("test.feedback: the pipeline returned no outcome") }
        return try Self.lua(outcome)
    }

    /// `test.tag(example [, { file = "name.jsonl" }])`: the example through the same scanner
    /// and tagger as `dataset tag` (the table form's compiled rules, or the function form), as
    /// `{ persona, traits, claim, instruction }` (the instruction as written, prefix included).
    func tag(_ arguments: [LuaValue]) throws -> LuaValue {
        guard let example = arguments.first, example.isTable else {
            throw Failure("call as test.tag({ instruction = …, output = …, … } [, { file = \"name.jsonl\" }])")
        }
        guard plugin.contract.tagging != nil else { throw Failure("test.tag: \(plugin.name) has no `tagging` hook") }
        let file = arguments.count > 1 ? arguments[1]["file"].stringValue ?? "test.jsonl" : "test.jsonl"
        let rules = DatasetRules(plugin: plugin)
        let tagger: ExampleTagger
        do { tagger = try ExampleTagger(rules: rules, loader: loader, wantsTraits: false) } catch { throw Failure("test.tag: \(error)") }
        let data = try JSONEncoder().encode(JSONValue(example))
        let bytes = [UInt8](data)
        let tagged: (ExampleLine, TagDecision)
        do {
            tagged = try bytes.withUnsafeBufferPointer { (line) throws -> (ExampleLine, TagDecision) in
                let scanned = try tagger.scanner.scan(line)
                if let problem = tagger.checkFields(scanned) { throw problem }
                let decision = try tagger.tag(scanned, source: tagger.sourceName(of: scanned, fileSource: DatasetPass.sourceName(ofFile: file)),
                                              file: file, lineNumber: 1)
                return (scanned, decision)
            }
        } catch let problem as LineProblem {
            throw Failure("test.tag: the example is not one dataset tag accepts: \(problem)")
        } catch let error as DatasetError {
            throw Failure("test.tag: \(error)")
        }
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { line in
            TaggedLineWriter.append(line, scanned: tagged.0, decision: tagged.1, prefix: rules.spec.rules?.prefix ?? false, to: &out)
        }
        let written = try JSONDecoder().decode(JSONValue.self, from: Data(out))
        var instruction = ""
        if case .object(let fields) = written, case .string(let text)? = fields["instruction"] { instruction = text }
        var claim = DatasetSummary.describe(tagged.1.claim, rules: rules)
        if case .rule(let i) = tagged.1.claim { claim = "rules[\(i + 1)]" }
        if case .source(let i) = tagged.1.claim { claim = "sources[\(i + 1)]" }
        if case .fallback = tagged.1.claim { claim = "fallback" }
        return .table([
            .string("persona"): .string(tagged.1.persona),
            .string("traits"): .array(tagged.1.traits.map(LuaValue.string)),
            .string("claim"): .string(claim),
            .string("instruction"): .string(instruction),
        ])
    }

    static func date(_ text: String) -> Date? {
        for style in [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)] {
            if let date = try? style.parse(text) { return date }
        }
        return nil
    }

    static func strings(_ value: LuaValue, _ what: String) throws -> [String] {
        if value == .nil { return [] }
        if let text = value.stringValue { return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        guard let items = value.arrayValue, let strings = Optional(items.compactMap(\.stringValue)), strings.count == items.count else {
            throw Failure("\(what) must be a list of strings (or one comma-separated string)")
        }
        return strings
    }
}
