import Plugins

/// Stages 1 and 2 of a goal run, which need no users: the goal read against the plugins'
/// intents, the domain chosen, and the filter conditions the plugins give. `run goal` goes on
/// from here; `persona-host test` and `intents` stop here.
struct GoalPlan {
    var reading: GoalReading
    var choice: DomainChoice
    var filters: FilterPlan

    /// Reads `goal`; throws when no intent is detected, when no domain applies, when a filter
    /// hook fails, and (`strict`) when a recognised word is not applied.
    init(goal: String, plugins: [Plugin], strict: Bool) throws(GoalError) {
        let taxonomy = Taxonomy(plugins: plugins)
        reading = GoalReading(text: goal, taxonomy: taxonomy)
        guard !reading.detected.isEmpty else {
            let known = Dictionary(uniqueKeysWithValues: taxonomy.categories.map { ($0.name, $0.terms) })
            throw .noIntent(goal: goal, known: known, unrecognised: reading.unrecognisedWords)
        }
        choice = try DomainChoice(reading: reading, plugins: plugins)
        do {
            filters = try FilterPlan(reading: reading, plugins: plugins, domain: choice.plugin)
        } catch {
            throw .plugin(error)
        }
        if strict && !filters.notApplied.isEmpty { throw .notApplied(filters.notApplied) }
    }
}
