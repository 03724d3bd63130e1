import Builtins
import LuaBridge
import Plugins

/// Everything a goal run found and how: what `--json` prints and what the runs table keeps.
public struct GoalRun: Sendable, Codable {
    public struct Intent: Sendable, Codable {
        public var category: String
        public var confidence: Double
        public var detected: Bool
        public var threshold: Double
        public var matches: [IntentScorer.Match]
    }

    public struct Condition: Sendable, Codable {
        public var plugin: String
        public var condition: String
    }

    public struct Filter: Sendable, Codable {
        public var conditions: [Condition]
        public var sql: String
        public var parameters: [String]
    }

    public struct Domain: Sendable, Codable {
        public var plugin: String
        public var version: String
        public var reason: String
    }

    public struct Feature: Sendable, Codable {
        public var name: String
        public var weight: Double
        public var evaluation: FeatureEngine.Mode
        public var mean: Double
        public var sd: Double
    }

    public struct KScore: Sendable, Codable {
        public var k: Int
        public var silhouette: Double
    }

    public struct Clustering: Sendable, Codable {
        public var algorithm: String
        public var kRange: [Int]
        public var scores: [KScore]
        public var chosenK: Int
        public var silhouette: Double?
        public var silhouetteSampleSize: Int?
        public var wardSampleSize: Int?
        public var minShare: Double
        public var mergedClusters: Int
        public var note: String?
    }

    public struct Persona: Sendable, Codable {
        public var index: Int
        public var name: String
        public var size: Int
        public var share: Double
        public var centroid: [String: Double]
        public var zScores: [String: Double]
        public var distinguishing: [String]
        public var traits: JSONValue
        public var profile: [String: JSONValue]
    }

    public struct PluginVersion: Sendable, Codable {
        public var name: String
        public var version: String
    }

    public var runID: Int64?
    public var goal: String
    public var seed: UInt64
    public var intents: [Intent]
    public var filter: Filter
    public var matchedRows: Int
    public var domain: Domain
    public var features: [Feature]
    public var clustering: Clustering
    public var personas: [Persona]
    public var timingsMs: [String: Double]
    public var plugins: [PluginVersion]
    /// Row memberships (user_id → persona index), not printed.
    public var memberIDs: [[Int64]] = []

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", goal, seed, intents, filter, matchedRows = "matched_rows", domain, features
        case clustering, personas, timingsMs = "timings_ms", plugins
    }
}
