import Foundation
import LuaBridge

/// Finds the line where a manifest field is written, so a contract problem reads
/// `plugins/parenting/init.lua:52: clustering.algorithm must be …`.
///
/// Lua keeps no record of where a table was built, so the map reads the plugin's sources
/// (`TableSites`) and matches the runtime tables to the constructors that wrote them: the
/// manifest to the main file's returned constructor, then field by field through nested
/// literals; a table built elsewhere (a `require`d module, a helper) is recognised among every
/// constructor of the plugin by its keys and literal values. When nothing matches confidently
/// the location is left out rather than guessed.
struct SourceMap {
    private let sites: [TableSites.Site]
    private let mainFile: String

    /// Reads every `.lua` file of the plugin (at most 500 files of 4 MB each).
    init(source: PluginSource) {
        var sites: [TableSites.Site] = []
        let fm = FileManager.default
        let main = source.root.appendingPathComponent(source.mainFile)
        var files = [main]
        if source.isFolder, let walker = fm.enumerator(at: source.root, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "lua" && url.standardizedFileURL != main.standardizedFileURL {
                files.append(url)
                if files.count >= 500 { break }
            }
        }
        for url in files {
            guard let data = fm.contents(atPath: url.path), data.count <= 4 << 20 else { continue }
            let relative = url.standardizedFileURL.path.dropFirst(source.root.standardizedFileURL.path.count + 1)
            let name = "\(source.displayRoot)/\(relative)"
            // Constructor links are indexes within one file's sites: shift them past the sites before.
            let offset = sites.count
            sites += TableSites(file: name, bytes: Array(data)).sites.map { site in
                var site = site
                for i in site.fields.indices { site.fields[i].constructor = site.fields[i].constructor.map { $0 + offset } }
                return site
            }
        }
        self.sites = sites
        mainFile = source.displayPath
    }

    /// The file and line of `path` in `manifest`: the line of the field's key, or of the table
    /// that lacks it; nil when the source cannot be matched with confidence.
    func locate(_ path: ContractPath, in manifest: LuaValue) -> SourceLocation? {
        guard var site = root(for: manifest) else { return nil }
        var value = manifest
        var best = SourceLocation(file: sites[site].file, line: sites[site].line)
        for (position, component) in path.components.enumerated() {
            let key: TableSites.Field.Key = switch component {
            case .key(let name): .name(name)
            case .index(let i): .index(i)
            }
            let last = position == path.components.count - 1
            guard let field = sites[site].field(key) else {
                // Not written in this constructor: point at the table that lacks it.
                return last ? best : nil
            }
            best = SourceLocation(file: sites[site].file, line: field.line)
            if last { return best }
            value = component.value(in: value)
            if let next = field.constructor {
                site = next
            } else if let found = bestSite(for: value) {
                site = found
                best = SourceLocation(file: sites[site].file, line: sites[site].line)
            } else {
                return best
            }
        }
        return best
    }

    /// The constructor the manifest came from: the main file's `return { … }`, else the best match.
    private func root(for manifest: LuaValue) -> Int? {
        let returned = sites.indices.filter { sites[$0].file == mainFile && sites[$0].isReturned }
        if returned.count == 1 { return returned[0] }
        return bestSite(for: manifest, among: returned.isEmpty ? Array(sites.indices) : returned)
    }

    /// The constructor whose keys and literals agree best with `value`, if one agrees clearly.
    private func bestSite(for value: LuaValue, among candidates: [Int]? = nil) -> Int? {
        guard let entries = value.tableEntries else { return nil }
        var names: [String: LuaValue] = [:]
        var positional = 0
        for (key, v) in entries {
            switch key {
            case .string(let s): names[s] = v
            case .integer: positional += 1
            default: break
            }
        }
        var best: (site: Int, score: Int)?
        for index in candidates ?? Array(sites.indices) {
            let site = sites[index]
            var score = 0
            var common = 0
            var siteNames = 0
            for field in site.fields {
                guard case .name(let name) = field.key else { continue }
                siteNames += 1
                guard let runtime = names[name] else { score -= 1; continue }
                common += 1
                score += 1
                if let literal = field.literal {
                    score += Self.agrees(literal, runtime) ? 2 : -3
                }
            }
            let sitePositional = site.positionalCount
            if positional > 0, sitePositional == positional { score += 2 + min(positional, 5) }
            guard common > 0 || (positional > 0 && sitePositional == positional) else { continue }
            guard siteNames == 0 || common * 5 >= siteNames * 3, score > 0 else { continue }
            if score > (best?.score ?? 0) { best = (index, score) }
        }
        return best?.site
    }

    private static func agrees(_ literal: TableSites.Field.Literal, _ value: LuaValue) -> Bool {
        switch (literal, value) {
        case let (.string(a), .string(b)): a == b
        case let (.number(a), _): value.doubleValue == a
        case let (.bool(a), .bool(b)): a == b
        default: false
        }
    }
}

/// A place in a plugin's source.
public struct SourceLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The file as messages name it (`plugins/parenting/init.lua`).
    public var file: String
    /// The line, when known.
    public var line: Int?

    public init(file: String, line: Int?) {
        self.file = file
        self.line = line
    }

    /// `file:line` (or `file`).
    public var description: String { line.map { "\(file):\($0)" } ?? file }
}
