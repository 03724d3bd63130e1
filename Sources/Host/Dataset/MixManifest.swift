import Builtins

/// What `dataset mix` wrote and why, saved as `manifest.json` beside the data: the inputs
/// (size, SHA-256, examples), the seed and plugin, each persona's and category's share against
/// its target, trait shares within each persona, the repeats, and every target that could not
/// be met with the reason. Deterministic: no clock time in it, so the same inputs, plugin and
/// seed give the same file.
public struct MixManifest: Sendable, Encodable {
    public struct Input: Sendable, Encodable {
        public var path: String
        public var bytes: Int
        public var sha256: String
        public var examples: Int
    }

    public struct Persona: Sendable, Encodable {
        public var name: String
        public var category: String
        public var available: Int
        /// The most the caps and upsampling allow.
        public var limit: Int
        public var written: Int
        /// Copies beyond the first (upsampling).
        public var repeats: Int
        public var share: Double
        public var targetMin: Double
        public var targetMax: Double
        public var status: String
        /// Traits within the persona's examples in the mix, against the plugin's targets.
        public var traits: [Trait]
    }

    public struct Trait: Sendable, Encodable {
        public var name: String
        public var available: Int
        public var written: Int
        public var share: Double
        public var target: Double
    }

    public struct Category: Sendable, Encodable {
        public var name: String
        public var available: Int
        public var written: Int
        public var share: Double
        public var targetMin: Double
        public var targetMax: Double
        public var status: String
    }

    public struct Unmet: Sendable, Encodable {
        public var kind: String
        public var subject: String
        public var message: String
    }

    public struct Excluded: Sendable, Encodable {
        public var persona: String
        public var examples: Int
    }

    public var plugin: String
    public var pluginVersion: String
    public var seed: UInt64
    public var requested: Int
    public var written: Int
    public var repeats: Int
    public var inputs: [Input]
    public var categories: [Category]
    public var personas: [Persona]
    /// Targets the data could not meet, with why.
    public var unmet: [Unmet]
    /// Examples left out because their persona is not declared by the plugin.
    public var excluded: [Excluded]
    /// Notes on the targets themselves (ranges that cannot all hold at once).
    public var notes: [String]
    public var files: [String]
    /// Where the mix was written (not part of the file's identity; the CLI prints it).
    public var folder: String
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case plugin, pluginVersion, seed, requested, written, repeats, inputs, categories, personas, unmet, excluded, notes, files
    }

    init(rules: DatasetRules, targets: DatasetTargets, options: DatasetMixPipeline.Options, inputs: [Input], plan: MixPlan,
         written counts: DatasetCounts, repeats: Int, seconds: Double, folder: String) {
        plugin = rules.plugin.name
        pluginVersion = rules.plugin.manifest.version
        seed = options.seed
        requested = options.size
        written = counts.examples
        self.repeats = repeats
        self.inputs = inputs
        let total = Double(max(1, counts.examples))
        categories = plan.categories.map { c in
            let n = targets.categories.first { $0.name == c.name }?.personas.reduce(0) { $0 + (counts.personas[$1] ?? 0) } ?? 0
            return Category(name: c.name, available: c.available, written: n, share: Double(n) / total, targetMin: c.targetMin,
                            targetMax: c.targetMax, status: c.status.rawValue)
        }
        personas = plan.personas.map { p in
            let n = counts.personas[p.persona] ?? 0
            let traits = (plan.traits[p.persona] ?? []).map { t in
                let carrying = counts.traits[p.persona]?[t.trait] ?? 0
                return Trait(name: t.trait, available: t.available, written: carrying, share: n > 0 ? Double(carrying) / Double(n) : 0, target: t.target)
            }
            return Persona(name: p.persona, category: p.category, available: p.available, limit: p.limit, written: n,
                           repeats: p.repeats, share: Double(n) / total, targetMin: p.targetMin, targetMax: p.targetMax,
                           status: p.status.rawValue, traits: traits)
        }
        unmet = plan.unmet.map { Unmet(kind: $0.kind, subject: $0.subject, message: $0.message) }
        excluded = plan.excluded.map { Excluded(persona: $0.persona, examples: $0.count) }
        notes = plan.notes
        files = ["data.jsonl", "manifest.json", "curriculum.yaml"]
        self.folder = folder
        self.seconds = seconds
    }
}
