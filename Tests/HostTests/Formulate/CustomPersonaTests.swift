import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// Personas are files in plugins/skincare/personas/: dropped in, used on the next run, no list to edit.
struct CustomPersonaTests {
    @Test func aPersonaFileDroppedInIsUsedOnTheNextRun() throws {
        let copy = try SkincareCopy()
        defer { copy.remove() }
        #expect(throws: FormulationError.self) { try copy.pipeline().run(.init(persona: "teen_acne", concerns: ["acne"])) }
        try copy.dropPersona("teen_acne")
        let pipeline = try copy.pipeline()
        let persona = try pipeline.domain.persona("teen_acne")
        #expect(persona.budgetPreference == "budget")
        #expect(persona.efficacyTolerance == 0.5)   // filled in from the plugin's defaults
        let run = try pipeline.run(.init(persona: "teen_acne", concerns: ["acne", "oiliness"]))
        #expect(run.persona.id == "teen_acne")
        #expect(run.constraints.budget == 50)      // 100 USD/kg x 0.5 for a budget persona
        #expect(run.covered == ["acne", "oiliness"])
        #expect(!run.ingredients.contains { $0.id == "coconut_oil" })   // comedogenic oil: avoided
    }

    @Test func aPreferredIngredientRanksHigherThanUnderANeutralPersona() throws {
        let copy = try SkincareCopy()
        defer { copy.remove() }
        try copy.dropPersona("neutral_sensitive")
        let pipeline = try copy.pipeline()
        func ranking(_ persona: String) throws -> [IngredientAssessment] {
            try pipeline.assess(.init(persona: persona, concerns: ["redness"])).assessments
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        }
        let preferring = try ranking("sensitive_skin"), neutral = try ranking("neutral_sensitive")
        for id in ["niacinamide", "hyaluronic_acid", "ceramide_np"] {
            let a = try #require(preferring.firstIndex { $0.id == id }), b = try #require(neutral.firstIndex { $0.id == id })
            #expect(a < b, "\(id) ranks \(a + 1) when preferred, \(b + 1) when neutral")
            #expect(abs(preferring[a].score - neutral[b].score * 1.5) < 1e-9)
        }
    }

    /// A persona file with a mistake is never skipped quietly: the plugin does not load, and the
    /// error names the file and the field (strict by default; see PluginSession for --skip-broken).
    @Test func aBrokenPersonaFileStopsThePluginNamingFileAndField() throws {
        let copy = try SkincareCopy()
        defer { copy.remove() }
        try copy.dropPersona("broken_field")
        let set = try PluginLoader().loadAll(from: copy.plugins)
        #expect(set.plugin(named: "skincare") == nil)
        let error = try #require(set.failures.first).error.description
        #expect(error.contains("personas/broken_field.lua"))
        #expect(error.contains("unknown field 'budget_preferance'"))
    }

    @Test func aCatalogueNamingAnUnknownIncompatibilityIsRefused() throws {
        let copy = try SkincareCopy()
        defer { copy.remove() }
        let file = copy.plugins.appendingPathComponent("skincare/ingredients.lua")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: #"incompatibilities = { "glycolic_acid", "lactic_acid", "salicylic_acid", "ascorbic_acid" },"#,
                                         with: #"incompatibilities = { "glycolic_acidd" },"#)
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try copy.pipeline()
            Issue.record("an unknown id in incompatibilities must be refused")
        } catch {
            #expect("\(error)".contains("skincare/ingredients.lua:"))
            #expect("\(error)".contains("ingredients[1].incompatibilities[1] 'glycolic_acidd' is not the id of any ingredient (did you mean 'glycolic_acid'?) (in retinol)"))
        }
    }
}
