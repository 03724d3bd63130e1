import Foundation
import Testing
@testable import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// The tables the host hands to hooks have exactly the fields `ContractSchema` (and so the
/// editor definitions) says they have: no field the editor does not know, none it promises missing.
@Suite struct HookArgumentSchemaTests {
    /// The named fields of a table argument.
    func fields(_ value: LuaValue) -> Set<String> { Set(value.fields.map(\.name)) }

    func required(_ shape: TableShape) -> Set<String> { Set(shape.fields.filter { !$0.isOptional }.map(\.name)) }

    @Test func theClusterPersonaIsGivenMatchesTheSchema() {
        let summary = ClusterSummary(index: 1, size: 3, share: 0.5, means: ["f": 1], z: ["f": 0.5], distinguishing: [("f", 0.5)],
                                     profile: ["age": .number(30)])
        let cluster = summary.luaValue(filter: ["gender": "female"], taken: ["A"], attempt: 2)
        #expect(fields(cluster) == Set(ContractSchema.cluster.fieldNames))
        #expect(fields(cluster["distinguishing"].arrayValue?.first ?? .nil) == Set(ContractSchema.distinguishing.fieldNames))
    }

    @Test func theGoalFiltersIsGivenMatchesTheSchema() {
        let goal = GoalReading(text: "Gen Z Moms", taxonomy: Taxonomy(plugins: [])).luaValue
        #expect(fields(goal) == Set(ContractSchema.goal.fieldNames))
    }

    @Test func theFormulationRequestMatchesTheSchema() throws {
        let pipeline = try Skincare.pipeline()
        let persona = try pipeline.domain.persona("sensitive_skin")
        let plain = pipeline.luaRequest(.init(persona: "sensitive_skin", concerns: ["redness"]), persona: persona)
        #expect(fields(plain) == required(ContractSchema.formulationRequest))
        let budgeted = pipeline.luaRequest(.init(persona: "sensitive_skin", concerns: ["redness"], budget: 30, exclude: ["fragrance"]),
                                           persona: persona)
        #expect(fields(budgeted) == Set(ContractSchema.formulationRequest.fieldNames))
    }

    @Test func theFeedbackTableMatchesTheSchema() throws {
        let record = InteractionRecord(id: 7, persona: "echo", createdAt: Date(timeIntervalSince1970: 0), input: "Reply to Sam",
                                       output: "Dear Sam, hello.", context: try JSONDocument(text: "{}"))
        let interaction = try LoadedInteraction(record, database: "test.sqlite")
        let input = FeedbackInput(persona: "echo", interactionID: 7, type: "correction", target: "tone", value: .string("Hi Sam!"))
        var cache: [String: LuaValue] = [:]
        let fb = FeedbackTable(input: input, interaction: interaction, traits: ["formality": 0.5]).lua(cache: &cache)
        #expect(fields(fb) == Set(ContractSchema.feedback.fieldNames))
        #expect(fields(fb["interaction"]) == Set(ContractSchema.interaction.fieldNames))
        #expect(fields(fb["measures"]).isSubset(of: Set(ContractSchema.measures.fieldNames)))
        #expect(fields(fb["measures"]["corrected"]) == Set(ContractSchema.textMeasures.fieldNames))
        let bare = FeedbackTable(input: FeedbackInput(persona: "echo", type: "categorical", value: .string("too_formal")), interaction: nil,
                                 traits: [:]).lua(cache: &cache)
        #expect(fields(bare) == required(ContractSchema.feedback))
    }
}
