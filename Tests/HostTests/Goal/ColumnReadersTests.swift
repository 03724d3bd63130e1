import Foundation
import Testing
import Builtins
import LuaBridge
import Plugins
@testable import Host
import TestSupport

/// Which plugins read each column, and what the host cannot see.
@Suite struct ColumnReadersTests {
    func readers(_ files: [String: String]) throws -> ColumnReaders {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Support.write(files, in: folder)
        let set = try PluginLoader().loadAll(from: folder)
        #expect(set.failures.isEmpty, "\(set.failures.map(\.error.description))")
        return ColumnReaders(plugins: set.plugins, vocabulary: try IntentVocabulary(plugins: set.plugins))
    }

    @Test func theShippedPluginsReadTheirDeclaredAndFilteredColumns() throws {
        let set = try PluginLoader().loadAll(from: Support.plugins)
        let r = ColumnReaders(plugins: set.plugins, vocabulary: try IntentVocabulary(plugins: set.plugins))
        #expect(r.readers(of: "gender") == [.init(plugin: "parenting", via: ["filters"])])
        #expect(r.readers(of: "parenting_stage") == [.init(plugin: "parenting", via: ["clustering.profile"])])
        #expect(r.readers(of: "emi_flag") == [.init(plugin: "parenting", via: ["columns", "features"])])
        #expect(r.readers(of: "age").map(\.plugin) == ["audience", "parenting", "tech_adoption"])
        #expect(r.readers(of: "education_level").isEmpty)
        #expect(r.gaps.isEmpty)
    }

    @Test func everyWayADomainReadsIsNamed() throws {
        let r = try readers(["d.lua": #"""
            return { name = "d", version = "1", api = 1, description = "",
              optional_columns = { income = 0 },
              features = { f = function(u) return u.a + u.b end },
              clustering = { profile = { "region", "a" } },
              persona = function() return { name = "x" } end }
            """#])
        #expect(r.readers(of: "a") == [.init(plugin: "d", via: ["features", "clustering.profile"])])
        #expect(r.readers(of: "income") == [.init(plugin: "d", via: ["optional_columns"])])
        #expect(r.readers(of: "region") == [.init(plugin: "d", via: ["clustering.profile"])])
        #expect(r.gaps.isEmpty)
    }

    @Test func anOpenEndedFormulaWithoutDeclaredColumnsIsAGap() throws {
        let r = try readers(["d.lua": #"""
            local key = "a"
            return { name = "d", version = "1", api = 1, description = "",
              features = { f = function(u) return u[key] + u.b end },
              persona = function() return { name = "x" } end }
            """#])
        #expect(r.readers(of: "b") == [.init(plugin: "d", via: ["features"])])
        #expect(r.gaps.count == 1)
        #expect(r.gaps.first?.hasPrefix("d: features.f reads u beyond the fields it names (") == true)
        #expect(r.gaps.first?.hasSuffix("so it may read any column") == true)
    }
}
