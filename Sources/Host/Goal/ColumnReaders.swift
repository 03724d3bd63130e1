import Builtins
import Plugins

/// Which plugins read each users-table column, and how (`data stats`'s "read by").
///
/// A goal domain reads the columns it declares (`columns`), its `optional_columns`, the
/// fields its formulas read (from their bytecode, ``ParameterReads``) and its
/// `clustering.profile`; a `filters` hook reads the columns of the conditions it produces, as
/// ``IntentVocabulary`` finds them term by term. What the host cannot see is said in ``gaps``:
/// a domain whose formulas read `u` open-endedly and declare no `columns` may read any column.
public struct ColumnReaders: Sendable {
    /// One plugin reading one column, and through which parts of its manifest.
    public struct Reader: Sendable, Codable, Equatable {
        public var plugin: String
        /// `columns`, `optional_columns`, `features`, `clustering.profile`, `filters`.
        public var via: [String]
    }

    /// Column → its readers, in plugin load order.
    public var byColumn: [String: [Reader]]
    /// Reads the host cannot attribute to a column, each a sentence.
    public var gaps: [String]

    /// The readers among `plugins` (in load order), with the filters' columns from `vocabulary`.
    public init(plugins: [Plugin], vocabulary: IntentVocabulary?) {
        var byColumn: [String: [Reader]] = [:]
        var gaps: [String] = []
        let filterFields = vocabulary.map { vocabulary in
            vocabulary.categories.flatMap(\.terms).flatMap(\.conditions).map { ($0.plugin, $0.field) }
        } ?? []
        for plugin in plugins {
            var via: [(column: String, how: String)] = []
            if let domain = plugin.contract.domain {
                via += (domain.declaredColumns ?? []).map { ($0, "columns") }
                via += domain.optionalColumns.map { ($0.name, "optional_columns") }
                for feature in domain.features {
                    via += (feature.reads?.fields ?? []).map { ($0, "features") }
                }
                via += (domain.clustering.profile ?? []).map { ($0, "clustering.profile") }
                if domain.declaredColumns == nil {
                    for feature in domain.features where feature.reads?.isComplete != true {
                        let why = feature.reads?.openEndedBecause ?? "its reads could not be read from its bytecode"
                        gaps.append("\(plugin.name): features.\(feature.name) reads u beyond the fields it names (\(why)) "
                                    + "and the plugin declares no columns, so it may read any column")
                    }
                }
            }
            via += filterFields.filter { $0.0 == plugin.name }.map { ($0.1, "filters") }
            var order: [String] = []
            var hows: [String: [String]] = [:]
            for (column, how) in via {
                if hows[column] == nil { order.append(column) }
                if hows[column, default: []].contains(how) == false { hows[column, default: []].append(how) }
            }
            for column in order { byColumn[column, default: []].append(Reader(plugin: plugin.name, via: hows[column] ?? [])) }
        }
        self.byColumn = byColumn
        self.gaps = gaps
    }

    /// The readers of `column` (none: an empty list).
    public func readers(of column: String) -> [Reader] { byColumn[column] ?? [] }
}
