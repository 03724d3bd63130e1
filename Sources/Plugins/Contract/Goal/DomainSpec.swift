import LuaBridge
import Builtins

/// A goal domain: the features a plugin computes for each matched user, how they are clustered
/// and how each cluster is named. A plugin with `features` is a domain; it needs `persona` too.
public struct DomainSpec: Sendable {
    /// The intents that select this domain (`selected_by`).
    public var selectedBy: [String]
    /// Whether this is the domain when no other is selected (`default_domain`).
    public var isDefault: Bool
    /// The users-table columns the formulas read, as declared (`columns`); nil when undeclared.
    public var declaredColumns: [String]?
    /// Columns the plugin can do without, each with the value that stands in for it.
    public var optionalColumns: [OptionalColumn]
    /// The formulas, by name.
    public var features: [FeatureSpec]
    public var clustering: ClusteringSpec
    /// `persona(cluster)`.
    public var persona: FunctionHook

    /// The columns the formulas need: the declared and optional ones; when undeclared, every
    /// field the formulas read (nil when some formula's reads are open-ended: then every column).
    public var neededColumns: [String]? {
        if let declared = declaredColumns { return unique(declared + optionalColumns.map(\.name)) }
        guard features.allSatisfy({ $0.reads?.isComplete == true }) else { return nil }
        return unique(features.flatMap { $0.reads?.fields ?? [] } + optionalColumns.map(\.name))
    }

    /// The columns described per persona: `clustering.profile`, else the needed columns.
    public var profileColumns: [String]? { clustering.profile ?? neededColumns }

    private func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}

/// A users-table column a domain can do without (`optional_columns = { income = 0 }`): where
/// the table has no such column, or the value is NULL, `value` stands in, and the run says so.
public struct OptionalColumn: Sendable, Equatable {
    public var name: String
    /// A number or a string.
    public var value: FilterValue
}

/// One feature formula (`features.parental_concern_score`).
public struct FeatureSpec: Sendable {
    public var name: String
    public var hook: FunctionHook
    /// The `u.fields` the formula reads (from its bytecode), when the host could read them.
    public var reads: ParameterReads?
}

/// How a domain's features are clustered (`clustering`), defaults filled in.
public struct ClusteringSpec: Sendable, Equatable {
    /// Feature → weight; a feature not listed weighs 0 (it describes personas but does not shape
    /// clusters). Without a `weights` table every feature weighs `ContractDefaults.featureWeight`.
    public var weights: [String: Double]
    public var algorithm: ClusteringAlgorithm
    public var kRange: ClosedRange<Int>
    /// Clusters smaller than this share of the matched users merge into their nearest neighbour.
    public var minShare: Double
    /// Columns summarised per persona; nil: the domain's needed columns.
    public var profile: [String]?
    /// The fields left to their defaults (`weights`, `algorithm`, `k`, `min_share`).
    public var defaulted: Set<String>

    /// The weight of `feature`.
    public func weight(of feature: String) -> Double { weights[feature] ?? 0 }
}
