import Foundation
import Testing
import Builtins
import LuaBridge
@testable import Plugins
import TestSupport

/// The LuaLS definitions name every field the validator knows, every hook's parameters and
/// results, `host.*`, and the users-table columns, and they are a Lua file LuaLS can load.
@Suite struct LuaLSDefinitionsTests {
    let text = LuaLSDefinitions(users: .generated, columnsSource: "the default generator").text

    /// `---@class` name → the keys of its `---@field` lines (`[1]` for positional ones).
    static func classes(in text: String) -> [String: [String]] {
        var classes: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("---@class ") {
                let name = String(line.dropFirst("---@class ".count))
                current = name
                classes[name] = []
            } else if line.hasPrefix("---@field "), let name = current {
                let rest = line.dropFirst("---@field ".count)
                // A key is a name, `[1]` or `["not a name"]`, then `?` when the field is optional.
                var key: Substring
                if rest.hasPrefix("[\""), let end = rest.range(of: "\"]") {
                    key = rest[..<end.upperBound]
                } else {
                    key = rest.prefix { $0 != " " }
                }
                if key.hasSuffix("?") { key = key.dropLast() }
                classes[name, default: []].append(String(key))
            } else if !line.hasPrefix("---") {
                current = nil
            }
        }
        return classes
    }

    /// Walks the whole schema: each shape is a class whose fields are exactly the shape's, in order.
    @Test func everyFieldTheValidatorKnowsIsInTheDefinitions() throws {
        let classes = Self.classes(in: text)
        #expect(ContractSchema.shapes.count > 20)
        for shape in ContractSchema.shapes {
            let fields = try #require(classes["persona.\(shape.name)"], "no class for \(shape.name)")
            let positional = shape.positional.indices.map { "[\($0 + 1)]" }
            #expect(fields == positional + shape.fieldNames, "persona.\(shape.name)")
        }
        #expect(classes["persona.Cluster"]?.contains("taken") == true)
        #expect(classes["persona.Manifest"] == ContractSchema.manifest.fieldNames)
    }

    @Test func optionalAndRequiredFieldsAreMarked() {
        #expect(text.contains("---@field name string Unique plugin name"))
        #expect(text.contains("---@field priority? integer"))
        #expect(text.contains(#"---@field algorithm? "kmeans"|"ward"|"gmm""#))
        #expect(text.contains("---@field features? table<string, persona.FeatureFormula>"))
        #expect(text.contains("---@field [2]? \"=\"|\"!=\"|"))
    }

    /// Every hook: an alias with its function type, and a stub with each `---@param` and `---@return`.
    @Test func everyHookHasItsParametersAndResults() throws {
        for function in ContractSchema.functions {
            let name = try #require(function.name)
            #expect(text.contains("---@alias persona.\(name) fun("), "\(name)")
            let stub = try #require(text.range(of: "function hooks.\(name)("), "no stub for \(name)")
            let before = text[..<stub.lowerBound].components(separatedBy: "\n\n").last ?? ""
            for parameter in function.parameters { #expect(before.contains("---@param \(parameter.name) "), "\(name) \(parameter.name)") }
            for result in function.results { #expect(before.contains(" \(result.name) "), "\(name) returns \(result.name)") }
        }
        #expect(text.contains("---@alias persona.PersonaHook fun(cluster: persona.Cluster): persona.NamedPersona"))
        #expect(text.contains("---@alias persona.FiltersHook fun(goal: persona.Goal): persona.Condition[], table<string, string>?"))
    }

    @Test func theHostAPIIsDeclaredWithItsParameters() {
        #expect(text.contains("---@class persona.HostAPI\n"))
        #expect(text.contains("function host.log(level, message) end"))
        #expect(text.contains("---@param gender? \"female\"|\"male\"|\"neutral\""))
        #expect(text.contains("function host.names.person(index, gender) end"))
        #expect(text.contains("function host.suggest(word, candidates) end"))
        #expect(text.contains("---@class persona.TestAPI\ntest = {}"))
    }

    /// `u`'s class has exactly the given columns with their types; a column that is not a Lua
    /// name is still declared.
    @Test func theRowHasTheUsersTableColumns() throws {
        let text = LuaLSDefinitions(columns: [("user_id", .integer), ("city tier", .text), ("age", .integer), ("score", .real)],
                                    columnsSource: "a test").text
        #expect(Self.classes(in: text)["persona.User"] == ["user_id", #"["city tier"]"#, "age", "score"])
        #expect(text.contains("---@field user_id number INTEGER column."))
        #expect(text.contains(#"---@field ["city tier"] string? TEXT column; NULL reads as nil."#))
        #expect(text.contains("---@field score number? REAL column"))
        #expect(Self.classes(in: self.text)["persona.User"] == UsersSchema.generated.names)
    }

    /// Valid Lua that runs (LuaLS reads it as a Lua file), and the same text every time.
    @Test func theDefinitionsAreLuaAndDeterministic() throws {
        let runtime = try LuaRuntime()
        let chunk = try runtime.compile(text, chunkName: "=persona-host.lua")
        _ = try runtime.call(chunk)
        #expect(text.hasPrefix("---@meta\n"))
        #expect(text == LuaLSDefinitions(users: .generated, columnsSource: "the default generator").text)
    }
}
