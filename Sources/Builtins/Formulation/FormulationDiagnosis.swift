/// Which hard constraints keep a request from being met, found by relaxing them one at a time.
///
/// A constraint binds when the search, with only that constraint lifted, covers more target
/// concerns (or finds a formula where there was none). Each finding says what lifting it would
/// gain, so the report can say "budget binds: lifting it covers redness".
public struct FormulationDiagnosis: Sendable, Hashable, Codable {
    /// One constraint that binds.
    public struct Finding: Sendable, Hashable, Codable {
        public var constraint: ConstraintKind
        /// Target concerns that lifting it would cover in addition.
        public var wouldCover: [String]
        /// The formula found with it lifted (ingredient ids), and that formula's totals.
        public var formula: [String]
        public var totals: FormulationMetrics
    }

    /// Constraints that bind, in `ConstraintKind` order.
    public var binding: [Finding]
    /// Target concerns that no ingredient of the catalogue addresses at all.
    public var unaddressable: [String]

    /// Diagnoses `problem` given the search's `result`; empty when everything was covered.
    public init(_ problem: FormulationProblem, result: FormulationSearch.Result) {
        let unaddressable = problem.targetConcerns.filter { concern in !problem.ingredients.contains { $0.addresses(concern) } }
        self.unaddressable = unaddressable
        let missing = problem.targetConcerns.filter { !result.covered.contains($0) && !unaddressable.contains($0) }
        guard !missing.isEmpty || !result.isFeasible else {
            binding = []
            return
        }
        var findings: [Finding] = []
        for kind in ConstraintKind.allCases {
            var relaxed = problem.relaxing(kind)
            relaxed.nodeLimit = max(1, problem.nodeLimit / 4)
            let lifted = FormulationSearch(relaxed).run()
            let gained = lifted.covered.filter { !result.covered.contains($0) }
            if !gained.isEmpty || (!result.isFeasible && lifted.isFeasible) {
                findings.append(Finding(constraint: kind, wouldCover: gained,
                                        formula: lifted.picks.map { problem.ingredients[$0.index].id },
                                        totals: FormulationMetrics(lifted.picks, in: problem)))
            }
        }
        binding = findings
    }
}
