import Foundation
import Testing
import Builtins
import LuaBridge
@testable import Plugins
import TestSupport

/// The validator reads its known fields from `ContractSchema`: a field the schema does not name
/// is refused, with the schema's list; every field it names is accepted. And the schema's view of
/// the sandbox (`HostAPISchema`) is what a loaded plugin actually sees.
@Suite struct ContractSchemaTests {
    func problems(_ files: [String: String]) throws -> String {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(files, in: folder)
        return try PluginLoader().loadAll(from: folder).failures.map(\.error.description).joined(separator: "\n")
    }

    static let header = #"name = "p", version = "1", api = 1, description = "","#
    static let domain = header + """
        features = { f = function(u) return u.age end, g = function(u) return u.device_count end },
        persona = function() return { name = "x" } end,
        """
    static let learning = header + """
        personas = { echo = { traits = { formality = { value = 0.5 } } } },
        feedback = { categorical = function() return {} end },
        """

    /// A field outside the schema, at each kind of table the validator reads field by field: the
    /// message lists exactly the schema's fields, so the list can only come from the schema.
    @Test(arguments: [
        ("return { \(header) intents = { x = { terms = { \"a\" }, bogus = 1 } } }", "intents.x.bogus", ContractSchema.intent),
        ("return { \(domain) clustering = { bogus = 1 } }", "clustering.bogus", ContractSchema.clustering),
        ("return { \(domain) clustering = { k = { min = 2, max = 3, bogus = 1 } } }", "clustering.k.bogus", ContractSchema.kRange),
        ("return { \(header) personas = { echo = { traits = { formality = { value = 0.5 } }, bogus = 1 } }, feedback = { c = function() end } }",
         "personas.echo.bogus", ContractSchema.learningPersona),
        ("return { \(header) personas = { echo = { traits = { formality = { value = 0.5, bogus = 1 } } } }, feedback = { c = function() end } }",
         "personas.echo.traits.formality.bogus", ContractSchema.trait),
        ("return { \(header) personas = { echo = { traits = { f = { value = 0.5 } }, learning = { bogus = 1 } } }, feedback = { c = function() end } }",
         "personas.echo.learning.bogus", ContractSchema.learningSettings),
        ("return { \(header) personas = { echo = { traits = { f = { value = 0.5 } }, golden = { { trait = \"f\", bogus = 1 } } } }, feedback = { c = function() end } }",
         "personas.echo.golden[1].bogus", ContractSchema.golden),
    ] as [(String, String, TableShape)])
    func aFieldTheSchemaDoesNotNameIsRefusedWithTheSchemasList(source: String, path: String, shape: TableShape) throws {
        let text = try problems(["p/init.lua": source])
        #expect(text.contains("\(path) is not a known field"), "\(text)")
        #expect(text.contains("(known: \(shape.fieldNames.joined(separator: ", ")))"), "\(text)")
    }

    @Test func theFormulationTablesAreCheckedAgainstTheSchema() throws {
        let ingredient = """
            { id = "a", class = "x", concerns = { "c" }, efficacy = 5, safety = 9, bioavailability = 0.5, stability = 0.5,
              ph = { min = 4, max = 7, bogus = 1 }, use_level = { min = 1, max = 2 }, cost_per_gram = 1, natural = true, bogus = 1 }
            """
        let text = try problems(["f/init.lua": """
            return { \(Self.header)
              ingredients = { \(ingredient) },
              personas = { p = { skin_type = "oily", primary_concerns = { "c" }, sensitivity_level = 0.5, budget_preference = "budget",
                                 efficacy_tolerance = 0.5, safety_priority = 0.5, natural_preference = 0.5, bogus = 1 } },
              multipliers = { weights = function() end, preference = function() end, confidence = function() end,
                              budget = function() end, limits = function() end, bogus = 1 },
            }
            """])
        for (path, shape) in [("ingredients[1].bogus", ContractSchema.ingredient), ("ingredients[1].ph.bogus", ContractSchema.range),
                              ("personas.p.bogus", ContractSchema.skincarePersona), ("multipliers.bogus", ContractSchema.multipliers)] {
            #expect(text.contains("\(path) is not a known field"), "\(path): \(text)")
            #expect(text.contains("(known: \(shape.fieldNames.joined(separator: ", ")))"), "\(path): \(text)")
        }
    }

    @Test func aTopLevelFieldOutsideTheSchemaIsRefused() throws {
        let text = try problems(["p/init.lua": "return { \(Self.header) feautres = {} }"])
        #expect(text.contains("unknown field 'feautres' (did you mean 'features'?)"))
        // Every hook kind is a typed manifest field, after the plugin's own five.
        #expect(ContractSchema.manifest.fieldNames == ["name", "version", "api", "description", "priority"] + HookKind.allCases.map(\.field))
    }

    /// The other half: every field the schema names at these tables is accepted.
    @Test func everyFieldTheSchemaNamesIsAccepted() throws {
        let text = try problems(["p/init.lua": """
            return { \(Self.domain)
              intents = { x = { terms = { "a" }, synonyms = { b = "a" }, threshold = 0.5 } },
              clustering = { weights = { f = 1, g = 1 }, algorithm = "ward", k = { min = 2, max = 3 }, min_share = 0.1, profile = { "age" } },
              personas = { echo = { id = "echo", name = "Echo", description = "d", traits = { t = { value = 0.5, min = 0, max = 1 } },
                learning = { learning_rate = 0.5, max_step = 0.1, window = 60, max_change_per_window = 0.2, smoothing = 0.3, batch_size = 2 },
                golden = { { name = "g", trait = "t", min = 0, max = 1, check = function() return true end } } } },
              feedback = { c = function() return {} end },
            }
            """])
        #expect(text.isEmpty, "\(text)")
    }

    @Test func everyShapeIsReachedOnceFromTheManifest() {
        let names = ContractSchema.shapes.map(\.name)
        #expect(Set(names).count == names.count)
        for shape in [ContractSchema.cluster, ContractSchema.goal, ContractSchema.condition, ContractSchema.feedback, ContractSchema.signal,
                      ContractSchema.formulationRequest, ContractSchema.textMeasures, ContractSchema.namedPersona] {
            #expect(names.contains(shape.name), "\(shape.name) is not reachable from the manifest")
        }
        #expect(ContractSchema.cluster.field("taken") != nil)
    }

    /// The text measures a mapping sees in `fb.measures.*` are the ones the host computes.
    @Test func textMeasuresMatchTheHost() {
        #expect(Set(TextMeasures("Hello there!").dictionary().keys) == Set(ContractSchema.textMeasures.fieldNames))
    }

    /// What a loaded plugin actually sees: its globals, each library's fields, and `host`'s.
    @Test func theSandboxGivesExactlyTheSchemasGlobals() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(["p/init.lua": "return { \(Self.header) }"], in: folder)
        let set = try PluginLoader().loadAll(from: folder)
        let plugin = try #require(set.plugins.first)
        let seen = try plugin.sandbox.evaluate("""
            local function keys(t)
              local out = {}
              for k in pairs(t) do out[#out + 1] = k end
              table.sort(out)
              return out
            end
            local libraries = {}
            for _, name in ipairs({ "coroutine", "math", "os", "string", "table", "utf8" }) do libraries[name] = keys(_G[name]) end
            return { globals = keys(_G), libraries = libraries, host = keys(host), names = keys(host.names) }
            """)
        func strings(_ value: LuaValue) -> [String] { value.arrayValue?.compactMap(\.stringValue) ?? [] }
        #expect(strings(seen["globals"]) == HostAPISchema.pluginGlobals.map(\.name).sorted())
        for global in HostAPISchema.sandboxGlobals {
            guard case .standard(let fields?) = global.kind else { continue }
            #expect(strings(seen["libraries"][global.name]) == fields.sorted(), "\(global.name)")
        }
        #expect(strings(seen["host"]) == HostAPISchema.host.entries.map(\.name).sorted())
        let names = try #require(HostAPISchema.host.entries.first { $0.name == "names" })
        #expect(strings(seen["names"]) == names.entries.map(\.name).sorted())
    }
}
