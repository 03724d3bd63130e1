import Builtins
import Plugins

/// Which users-table columns a goal run reads, checked against the live schema before anything
/// is fetched, and how the domain's optional columns are stood in for.
///
/// A column the domain needs and the table lacks stops the run naming the plugin, where it is
/// read and the closest existing column. An optional column (`optional_columns`) the table lacks
/// becomes a column holding its stand-in value; NULLs in an optional column take the stand-in
/// too. Either way the run says so (`notes`), so a constant feature is never a silent one.
struct ColumnPlan {
    /// Columns to fetch, each once.
    var fetch: [String]
    /// The fields a per-row formula's `u` carries.
    var rowFields: [String]
    /// Columns summarised per persona.
    var profile: [String]
    /// Optional columns the table lacks.
    var missingOptional: [OptionalColumn]
    /// Optional columns the table has (their NULLs take the stand-in).
    var presentOptional: [OptionalColumn]

    init(domain: DomainSpec, plugin: String, schema: UsersSchema) throws(GoalError) {
        if let first = Self.missingColumns(domain: domain, plugin: plugin, schema: schema).first { throw .data(first) }
        let names = schema.names
        missingOptional = domain.optionalColumns.filter { !names.contains($0.name) }
        presentOptional = domain.optionalColumns.filter { names.contains($0.name) }
        for column in presentOptional {
            guard let info = schema.column(named: column.name) else { continue }
            let textStandIn = if case .text = column.value { true } else { false }
            if textStandIn != (info.type == .text) {
                throw .plugin(.badResult(plugin: plugin, hook: "optional_columns.\(column.name)",
                                         problem: "stands in with \(column.value.sqlLiteral), but the users table's \(column.name) is \(info.type.rawValue)"))
            }
        }
        var seen = Set<String>()
        let standIns = Set(missingOptional.map(\.name))
        if let columns = domain.neededColumns {
            rowFields = columns.filter { seen.insert($0).inserted }
        } else {
            rowFields = names.filter { $0 != "user_id" } + missingOptional.map(\.name)
        }
        profile = domain.profileColumns ?? rowFields
        seen = []
        fetch = (rowFields + profile).filter { !standIns.contains($0) && seen.insert($0).inserted }
    }

    /// Every column the domain reads that the users table lacks (optional columns aside), each as
    /// a sentence naming the plugin, where the column is read, and the closest existing column.
    static func missingColumns(domain: DomainSpec, plugin: String, schema: UsersSchema) -> [String] {
        let names = schema.names
        let optional = Set(domain.optionalColumns.map(\.name))
        var needed: [(column: String, reader: String)] = []
        if let declared = domain.declaredColumns { needed += declared.map { ($0, "columns") } }
        for feature in domain.features {
            for read in feature.reads?.reads ?? [] {
                let at = feature.hook.location.map { ", \($0.file):\(read.line)" } ?? ""
                needed.append((read.field, "features.\(feature.name)\(at)"))
            }
        }
        needed += (domain.clustering.profile ?? []).map { ($0, "clustering.profile") }
        var reported = Set<String>()
        return needed.compactMap { column, reader in
            guard !names.contains(column), !optional.contains(column), reported.insert(column).inserted else { return nil }
            return "plugin '\(plugin)' reads column '\(column)' (\(reader)), which the users table does not have"
                + "\(Suggestion.phrase(for: column, among: names)); columns: \(names.joined(separator: ", ")). "
                + "Import a table that has it, or declare it in optional_columns with a stand-in value"
        }
    }

    /// Adds the missing optional columns and fills NULLs of the present ones; one note per column.
    func standIn(_ table: inout ColumnTable) -> [String] {
        var notes: [String] = []
        for column in missingOptional {
            switch column.value {
            case .text(let s):
                table.text[column.name] = TextColumn(name: column.name, [String?](repeating: s, count: table.count))
            case .integer(let i):
                table.numeric[column.name] = [Double](repeating: Double(i), count: table.count)
            case .real(let d):
                table.numeric[column.name] = [Double](repeating: d, count: table.count)
            }
            notes.append("optional column \(column.name) is not in the users table: \(column.value.sqlLiteral) stands in for every user")
        }
        for column in presentOptional {
            var replaced = 0
            switch column.value {
            case .text(let s):
                guard var text = table.text[column.name], text.nullCount > 0 else { continue }
                var dictionary = text.dictionary
                let code = Int32(dictionary.firstIndex(of: s) ?? { dictionary.append(s); return dictionary.count - 1 }())
                let codes = text.codes.map { c -> Int32 in
                    guard c < 0 else { return c }
                    replaced += 1
                    return code
                }
                text = TextColumn(name: column.name, codes: codes, dictionary: dictionary)
                table.text[column.name] = text
            case .integer, .real:
                guard var values = table.numeric[column.name] else { continue }
                let standIn = column.value.doubleValue
                for i in values.indices where values[i].isNaN {
                    values[i] = standIn
                    replaced += 1
                }
                table.numeric[column.name] = values
            }
            if replaced > 0 {
                notes.append("optional column \(column.name): \(replaced) NULL value(s) stand in as \(column.value.sqlLiteral)")
            }
        }
        return notes
    }
}

extension FilterValue {
    /// The value as a Double (text: NaN).
    var doubleValue: Double {
        switch self {
        case .integer(let i): Double(i)
        case .real(let d): d
        case .text: .nan
        }
    }
}
