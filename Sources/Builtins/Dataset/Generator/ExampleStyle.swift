/// How a generated reply sounds, so that `plugins/dataset_personas/traits.lua` has something to
/// find: formal (no contractions or exclamations, long words), casual (contractions, `!`,
/// "yeah", "gonna"), plain (neither), and the Unicode sentences a few replies end with.
enum ExampleStyle {
    /// The register of one reply.
    enum Register: Int, Sendable {
        case plain, formal, casual
    }

    /// Register weights (per 1000): formal 17%, casual 23%, plain the rest.
    static let registers = WeightTable([600, 170, 230])

    /// Openers, fillers and closers of one register.
    struct Voice: Sendable {
        let openers: [Template]
        let fillers: [Template]
        let closers: [Template]
    }

    /// Indexed by `Register.rawValue`.
    static let voices: [Voice] = [plain, formal, casual]

    static let plain = Voice(
        openers: Template.all(["Here is an answer.", "Sure.", "Good question.", "Here are the main points.", "Of course."]),
        fillers: Template.all([
            "This works in most cases.",
            "It helps to keep things simple at first.",
            "The details depend on your situation.",
            "Keep notes as you go so you can check your progress later.",
            "Most people find the second part easier once the first is done.",
            "A short example usually makes the idea clear.",
        ]),
        closers: Template.all(["Let me know if you want more detail.", "That should cover the basics.", "I hope this is useful."]))

    static let formal = Voice(
        openers: Template.all([
            "Certainly. The following response addresses the question comprehensively.",
            "The considerations below summarise the principal aspects.",
            "In summary, the relevant information is presented below.",
        ]),
        fillers: Template.all([
            "Consequently, the recommended approach balances reliability, maintainability and performance.",
            "Furthermore, thorough documentation substantially reduces subsequent misunderstandings.",
            "Additionally, organisations frequently underestimate implementation complexity.",
            "Nevertheless, individual circumstances ultimately determine the appropriate decision.",
            "Accordingly, systematic evaluation remains essential throughout the entire process.",
            "Particular attention should be devoted to potential limitations and underlying assumptions.",
        ]),
        closers: Template.all([
            "Further clarification can be provided upon request.",
            "These recommendations should be evaluated against specific requirements.",
        ]))

    static let casual = Voice(
        openers: Template.all(["Hey! Good question.", "Oh yeah, I can help with that!", "Okay so here's the thing:", "Haha, love this one!"]),
        fillers: Template.all([
            "Honestly it's not as scary as it looks, you're gonna be fine.",
            "Yeah, I'd totally go with the simpler option first.",
            "It's kinda tricky at first but you'll get the hang of it!",
            "Don't overthink it, seriously.",
            "That's the awesome part!",
            "I've done this a bunch of times and it's pretty chill.",
        ]),
        closers: Template.all(["Hope that helps!", "Good luck, you've got this!", "Lemme know how it goes lol."]))

    /// Sentences with non-ASCII text (accents, curly apostrophes, emoji) for ~2% of replies.
    static let unicode = Template.all([
        "Grab a café au lait and take it one piece at a time.",
        "That’s the naïve version; the refined one comes next.",
        "Good luck — you’ve got this 🙂",
        "Merci for asking; the résumé tips above still apply.",
        "Schön! The Zürich office does it the same way ✨",
        "Señora Núñez would say: paso a paso.",
    ])

    /// Word counts a reply aims at: brief (≤ 40), medium, detailed (≥ 120).
    static let lengths: [ClosedRange<Int>] = [14...36, 45...110, 128...240]
    /// Length-class weights (per 1000): brief 35%, medium 38%, detailed 27%.
    static let lengthClasses = WeightTable([350, 380, 270])
}
