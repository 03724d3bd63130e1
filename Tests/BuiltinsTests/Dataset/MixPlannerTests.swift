import Testing
@testable import Builtins

/// The mix plan: exact totals, caps, upsampling, trait balancing, shortfalls with their reasons,
/// determinism, and undeclared personas left out.
struct MixPlannerTests {
    /// Every seed persona with `each` examples without traits, except the overrides.
    func seedAvailable(each: Int, _ overrides: [String: Int] = [:]) -> [String: [UInt32: Int]] {
        var available: [String: [UInt32: Int]] = [:]
        for persona in SeedTargets.targets.personas { available[persona] = [0: overrides[persona] ?? each] }
        return available
    }

    func quotaSum(_ plan: MixPlan) -> Int {
        plan.quotas.keys.sorted().reduce(0) { sum, persona in
            sum + (plan.quotas[persona] ?? [:]).values.reduce(0, +)
        }
    }

    @Test func quotasAddUpToTheSize() {
        for size in [0, 1, 7, 999, 100_000, 1_000_000] {
            let plan = MixPlanner.plan(size: size, targets: SeedTargets.targets, available: seedAvailable(each: 200_000))
            #expect(plan.planned == size)
            #expect(quotaSum(plan) == size)
            #expect(plan.personas.reduce(0) { $0 + $1.planned } == size)
            #expect(plan.unmet.allSatisfy { $0.kind != "size" })
        }
    }

    @Test func minimumsScaledWhenTheyAddUpToMoreThanAll() {
        let plan = MixPlanner.plan(size: 1_200_000, targets: SeedTargets.targets, available: seedAvailable(each: 500_000))
        // The minimums add up to 101%, so each gets its minimum over 1.01: empathetic_counselor
        // 15% → 1.2M × 0.15 / 1.01 = 178,217.8 → 178,218; esoteric_scholar 2.5% → 29,702.97 → 29,703.
        #expect(plan.personas.first { $0.persona == "empathetic_counselor" }?.planned == 178_218)
        #expect(plan.personas.first { $0.persona == "esoteric_scholar" }?.planned == 29_703)
        #expect(plan.categories.map(\.status) == Array(repeating: .under, count: 8))
        #expect(plan.unmet.first?.message ==
            "category Technical: 24.8% of the mix, below its 25–30% target: the minimums of the personas with examples add up to 101%, so every minimum is scaled down to fit")
        #expect(plan.notes.first == "the category minimums add up to 101%: not every category can reach its range at once")
    }

    @Test func capsAreRespectedExactly() {
        let targets = DatasetTargets(categories: [.init(name: "Technical", target: 0.60...0.70, personas: ["code_expert"]),
                                                  .init(name: "Other", target: 0.30...0.40, personas: ["x"])],
                                     settings: ["code_expert": .init(cap: 0.12)])
        let plan = MixPlanner.plan(size: 10_000, targets: targets,
                                   available: ["code_expert": [0: 50_000], "x": [0: 100_000]])
        #expect(plan.quota(persona: "code_expert", mask: 0) == 1_200)
        #expect(plan.quota(persona: "x", mask: 0) == 8_800)
        #expect(plan.planned == 10_000)
        #expect(plan.unmet.map(\.message) == [
            "category Technical: 12.0% of the mix, below its 60–70% target: its personas' caps and examples allow no more",
            "category Other: 88.0% of the mix, above its 30–40% target: the other categories ran out of examples",
            "persona x: 88.0% of the mix, above its 30–40% target: the other personas ran out of examples",
        ])
        let seed = MixPlanner.plan(size: 1_000_000, targets: SeedTargets.targets,
                                   available: seedAvailable(each: 10, ["code_expert": 900_000]))
        #expect(seed.quota(persona: "code_expert", mask: 0) == 120_000)
    }

    @Test func aRarePersonaIsUpsampledToItsLimit() {
        let plan = MixPlanner.plan(size: 100_000, targets: SeedTargets.targets,
                                   available: seedAvailable(each: 100_000, ["esoteric_scholar": 100]))
        let scholar = plan.personas.first { $0.persona == "esoteric_scholar" }
        #expect(scholar?.planned == 200)
        #expect(scholar?.repeats == 100)
        #expect(scholar?.limit == 200)
        #expect(scholar?.status == .under)
        #expect(plan.planned == 100_000)
        let big = MixPlanner.plan(size: 1_000_000, targets: SeedTargets.targets,
                                  available: seedAvailable(each: 1_000_000, ["esoteric_scholar": 4_500]))
        #expect(big.unmet.contains(.init(kind: "persona", subject: "esoteric_scholar", message:
            "persona esoteric_scholar: 0.9% of the mix, below its 2.5–5.0% target: only 4,500 examples, 9,000 with 2× upsampling")))
        #expect(big.unmet.contains(.init(kind: "category", subject: "Specialized", message:
            "category Specialized: 3.4% of the mix, below its 5–10% target: esoteric_scholar ran out of examples, and the minimums of the personas with examples add up to 101%, so every minimum is scaled down to fit")))
        #expect(big.personas.allSatisfy { $0.persona == "esoteric_scholar" || $0.repeats == 0 })
    }

    @Test func aPersonaWithoutExamplesGetsNothingAndSaysSo() {
        let plan = MixPlanner.plan(size: 1_000, targets: SeedTargets.targets,
                                   available: seedAvailable(each: 1_000, ["math_tutor": 0]))
        #expect(plan.personas.first { $0.persona == "math_tutor" }?.planned == 0)
        #expect(plan.planned == 1_000)
        #expect(plan.unmet.contains { $0.message == "persona math_tutor: 0.0% of the mix, below its 5.00–6.67% target: no examples are tagged with it" })
    }

    @Test func sizeShortfall() {
        let targets = DatasetTargets(categories: [.init(name: "All", target: 1...1, personas: ["p"])])
        let plan = MixPlanner.plan(size: 1_000_000, targets: targets, available: ["p": [0: 800_000, 1: 12_000]])
        #expect(plan.planned == 812_000)
        #expect(plan.quota(persona: "p", mask: 0) == 800_000)
        #expect(plan.unmet == [.init(kind: "size", subject: "size", message:
            "size: 812,000 of 1,000,000 examples: caps and available examples (with upsampling) allow no more")])
    }

    /// One persona's groups over the seed's traits (bits: brief 0, casual 1, detailed 2, formal 3).
    func oneCategory(_ traits: [DatasetTargets.TraitTarget] = SeedTargets.targets.traits,
                     upsample: Double = 1) -> DatasetTargets {
        DatasetTargets(categories: [.init(name: "All", target: 1...1, personas: ["p"])],
                       settings: ["p": .init(upsample: upsample)], traits: traits)
    }

    @Test func traitBalancingReachesFeasibleTargets() {
        let groups: [UInt32: Int] = [0: 5_000, 1: 1_000, 2: 1_000, 4: 1_000, 8: 1_000, 12: 500, 3: 500]
        let plan = MixPlanner.plan(size: 2_000, targets: oneCategory(), available: ["p": groups])
        #expect(plan.planned == 2_000)
        #expect((plan.quotas["p"] ?? [:]).values.reduce(0, +) == 2_000)
        for (mask, q) in plan.quotas["p"] ?? [:] { #expect(q <= groups[mask] ?? 0) }
        let traits = plan.traits["p"] ?? []
        #expect(traits.map(\.trait) == ["brief", "casual", "detailed", "formal"])
        for t in traits { #expect(abs(t.share - t.target) <= 0.01, "\(t.trait): \(t.share)") }
        // Before balancing, in proportion to availability, formal would be 15%, brief 15%.
        #expect(plan.unmet.isEmpty)
    }

    @Test func traitBalancingWithUpsamplingUsesRepeatsOnlyWhenNeeded() {
        let groups: [UInt32: Int] = [0: 600, 1: 100]  // bit 0: formal, the only trait
        let within = MixPlanner.plan(size: 500, targets: oneCategory([.init(name: "formal", share: 0.5)], upsample: 2),
                                     available: ["p": groups])
        #expect(within.quotas["p"] == [0: 400, 1: 100])
        let upsampled = MixPlanner.plan(size: 1_000, targets: oneCategory([.init(name: "formal", share: 0.5)], upsample: 2),
                                        available: ["p": groups])
        #expect(upsampled.quotas["p"] == [0: 800, 1: 200])
        #expect(upsampled.personas[0].repeats == 300)
        #expect(upsampled.unmet.map(\.message) == [
            "trait formal in p: 20.0%, target 50%: only 100 of its examples are formal"])
    }

    @Test func traitShortfalls() {
        let formalOnly = oneCategory([.init(name: "formal", share: 0.15)])
        let plan = MixPlanner.plan(size: 10_000, targets: formalOnly, available: ["p": [0: 9_400, 1: 600]])
        #expect(plan.unmet.map(\.message) == ["trait formal in p: 6.0%, target 15%: only 600 of its examples are formal"])
        let none = MixPlanner.plan(size: 100, targets: oneCategory(), available: ["p": [0: 500, 1: 200, 2: 200, 4: 300]])
        #expect(none.unmet.contains(.init(kind: "trait", subject: "formal in p", message:
            "trait formal in p: 0.0%, target 15%: none of its examples are formal")))
        let brief = none.traits["p"]?.first { $0.trait == "brief" }
        #expect(brief.map { abs($0.share - 0.35) <= 0.01 } == true)
    }

    @Test func sameInputsSamePlan() {
        let available = seedAvailable(each: 3_333, ["code_expert": 77, "supportive": 12_345])
        let a = MixPlanner.plan(size: 54_321, targets: SeedTargets.targets, available: available)
        let b = MixPlanner.plan(size: 54_321, targets: SeedTargets.targets, available: available)
        #expect(a == b)
        #expect(a.planned == 54_321)
    }

    @Test func undeclaredPersonasAreLeftOut() {
        var available = seedAvailable(each: 1_000)
        available["ghost"] = [0: 40, 1: 10]
        let plan = MixPlanner.plan(size: 5_000, targets: SeedTargets.targets, available: available,
                                   unknown: ["phantom": 7, "ghost": 3])
        #expect(plan.excluded == [.init(persona: "ghost", count: 53), .init(persona: "phantom", count: 7)])
        #expect(plan.quotas["ghost"] == nil)
        #expect(plan.planned == 5_000)
    }

    @Test func largestRemainderTiesGoToDeclarationOrder() {
        #expect(Apportion.fill(total: 10, weights: [1, 1, 1], limits: [100, 100, 100], fallback: [1, 1, 1]) == [4, 3, 3])
        #expect(Apportion.fill(total: 10, weights: [1, 1, 1], limits: [100, 2, 100], fallback: [1, 1, 1]) == [4, 2, 4])
        #expect(Apportion.fill(total: 10, weights: [1, 0, 0], limits: [4, 3, 100], fallback: [0, 1, 1]) == [4, 3, 3])
        #expect(Apportion.fill(total: 10, weights: [1, 1], limits: [2, 3], fallback: [1, 1]) == [2, 3])
    }
}

/// The staged fill: minimums first, then towards the maximums, then past them.
struct RangeFillTests {
    let targets = DatasetTargets(categories: [
        .init(name: "A", target: 0.50...0.60, personas: ["a"]),
        .init(name: "B", target: 0.20...0.40, personas: ["b"]),
        .init(name: "C", target: 0.10...0.20, personas: ["c"]),
    ])

    @Test func everyMinimumIsMetBeforeAnyShareGrows() {
        // Minimums 50/20/10 = 80%; the other 20% goes towards the maximums by range width
        // (10 : 20 : 10), so a = 50 + 5, b = 20 + 10, c = 10 + 5 of every 100.
        let plan = MixPlanner.plan(size: 1_000, targets: targets, available: ["a": [0: 5_000], "b": [0: 5_000], "c": [0: 5_000]])
        #expect(plan.personas.map(\.planned) == [550, 300, 150])
        #expect(plan.unmet.isEmpty)
    }

    @Test func aPersonaShortOfItsMinimumLeavesTheRestToTheOthers() {
        let plan = MixPlanner.plan(size: 1_000, targets: targets, available: ["a": [0: 5_000], "b": [0: 5_000], "c": [0: 40]])
        // c has 40 of its 100-example minimum; a and b take the other 960: minimums 500 + 200,
        // then 260 by width 10 : 20 (a + 86.7, b + 173.3), all within their maximums.
        #expect(plan.personas.map(\.planned) == [587, 373, 40])
        #expect(plan.unmet.map(\.subject) == ["C", "c"])
    }

    @Test func pastTheMaximumsOnlyWhenEveryoneElseIsFullOrAtTheTop() {
        let plan = MixPlanner.plan(size: 1_000, targets: targets, available: ["a": [0: 5_000], "b": [0: 100], "c": [0: 100]])
        #expect(plan.personas.map(\.planned) == [800, 100, 100])
        #expect(plan.unmet.first { $0.subject == "A" }?.message == "category A: 80.0% of the mix, above its 50–60% target: the other categories ran out of examples")
    }
}
