import Builtins
import Foundation

/// Writes the skincare plugin into a temporary plugins folder, optionally with its ingredient
/// catalogue grown to a given size, for the formulation benchmark.
///
/// The grown catalogue keeps the real ingredients first, unchanged, then adds variants
/// `<base>_v<n>` of them round-robin, drawn from a seeded generator (same seed, same file):
/// efficacy and safety moved by up to ±1.5 and ±1 (kept in 0–10), bioavailability and stability
/// by up to ±0.15 (kept in 0–1), the pH window shifted and stretched (kept in 0–14, min ≤ max),
/// the use range scaled by 0.7–1.3 (kept in 0–100, min ≤ max) and the cost by 0.5–2×.
/// Class, concerns, tags and natural origin are the base's, so the personas' preferences and
/// aversions match variants as they match the base. Each incompatibility or synergy of the base
/// is kept and, half the time, joined by the same link to one variant of the named ingredient,
/// so every id listed exists in the catalogue.
enum CatalogueFixture {
    /// The generator's seed.
    static let seed: UInt64 = 42

    /// Copies `plugins/skincare` (every file, the personas/ folder included) into a new temporary
    /// folder as `<folder>/skincare`; with `ingredients` set, replaces its `ingredients.lua` with
    /// a catalogue of that many entries grown from `base`. Returns the plugins folder.
    static func write(from source: URL, base: [Ingredient], ingredients: Int?) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("persona-bench-formulate-\(getpid())-\(ingredients.map(String.init) ?? "real")")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let plugin = folder.appendingPathComponent("skincare")
        try FileManager.default.copyItem(at: source, to: plugin)
        if let ingredients {
            let file = plugin.appendingPathComponent("ingredients.lua")
            try FileManager.default.removeItem(at: file)
            try lua(grow(base, to: ingredients)).write(to: file, atomically: false, encoding: .utf8)
        }
        return folder
    }

    /// `base` followed by `count - base.count` seeded variants of it.
    static func grow(_ base: [Ingredient], to count: Int) -> [Ingredient] {
        precondition(count >= base.count && !base.isEmpty, "a grown catalogue keeps every real ingredient")
        var random = SeededGenerator(seed: seed)
        let extra = count - base.count
        // Variants of base b are numbered 1...variants[b].
        let variants = base.indices.map { b in extra / base.count + (b < extra % base.count ? 1 : 0) }
        let index = Dictionary(base.enumerated().map { ($0.element.id, $0.offset) }) { first, _ in first }
        func links(_ ids: [String]) -> [String] {
            var out: [String] = []
            for id in ids {
                out.append(id)
                if let b = index[id], variants[b] > 0, Bool.random(using: &random) {
                    out.append("\(id)_v\(Int.random(in: 1...variants[b], using: &random))")
                }
            }
            return out
        }
        var out = base
        for i in 0..<extra {
            let source = base[i % base.count]
            var v = source
            v.id = "\(source.id)_v\(i / base.count + 1)"
            v.name = "\(source.name) (variant \(i / base.count + 1))"
            v.efficacy = round2(clamp(source.efficacy + Double.random(in: -1.5...1.5, using: &random), 0, 10))
            v.safety = round2(clamp(source.safety + Double.random(in: -1...1, using: &random), 0, 10))
            v.bioavailability = round2(clamp(source.bioavailability + Double.random(in: -0.15...0.15, using: &random), 0, 1))
            v.stability = round2(clamp(source.stability + Double.random(in: -0.15...0.15, using: &random), 0, 1))
            let shift = Double.random(in: -0.5...0.5, using: &random)
            var low = round2(clamp(source.ph.lowerBound + shift - Double.random(in: 0...0.3, using: &random), 0, 14))
            let high = round2(clamp(source.ph.upperBound + shift + Double.random(in: -0.2...0.3, using: &random), 0, 14))
            low = min(low, high)
            v.ph = low...high
            let scale = Double.random(in: 0.7...1.3, using: &random)
            let top = round4(min(100, source.useLevel.upperBound * scale))
            v.useLevel = min(round4(source.useLevel.lowerBound * scale), top)...top
            v.costPerGram = max(0.0001, round4(source.costPerGram * exp(Double.random(in: -0.7...0.7, using: &random))))
            v.incompatibilities = links(source.incompatibilities)
            v.synergies = links(source.synergies)
            out.append(v)
        }
        return out
    }

    /// The catalogue as an `ingredients.lua` the skincare plugin reads.
    static func lua(_ catalogue: [Ingredient]) -> String {
        var lines = [
            "-- Generated by persona-bench (CatalogueFixture, seed \(seed)): \(catalogue.count) ingredients,",
            "-- the real catalogue followed by seeded variants of it. Not for use outside the benchmark.",
            "",
            "return {",
        ]
        for i in catalogue {
            lines.append("  { id = \(quoted(i.id)), name = \(quoted(i.name)), inci_name = \(quoted(i.inciName)), "
                         + "class = \(quoted(i.functionalClass)), concerns = \(list(i.concerns)),")
            lines.append("    efficacy = \(number(i.efficacy)), safety = \(number(i.safety)), "
                         + "bioavailability = \(number(i.bioavailability)), stability = \(number(i.stability)), "
                         + "natural = \(i.isNatural), cost_per_gram = \(number(i.costPerGram)),")
            lines.append("    ph = { min = \(number(i.ph.lowerBound)), max = \(number(i.ph.upperBound)) }, "
                         + "use_level = { min = \(number(i.useLevel.lowerBound)), max = \(number(i.useLevel.upperBound)) },")
            lines.append("    incompatibilities = \(list(i.incompatibilities)), synergies = \(list(i.synergies)), tags = \(list(i.tags)) },")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func clamp(_ x: Double, _ low: Double, _ high: Double) -> Double { min(max(x, low), high) }
    private static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
    private static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// A Lua number literal that reads back as `x`.
    private static func number(_ x: Double) -> String { String(format: "%.10g", x) }

    /// A Lua string literal.
    private static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "{}" : "{ " + items.map(quoted).joined(separator: ", ") + " }"
    }
}
