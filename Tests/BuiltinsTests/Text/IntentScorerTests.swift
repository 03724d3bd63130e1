import Testing
@testable import Builtins

/// The intent scorer: word boundaries, inflections, spelling variants, and the seed's goals.
@Suite struct IntentScorerTests {
    let scorer = IntentScorer(categories: [
        .init(name: "parenting", terms: ["mom", "dad", "parent", "family", "kids", "children"],
              synonyms: ["mother": "mom", "mum": "mom", "father": "dad", "toddler": "kids"]),
        .init(name: "generation", terms: ["gen z", "millennial", "gen x", "boomer"],
              synonyms: ["zoomer": "gen z", "generation z": "gen z", "retiree": "boomer"]),
        .init(name: "geography", terms: ["tier-1", "tier-2", "tier-3", "urban", "rural"]),
        .init(name: "budget", terms: ["premium", "budget", "affordable", "luxury"], synonyms: ["cheap": "budget"]),
    ])

    func score(_ goal: String, _ category: String) -> IntentScorer.Score {
        scorer.score(goal).first { $0.category == category }!
    }

    @Test func genZMomsReadsAsTheSeedSays() {
        let generation = score("Gen Z Moms", "generation")
        let parenting = score("Gen Z Moms", "parenting")
        #expect(generation.confidence == 0.90)
        #expect(generation.matches.map(\.term) == ["gen z"])
        #expect(parenting.confidence == 0.85)
        #expect(parenting.matches == [.init(term: "mom", text: "moms", kind: .inflection, quality: 0.85)])
        #expect(generation.detected && parenting.detected)
        #expect(!score("Gen Z Moms", "budget").detected)
    }

    @Test func aSynonymThatContainsABetterTermStillCoversItsWords() {
        let scorer = IntentScorer(categories: [.init(name: "generation", terms: ["boomer"], synonyms: ["baby boomer": "boomer"])])
        let score = scorer.score("baby boomer families").first!
        #expect(score.matches.map(\.text) == ["boomer"])   // the exact term scores higher
        #expect(scorer.coveredWords("baby boomer families") == ["baby", "boomer"])
    }

    @Test func substringsAreNotWords() {
        #expect(score("momentum traders", "parenting").confidence == 0)
        #expect(score("dadaist painters", "parenting").confidence == 0)
        #expect(score("the budgetary office", "budget").confidence == 0)
        #expect(score("generalists", "generation").confidence == 0)
        #expect(score("premiums", "budget").confidence == 0.85)
    }

    @Test func inflectionsFold() {
        #expect(score("families with kids", "parenting").matches.map(\.term) == ["family", "kids"])
        #expect(score("young mothers", "parenting").matches.first?.kind == .synonym)
        #expect(score("millennials", "generation").matches.first?.kind == .inflection)
        #expect(score("Children's books", "parenting").confidence > 0.8)
    }

    @Test func spellingVariantsOfMultiWordTerms() {
        for goal in ["gen z", "Gen-Z", "GENZ", "gen_z", "gen zs", "genzs"] {
            #expect(score(goal, "generation").matches.map(\.term) == ["gen z"], "\(goal)")
        }
        for goal in ["tier 1", "tier-1", "Tier1", "tier_1"] {
            #expect(score(goal, "geography").matches.map(\.term) == ["tier-1"], "\(goal)")
        }
        #expect(score("tier 10", "geography").confidence == 0)
        #expect(score("generation z", "generation").matches.first?.kind == .synonym)
    }

    @Test func noisyOrCombinesEvidence() {
        let parenting = score("mom and dad", "parenting")
        #expect(abs(parenting.confidence - (1 - 0.1 * 0.1)) < 1e-12)
        let synonymOnly = score("cheap stuff", "budget")
        #expect(synonymOnly.confidence == 0.60)
        #expect(synonymOnly.detected)
    }

    @Test func unicodeIsNormalised() {
        // Full-width letters (NFKC) and a capital dotted I do not hide the words.
        #expect(score("Ｇｅｎ Ｚ ｍｏｍｓ", "generation").confidence == 0.90)
        #expect(score("ＭＯＭ", "parenting").confidence == 0.90)
    }

    @Test func thresholdDecidesDetection() {
        let strict = IntentScorer(categories: [.init(name: "budget", terms: ["budget"], synonyms: ["cheap": "budget"], threshold: 0.7)])
        #expect(strict.score("cheap")[0].detected == false)
        #expect(strict.score("budget")[0].detected == true)
    }
}
