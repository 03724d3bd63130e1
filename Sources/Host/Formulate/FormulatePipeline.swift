import Builtins
import LuaBridge
import Plugins

/// `run formulate`: a persona and target concerns become a formula, chosen by a proper search under
/// hard constraints and explained ingredient by ingredient.
///
/// The plugin's rules score every ingredient for the persona (weights, preference multipliers,
/// confidence) and set the request's limits and exclusions; the host searches (branch and bound,
/// levels by linear program), predicts the formula's properties and, when the request cannot be
/// met in full, finds which constraint binds by lifting each in turn.
public struct FormulatePipeline {
    public let domain: FormulationDomain
    /// Learned multipliers by persona id, then ingredient id (the feedback loop writes them).
    public var learnedMultipliers: [String: [String: Double]] = [:]
    /// The learned version each persona's multipliers come from (reported with the formula).
    public var learnedVersions: [String: String] = [:]
    /// Overrides the search's node limit (tests, benchmarks).
    public var nodeLimit: Int?

    /// Formulas within this much objective of the best are ties (1 % of a typical ingredient's
    /// value): what lets a 1,000-ingredient catalogue of near-identical grades finish in a second.
    public static let tolerance = 0.01

    public init(domain: FormulationDomain) {
        self.domain = domain
    }

    /// Every ingredient scored for `persona` under `request`, in catalogue order.
    public func assess(_ request: FormulationRun.Request) throws(FormulationError) -> (persona: SkincarePersona, assessments: [IngredientAssessment], scoring: IngredientScoring) {
        let persona = try domain.persona(request.persona)
        let rules = PersonaRules(domain: domain, persona: persona)
        do {
            let scoring = IngredientScoring(weights: try rules.weights(), baseConfidence: rules.baseConfidence())
            let assessor = CatalogueAssessor(rules: rules, scoring: scoring, learned: learnedMultipliers[persona.id] ?? [:])
            return (persona, try assessor.assess(request: luaRequest(request, persona: persona)), scoring)
        } catch {
            throw .plugin(error)
        }
    }

    public func run(_ asked: FormulationRun.Request) throws(FormulationError) -> FormulationRun {
        var request = asked
        request.concerns = asked.concerns.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        guard !request.concerns.isEmpty else { throw .badRequest("name at least one concern (--concerns redness,sensitivity)") }
        guard request.concerns.count <= 64 else { throw .badRequest("at most 64 concerns per request") }
        if let budget = request.budget, !(budget.isFinite && budget > 0) { throw .badRequest("--budget must be a positive number of USD per kg") }
        let persona = try domain.persona(request.persona)
        let known = domain.concerns
        let unknown = request.concerns.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw .unknownConcerns(unknown, known: known) }
        if request.skinType.isEmpty { request.skinType = persona.skinType }

        let rules = PersonaRules(domain: domain, persona: persona)
        let lua = luaRequest(request, persona: persona)
        let (_, assessments, scoring) = try assess(request)
        let constraints: FormulationConstraints
        let fired: [String]
        let budgetMultiplier: Double
        do {
            (constraints, fired) = try rules.limits(request: lua, given: request.budget)
            budgetMultiplier = try rules.budgetMultiplier()
        } catch {
            throw .plugin(error)
        }
        var problem = FormulationProblem(
            ingredients: domain.ingredients, scores: assessments.map(\.score),
            exclusions: Dictionary(assessments.compactMap { a in a.excluded.map { (a.id, $0) } }) { first, _ in first },
            targetConcerns: request.concerns, constraints: constraints)
        problem.tolerance = FormulatePipeline.tolerance
        if let nodeLimit { problem.nodeLimit = nodeLimit }
        let result = FormulationSearch(problem).run()
        let diagnosis = FormulationDiagnosis(problem, result: result)
        var run = FormulationReportBuilder(domain: domain, problem: problem, assessments: assessments, result: result)
            .run(persona: persona, request: request, scoring: scoring, budgetMultiplier: budgetMultiplier,
                 fired: fired, diagnosis: diagnosis)
        if let learned = learnedMultipliers[persona.id], !learned.isEmpty {
            run.learnedVersion = learnedVersions[persona.id]
            run.rulesFired.append("learned multipliers of \(persona.id) \(learnedVersions[persona.id] ?? "") applied to scores")
        }
        return run
    }

    /// The request as the plugin's rules receive it.
    func luaRequest(_ request: FormulationRun.Request, persona: SkincarePersona) -> LuaValue {
        var table: [LuaKey: LuaValue] = [
            .string("concerns"): .array(request.concerns.map { .string($0) }),
            .string("skin_type"): .string(request.skinType.isEmpty ? persona.skinType : request.skinType),
            .string("exclude"): .array(request.exclude.map { .string($0) }),
        ]
        if let budget = request.budget { table[.string("budget")] = .number(budget) }
        return .table(table)
    }
}
