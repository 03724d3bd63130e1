import Builtins
import LuaBridge
import Plugins

/// Groups a domain's personas by their profile vectors with the host's clustering primitive
/// (Ward linkage, k chosen by silhouette) and says what sets each group apart.
///
/// A profile vector is the persona's numeric traits (sensitivity, efficacy tolerance, safety
/// priority, natural preference, budget level) followed by its focus on each functional class:
/// the share of its primary concerns that ingredients of that class address. Every dimension is
/// on 0–1, so none is rescaled.
public struct PersonaClusters: Sendable, Codable {
    /// One group of personas.
    public struct Group: Sendable, Codable, Hashable {
        public var personas: [String]
        /// The dimensions where the group differs most from all personas, largest difference first.
        public var distinguishing: [Difference]
    }

    /// How far a group's mean on one dimension sits from the mean of all personas.
    public struct Difference: Sendable, Codable, Hashable {
        public var dimension: String
        public var groupMean: Double
        public var overallMean: Double
        /// `high safety_priority (0.93 vs 0.77)`.
        public var phrase: String
    }

    public var dimensions: [String]
    /// Each persona's vector, by id.
    public var vectors: [String: [Double]]
    public var algorithm: String
    public var silhouette: Double?
    public var groups: [Group]
    /// Why everything is one group, when it is.
    public var note: String?

    public init(domain: FormulationDomain, seed: UInt64 = 42) {
        let personas = domain.personas
        let classes = domain.ingredients.reduce(into: [String]()) { if !$0.contains($1.functionalClass) { $0.append($1.functionalClass) } }
        let traitNames = personas.first?.traits.map(\.name) ?? []
        dimensions = traitNames + classes.map { "focus_\($0)" }
        let rows = personas.map { persona -> [Double] in
            let focus = classes.map { cls -> Double in
                guard !persona.primaryConcerns.isEmpty else { return 0 }
                let hit = persona.primaryConcerns.filter { concern in
                    domain.ingredients.contains { $0.functionalClass == cls && $0.addresses(concern) }
                }
                return Double(hit.count) / Double(persona.primaryConcerns.count)
            }
            return persona.traits.map(\.value) + focus
        }
        vectors = Dictionary(uniqueKeysWithValues: zip(personas.map(\.id), rows))
        algorithm = ClusteringAlgorithm.ward.rawValue
        guard !rows.isEmpty else {
            silhouette = nil
            groups = []
            note = "no personas"
            return
        }
        let selection = KSelection.select(FeatureMatrix(rows: rows), kRange: 2...max(2, min(6, rows.count - 1)),
                                          algorithm: .ward, seed: seed)
        silhouette = selection.silhouette
        note = selection.singleClusterReason
        let k = Int(selection.labels.max() ?? 0) + 1
        let overall = (0..<dimensions.count).map { d in rows.map { $0[d] }.reduce(0, +) / Double(rows.count) }
        let names = dimensions
        groups = (0..<k).map { label in
            let members = personas.indices.filter { selection.labels[$0] == Int32(label) }
            let means = (0..<names.count).map { d in members.map { rows[$0][d] }.reduce(0, +) / Double(max(1, members.count)) }
            let deltas: [(dimension: Int, delta: Double)] = (0..<names.count).map { ($0, means[$0] - overall[$0]) }
            let largest = deltas.filter { abs($0.delta) >= 0.05 }
                .sorted { abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : $0.dimension < $1.dimension }
                .prefix(3)
            let differences = largest.map { (d: Int, delta: Double) -> Difference in
                let direction = delta > 0 ? "high" : "low"
                let phrase = "\(direction) \(names[d]) (\(NumberFormat.score(means[d])) vs \(NumberFormat.score(overall[d])))"
                return Difference(dimension: names[d], groupMean: means[d].rounded(places: 3),
                                  overallMean: overall[d].rounded(places: 3), phrase: phrase)
            }
            return Group(personas: members.map { personas[$0].id }, distinguishing: differences)
        }
    }
}
