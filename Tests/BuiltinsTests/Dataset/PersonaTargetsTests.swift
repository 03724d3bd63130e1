import Testing
@testable import Builtins

/// Per-persona ranges from the seed's figures, and the notes on its inconsistent targets.
struct PersonaTargetsTests {
    func target(_ name: String, in t: DatasetTargets = SeedTargets.targets) -> PersonaTarget? {
        PersonaTargets.personaTargets(t).first { $0.persona == name }
    }

    @Test func declarationOrderAndCategories() {
        let all = PersonaTargets.personaTargets(SeedTargets.targets)
        #expect(all.map(\.persona) == SeedTargets.targets.personas)
        #expect(all.count == 18)
        #expect(target("math_tutor")?.category == "Analytical")
    }

    @Test func personasWithoutShareSplitTheirCategoryEqually() {
        // Technical 25–30% over three personas; code_expert's 12% cap is above 10%, so it does not bind.
        #expect(target("debugging_assistant")?.range == (0.25 / 3)...(0.30 / 3))
        #expect(target("code_expert")?.range == (0.25 / 3)...(0.30 / 3))
        #expect(target("code_expert")?.cap == 0.12)
        #expect(target("esoteric_scholar")?.range == 0.025...0.05)
        #expect(target("esoteric_scholar")?.upsample == 2.0)
        #expect(target("safety_guardian")?.upsample == 1.0)
    }

    @Test func explicitSharesAndWhatIsLeft() {
        #expect(target("empathetic_counselor")?.range == 0.15...0.15)
        #expect(target("empathetic_counselor")?.explicitShare == true)
        #expect(target("supportive")?.range == (0.20 - 0.15)...(0.25 - 0.15))
        #expect(target("supportive")?.explicitShare == false)
        #expect(target("creative_storyteller")?.range == 0.08...0.08)
        #expect(target("narrative_writer")?.range == (0.10 - 0.08)...(0.15 - 0.08))
    }

    @Test func aCapClampsBothEnds() {
        let t = DatasetTargets(categories: [.init(name: "T", target: 0.30...0.40, personas: ["a", "b", "c"])],
                               settings: ["a": .init(cap: 0.12), "b": .init(cap: 0.17)])
        #expect(target("a", in: t)?.range == (0.30 / 3)...0.12)
        #expect(target("b", in: t)?.range == (0.30 / 3)...(0.40 / 3))
        let tight = DatasetTargets(categories: [.init(name: "T", target: 0.60...0.70, personas: ["a", "b"])],
                                   settings: ["a": .init(cap: 0.12)])
        #expect(target("a", in: tight)?.range == 0.12...0.12)
        #expect(target("b", in: tight)?.range == 0.30...0.35)
        #expect(PersonaTargets.consistencyNotes(tight).contains(
            "category T: its personas' caps allow at most 47%, below its 60–70% target"))
    }

    @Test func sharesLeavingNothingGiveZero() {
        let t = DatasetTargets(categories: [.init(name: "T", target: 0.10...0.20, personas: ["a", "b"])],
                               settings: ["a": .init(share: 0.25)])
        #expect(target("b", in: t)?.range == 0...0)
        #expect(PersonaTargets.consistencyNotes(t) == [
            "the category maximums add up to 20%: the categories cannot fill the whole dataset within their ranges",
            "the category midpoints add up to 15%: the mix scales every target by the same factor to make 100%",
            "persona a: its share 25% is above its category T's 10–20% target",
            "category T: its personas' own shares add up to 25%, above its 10–20% target",
        ])
    }

    @Test func theSeedsTargetsAreInconsistentAndSaySo() {
        #expect(PersonaTargets.consistencyNotes(SeedTargets.targets) == [
            "the category minimums add up to 101%: not every category can reach its range at once",
            "the category midpoints add up to 120%: the mix scales every target by the same factor to make 100%",
        ])
        let fine = DatasetTargets(categories: [.init(name: "A", target: 0.4...0.6, personas: ["a"]),
                                               .init(name: "B", target: 0.4...0.6, personas: ["b"])])
        #expect(PersonaTargets.consistencyNotes(fine).isEmpty)
    }

    @Test func formats() {
        #expect(MixFormat.count(1_000_000) == "1,000,000")
        #expect(MixFormat.count(812) == "812")
        #expect(MixFormat.share(0.0087) == "0.9%")
        #expect(MixFormat.range(0.025, 0.05) == "2.5–5.0%")
        #expect(MixFormat.range(0.25, 0.30) == "25–30%")
        #expect(MixFormat.target(0.25 / 3) == "8.33%")
        #expect(MixFormat.factor(2.0) == "2")
        #expect(MixFormat.factor(1.5) == "1.5")
        #expect(MixCount.ceil(0.15 * 100) == 15)
        #expect(MixCount.floor(0.12 * 1_000_000) == 120_000)
        #expect(MixCount.floor(0.29 * 100) == 29)
    }
}
