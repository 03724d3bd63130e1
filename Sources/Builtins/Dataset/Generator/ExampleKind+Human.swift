/// The human kinds: debate, analysis, counselling, support, stories, poems, esoteric lore,
/// questions, facts and plain chat. Every instruction avoids the cue phrases of the rules
/// before its own (see ``ExampleKind``).
extension ExampleKind {
    static let debate = ExampleKind(
        instructions: [
            "Argue for and against a four-day work week.",
            "Is it ethical to use facial recognition in schools?",
            "What are the pros and cons of nuclear energy for {place}?",
            "Give the strongest counterargument to the claim that remote work hurts productivity.",
            "Debate whether social media does more harm than good.",
            "Is there a moral difference between lying and keeping a secret?",
            "Argue that {topic} should be free for everyone.",
        ],
        inputs: ["{name} found a wallet with cash in it and kept the money because nobody was watching."], inputPer1000: 150,
        topics: ["public transport", "university tuition", "museum entry", "childcare", "broadband"],
        bodies: [
            "Supporters point out that {topic} widens access and pays for itself over time.",
            "Critics reply that the costs fall on taxpayers who may never use it.",
            "The strongest objection concerns incentives rather than cost.",
            "A fair answer weighs the benefits to individuals against the burden on the community.",
            "Consent and transparency carry the most weight here.",
            "On balance, the evidence leans toward a cautious yes, with safeguards.",
            "Both sides agree on the goal; they disagree about who should pay.",
        ])

    static let analysis = ExampleKind(
        instructions: [
            "Why does ice float on water?",
            "What causes inflation to rise after a supply shock?",
            "Compare renting and buying a home in {place}.",
            "Analyze the main reasons the {topic} failed.",
            "Think step by step: which is heavier, a kilogram of feathers or a kilogram of steel?",
            "Reason about what happens to the shadow of a pole as the sun sets.",
            "Why does the sky look red at sunset?",
            "Which of these would conduct electricity best: wood, copper, glass or rubber? Answer step by step.",
        ],
        inputs: ["Options: (A) wood (B) copper (C) glass (D) rubber"], inputPer1000: 200,
        topics: ["product launch", "merger", "expedition", "startup", "campaign"],
        bodies: [
            "Start from what we know for certain and build from there.",
            "The key factor is density: ice is less dense than liquid water because its molecules form an open lattice.",
            "Supply shocks raise costs, and firms pass part of those costs on to consumers.",
            "Weighing the two options means looking at the total cost over ten years, not just the monthly payment.",
            "The evidence suggests the timing of the {topic} mattered more than the idea itself.",
            "Each step follows from the previous one, so the conclusion is sound if the premises hold.",
            "Therefore both weigh exactly the same.",
        ],
        stepwise: true)

    static let counseling = ExampleKind(
        instructions: [
            "I have been feeling anxious before every meeting at work. What can I do?",
            "How do I cope with grief after losing my {topic}?",
            "I moved to {place} and I feel lonely most evenings.",
            "I'm overwhelmed by exams and can't sleep.",
            "My partner seems depressed. How can I support them?",
            "I've been struggling with anxiety since I started my new job.",
        ],
        inputs: [
            "I am {n} and I live alone. My family is far away and I do not know anyone in {place} yet.",
            "It has been two months since my {topic} died and I still cry every day.",
        ], inputPer1000: 400,
        topics: ["grandmother", "dog", "best friend", "father", "cat"],
        bodies: [
            "I understand how heavy that can feel, and you're not alone in it.",
            "Grief does not follow a schedule, and it's okay to have good days and hard days.",
            "Try a short breathing exercise before the meeting: in for four counts, out for six.",
            "Reaching out to one person this week, even with a short message, can make the evenings feel less empty.",
            "If the feelings stay with you for weeks, a counsellor or your doctor can help.",
            "Be gentle with yourself; you are dealing with a lot right now.",
            "That sounds hard, and it makes sense that you feel tired.",
            "Writing down what worries you before bed can quiet the mind a little.",
        ])

    static let support = ExampleKind(
        instructions: [
            "I had a rough day at work. Can you cheer me up?",
            "Encourage me to keep going with my {topic}.",
            "How can I motivate myself to exercise in the morning?",
            "I feel like giving up on learning the guitar.",
            "Say something to motivate my team before the big launch.",
        ],
        inputs: ["My {topic} has been going badly for weeks and today my coach said I should take a break."], inputPer1000: 150,
        topics: ["marathon training", "thesis", "novel", "language lessons", "piano practice"],
        bodies: [
            "You have already come further than you think, and that is worth celebrating.",
            "Great work showing up today, even when it was hard.",
            "Small steps count: ten minutes of practice is still practice.",
            "I am glad you told me, and you can do this.",
            "Tomorrow is a fresh start, and you get to decide what it looks like.",
            "Pick one tiny goal for tomorrow and let that be enough.",
        ])

    static let story = ExampleKind(
        instructions: [
            "Write a story about a {thing} that can talk.",
            "Write a short story set in {place} in {year}.",
            "Tell me a fairy tale about a clever fox and a {thing}.",
            "Write a tale for children about a brave {thing}.",
            "Continue this: Once upon a time, a baker named {name} found a map.",
            "Write a story where a dragon guards a library.",
            "Write a story about a bug that wants to see the sea.",
        ],
        inputs: ["Setting: a fishing village in winter. Main character: {name}, a retired sailor."], inputPer1000: 150,
        bodies: [
            "Once upon a time, in a village near {place}, there lived a {thing} that nobody noticed.",
            "{name} pushed open the door and the whole room fell silent.",
            "The dragon blinked slowly, as if it had waited a hundred years for this question.",
            "By morning the snow had covered every path, and only the old {thing} knew the way home.",
            "They laughed, and for the first time in weeks the house felt warm.",
            "And so the {thing} kept its secret, until the day a child asked the right question.",
            "The wind carried the smell of bread and rain through the narrow streets.",
        ])

    static let narrative = ExampleKind(
        instructions: [
            "Write a poem about autumn in {place}.",
            "Describe a scene at a busy train station at dawn.",
            "Write the opening of a screenplay about two sisters who run a {thing} shop.",
            "Turn this event into a first-person narrative.",
            "Write a poem in the style of a haiku about the sea.",
        ],
        inputs: ["In {year} the bridge in {place} reopened after the flood, and the whole town walked across it."], inputPer1000: 150,
        bodies: [
            "Golden leaves drift over {place}, slow as an afternoon.",
            "INT. STATION - DAWN. Steam rises from a cart as the first train sighs in.",
            "The platform hums with footsteps, announcements and the clatter of cups.",
            "I remember the light more than the words, thin and silver across the water.",
            "Waves fold into foam,\nthe harbour holds its breath,\ngulls write on the wind.",
            "{name} sets a {thing} on the counter and waits for someone to notice.",
        ])

    static let esoteric = ExampleKind(
        instructions: [
            "What does the Tower card mean in a tarot reading?",
            "Describe the three stages of alchemy in Renaissance thought.",
            "Which archetype does the trickster represent in Jungian psychology?",
            "Give an overview of the Tree of Life in Kabbalah.",
            "What is the hermetic principle of correspondence?",
            "How did Christian mysticism influence medieval art?",
        ],
        inputs: ["The querent drew the Tower, the Star and the Ten of Cups."], inputPer1000: 50,
        bodies: [
            "In most tarot traditions the Tower stands for sudden change and the collapse of false structures.",
            "Renaissance alchemists described the Great Work in stages of blackening, whitening and reddening.",
            "The trickster archetype crosses boundaries and exposes the rules others take for granted.",
            "The Tree of Life arranges ten sefirot connected by twenty-two paths.",
            "As above, so below: the hermetic maxim links the cosmos to the individual.",
            "Scholars read these texts as symbolic systems rather than literal recipes.",
        ])

    static let qa = ExampleKind(
        instructions: [
            "Who wrote Pride and Prejudice?",
            "When did the Berlin Wall fall?",
            "Where is the Great Barrier Reef?",
            "Which planet has the most moons?",
            "Who painted the ceiling of the Sistine Chapel?",
            "When was the printing press invented?",
            "who led the restoration of the east wing?",
            "when did {name} join the museum staff?",
            "where did the expedition begin?",
            "which city hosted the first exhibition?",
        ],
        inputs: [
            "The museum opened in {year}. {name} joined the staff three years later and led the restoration of the east wing.",
            "The expedition left {place} in {year} with twelve people and returned eight months later.",
        ], inputPer1000: 450,
        bodies: [
            "According to the passage, the answer is {name}.",
            "The short answer is {year}.",
            "It is located off the coast of {place}.",
            "Jane Austen wrote it, and it first appeared in print in 1813.",
            "Saturn currently has the most confirmed moons.",
            "Michelangelo painted it over four years.",
        ])

    static let factual = ExampleKind(
        instructions: [
            "What is photosynthesis?",
            "Explain how vaccines train the immune system.",
            "Define inflation in simple terms.",
            "Give me five facts about {place}.",
            "Summarize the history of {topic}.",
            "What is the capital of {place}?",
            "Explain what a black hole is.",
            "Tell me about the history of {topic} in {place}.",
        ],
        inputs: ["{topic} has a long record in {place}. By {year}, it had spread to most large cities, and local guilds kept careful records of its use."],
        inputPer1000: 250,
        topics: ["the printing press", "coffee", "the bicycle", "jazz", "the internet", "chess", "paper money"],
        bodies: [
            "Photosynthesis is the process plants use to turn light, water and carbon dioxide into sugar and oxygen.",
            "In short, {topic} spread quickly once it became cheap to produce.",
            "Historians usually date the first reliable records to {year}.",
            "Vaccines show the immune system a harmless piece of a pathogen so it can recognise the real thing later.",
            "Inflation is the general rise in prices over time, which lowers what money can buy.",
            "The population of {place} has grown steadily over the last century.",
            "A black hole is a region where gravity is so strong that not even light can escape.",
        ])

    static let chat = ExampleKind(
        instructions: [
            "Hi! How's your day going?",
            "Recommend a good book for a long flight.",
            "Suggest a name for my new golden retriever.",
            "Tell me a joke about cats.",
            "Give me ideas for a birthday party for my {n}-year-old.",
            "Can you help me write a thank-you note to {name}?",
            "What's a good recipe with {food} and rice?",
            "Translate 'good morning' into Spanish.",
            "Rewrite this sentence to sound friendlier.",
            "Summarize this paragraph in one sentence.",
            "List some fun things to do in {place} on a rainy day.",
        ],
        inputs: [
            "Thanks so much for coming to the party on Saturday, it meant a lot to us.",
            "{name} said the meeting moved to Thursday and nobody told the rest of the team.",
        ], inputPer1000: 200,
        bodies: [
            "Sure, here are a few ideas you might like.",
            "How about Biscuit, Maple or Scout?",
            "A cozy mystery or a long fantasy novel works well on a flight.",
            "Dear {name}, thank you for the lovely evening and the wonderful food.",
            "You could visit a museum, try a cooking class, or spend an afternoon in a bookshop.",
            "Toss the {food} with garlic, lemon and a little olive oil, then serve it over rice.",
            "Let me know if you want more options.",
        ])

    static let dialogue = ExampleKind(
        instructions: [
            "Continue the conversation as a friendly neighbour.",
            "Reply to your friend who just got back from {place}.",
            "Respond in character.",
            "Keep the conversation going with a question.",
        ],
        inputs: [
            "A: Did you catch the game last night?\nB: I did, what a finish.\nA: Are you going to the next one?",
            "Persona: I work as a nurse. I love baking bread. I have a cat named {name}.\nUser: Hi there, what do you do for fun?",
            "A: I just got back from {place}.\nB: How was it?",
        ], inputPer1000: 600,
        bodies: [
            "Oh nice, {place} sounds amazing, how long were you there?",
            "Mostly baking, to be honest, and a lot of reading on rainy days.",
            "I might go if the weather holds, do you want to come along?",
            "That reminds me, {name} asked about you the other day.",
            "We should plan a dinner soon and catch up properly.",
        ])
}
