/// The figures of the synthetic population (the reference generator's, `gen_users.py`).
/// Probabilities are by row of the owning table; each `CumulativeTable` normalizes its row.
extension UserGenerator {
    /// Segment parameters: means of privacy, price and brand (Beta, concentration 20), mean
    /// device count, EMI rate, age mean and sd.
    struct SegmentProfile: Sendable {
        let privacy, price, brand, devices, emi, ageMean, ageSD: Double
        /// City tier 1/2/3 probabilities.
        let tiers: CumulativeTable
        /// Shift of P(has_children).
        let childShift: Double
        /// Working occupations (the first 14 of ``occupations``).
        let work: CumulativeTable
    }

    static let segmentPriors = CumulativeTable([0.30, 0.25, 0.30, 0.15])

    static let profiles: [SegmentProfile] = [
        // tech_savvy
        .init(privacy: 0.15, price: 0.50, brand: 0.80, devices: 7.5, emi: 0.30, ageMean: 29, ageSD: 9,
              tiers: .init([0.55, 0.30, 0.15]), childShift: -0.05,
              work: .init([0.26, 0.12, 0.05, 0.03, 0.04, 0.07, 0.03, 0.04, 0.04, 0.03, 0.12, 0.07, 0.01, 0.09])),
        // safety_first
        .init(privacy: 0.88, price: 0.40, brand: 0.35, devices: 2.5, emi: 0.10, ageMean: 38, ageSD: 11,
              tiers: .init([0.40, 0.35, 0.25]), childShift: 0.08,
              work: .init([0.06, 0.04, 0.15, 0.12, 0.09, 0.07, 0.06, 0.12, 0.12, 0.05, 0.03, 0.04, 0.02, 0.03])),
        // budget_conscious
        .init(privacy: 0.45, price: 0.90, brand: 0.20, devices: 1.8, emi: 0.85, ageMean: 40, ageSD: 13,
              tiers: .init([0.20, 0.35, 0.45]), childShift: 0,
              work: .init([0.03, 0.02, 0.08, 0.06, 0.02, 0.12, 0.14, 0.06, 0.16, 0.15, 0.04, 0.03, 0.08, 0.01])),
        // premium_brand
        .init(privacy: 0.60, price: 0.08, brand: 0.90, devices: 3.5, emi: 0.05, ageMean: 44, ageSD: 12,
              tiers: .init([0.60, 0.30, 0.10]), childShift: 0,
              work: .init([0.10, 0.07, 0.06, 0.03, 0.12, 0.08, 0.05, 0.08, 0.08, 0.01, 0.05, 0.17, 0.01, 0.09])),
    ]

    static let betaConcentration = 20.0
    /// By city tier 1/2/3: shift of the brand mean, of the EMI rate, P(each of 2 extended relatives).
    static let tierBrandShift = [0.04, 0.0, -0.04]
    static let tierEMIShift = [-0.05, 0.0, 0.05]
    static let tierExtendedFamily = [0.15, 0.25, 0.35]

    static let genderTable = CumulativeTable([0.49, 0.49, 0.02])

    /// P(has_children) for ages up to each bound (inclusive): ≤19, ≤24, ≤29, ≤39, ≤49, ≤59, ≤70.
    static let childAgeBounds: [Int64] = [19, 24, 29, 39, 49, 59, 70]
    static let childAgeProbability = [0.02, 0.18, 0.45, 0.72, 0.78, 0.55, 0.25]

    /// A parent's child stage (expecting, infant, toddler, school_age, teen) for ages up to each bound.
    static let stageAgeBounds: [Int64] = [24, 29, 34, 39, 44, 70]
    static let stageByAge: [CumulativeTable] = [
        .init([0.20, 0.40, 0.30, 0.10, 0.00]),
        .init([0.12, 0.30, 0.33, 0.25, 0.00]),
        .init([0.08, 0.18, 0.27, 0.40, 0.07]),
        .init([0.04, 0.08, 0.18, 0.50, 0.20]),
        .init([0.02, 0.03, 0.07, 0.48, 0.40]),
        .init([0.00, 0.01, 0.02, 0.27, 0.70]),
    ]

    /// Education level by occupation (rows in ``occupations`` order).
    static let educationByOccupation: [CumulativeTable] = [
        .init([0.00, 0.02, 0.08, 0.60, 0.27, 0.03]), // software_engineer
        .init([0.02, 0.08, 0.30, 0.50, 0.10, 0.00]), // designer
        .init([0.00, 0.03, 0.07, 0.50, 0.35, 0.05]), // teacher
        .init([0.00, 0.05, 0.45, 0.45, 0.05, 0.00]), // nurse
        .init([0.00, 0.00, 0.00, 0.35, 0.45, 0.20]), // doctor
        .init([0.10, 0.30, 0.20, 0.35, 0.05, 0.00]), // sales_executive
        .init([0.35, 0.35, 0.12, 0.15, 0.03, 0.00]), // shop_owner
        .init([0.02, 0.10, 0.10, 0.55, 0.22, 0.01]), // civil_servant
        .init([0.30, 0.30, 0.10, 0.25, 0.05, 0.00]), // homemaker
        .init([0.50, 0.30, 0.17, 0.03, 0.00, 0.00]), // factory_worker
        .init([0.03, 0.10, 0.20, 0.50, 0.15, 0.02]), // freelancer
        .init([0.10, 0.20, 0.10, 0.40, 0.19, 0.01]), // business_owner
        .init([0.60, 0.30, 0.07, 0.03, 0.00, 0.00]), // farmer
        .init([0.00, 0.00, 0.02, 0.40, 0.50, 0.08]), // consultant
        .init([0.30, 0.40, 0.10, 0.18, 0.02, 0.00]), // student
        .init([0.25, 0.25, 0.10, 0.28, 0.10, 0.02]), // retired
    ]

    /// Income source by occupation (rows in ``occupations`` order).
    static let incomeByOccupation: [CumulativeTable] = [
        .init([0.92, 0.03, 0.00, 0.00, 0.00, 0.00, 0.03, 0.02]), // software_engineer
        .init([0.45, 0.25, 0.00, 0.00, 0.00, 0.00, 0.28, 0.02]), // designer
        .init([0.95, 0.02, 0.00, 0.00, 0.00, 0.00, 0.01, 0.02]), // teacher
        .init([0.95, 0.02, 0.00, 0.00, 0.00, 0.00, 0.01, 0.02]), // nurse
        .init([0.60, 0.35, 0.02, 0.00, 0.00, 0.00, 0.00, 0.03]), // doctor
        .init([0.85, 0.03, 0.00, 0.00, 0.00, 0.00, 0.10, 0.02]), // sales_executive
        .init([0.00, 0.20, 0.75, 0.00, 0.00, 0.00, 0.00, 0.05]), // shop_owner
        .init([0.97, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.03]), // civil_servant
        .init([0.00, 0.04, 0.00, 0.00, 0.00, 0.90, 0.03, 0.03]), // homemaker
        .init([0.90, 0.00, 0.00, 0.00, 0.00, 0.00, 0.10, 0.00]), // factory_worker
        .init([0.00, 0.55, 0.00, 0.00, 0.00, 0.00, 0.43, 0.02]), // freelancer
        .init([0.00, 0.10, 0.85, 0.00, 0.00, 0.00, 0.00, 0.05]), // business_owner
        .init([0.00, 0.05, 0.00, 0.93, 0.00, 0.00, 0.00, 0.02]), // farmer
        .init([0.55, 0.40, 0.02, 0.00, 0.00, 0.00, 0.00, 0.03]), // consultant
        .init([0.00, 0.00, 0.00, 0.00, 0.00, 0.88, 0.12, 0.00]), // student
        .init([0.00, 0.00, 0.00, 0.00, 0.80, 0.08, 0.00, 0.12]), // retired
    ]

    // Vocabularies, as static strings: bound to SQLite without copying.
    static let segments: [StaticString] = ["tech_savvy", "safety_first", "budget_conscious", "premium_brand"]
    static let tiers: [StaticString] = ["Tier-1", "Tier-2", "Tier-3"]
    static let genders: [StaticString] = ["female", "male", "nonbinary"]
    static let stages: [StaticString] = ["none", "expecting", "infant", "toddler", "school_age", "teen"]
    static let occupations: [StaticString] = [
        "software_engineer", "designer", "teacher", "nurse", "doctor", "sales_executive", "shop_owner",
        "civil_servant", "homemaker", "factory_worker", "freelancer", "business_owner", "farmer", "consultant",
        "student", "retired",
    ]
    static let studentOccupation = 14
    static let retiredOccupation = 15
    static let educationLevels: [StaticString] = [
        "secondary", "higher_secondary", "diploma", "bachelors", "masters", "doctorate",
    ]
    static let incomeSources: [StaticString] = [
        "salaried", "self_employed", "business", "agriculture", "pension", "family_support", "gig", "rental",
    ]
}
