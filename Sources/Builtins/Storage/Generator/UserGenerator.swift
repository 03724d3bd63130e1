/// A deterministic synthetic users population with planted structure, for `data generate` and
/// the default sample: four latent segments a clustering should recover.
///
/// Modelled on the reference generator (`gen_users.py`): the same segments, priors, means and
/// conditional tables, drawn with this package's own random stream (``GeneratorRandom``), so
/// the rows are not the reference's rows but have the same distributions. Rows are drawn one
/// after another from one stream: row *i* of a 10,000-row sample is row *i* of a 1,000,000-row
/// sample with the same seed, and the same seed gives identical rows on every run.
///
/// Per row: segment (tech_savvy 30 %, safety_first 25 %, budget_conscious 30 %, premium_brand
/// 15 %); city tier by segment; gender (female 49 %, male 49 %, nonbinary 2 %); age
/// Normal(segment mean, sd) rounded half-to-even and clipped to 16…70; privacy, price and brand
/// Beta draws around the segment means (concentration 20; brand ±0.04 by tier), stored as
/// multiples of 1e-4; device count 1 + Binomial(7, (mean − 1) / 7); EMI with the segment rate
/// shifted by tier; has_children by age band plus a segment shift; parenting stage by age for
/// parents, else `none` (or `expecting`, 6 % of 20–40 year-olds); family size from adults,
/// children and extended family (more in Tier-3), clipped to 1…8; occupation student or
/// retired by age (fewer students among parents), else by segment; education and income
/// source by occupation. The segment is kept in `true_segment`, only to score clusterings.
public struct UserGenerator: Sendable {
    /// The planted latent segments.
    public enum Segment: Int, CaseIterable, Sendable {
        case techSavvy, safetyFirst, budgetConscious, premiumBrand

        /// The `true_segment` value: `tech_savvy`, `safety_first`, `budget_conscious`, `premium_brand`.
        public var name: String { UserGenerator.segments[rawValue].description }
        /// The share of the population drawn from this segment.
        public var prior: Double { [0.30, 0.25, 0.30, 0.15][rawValue] }
    }

    private var random: GeneratorRandom
    private var nextID: Int64 = 1

    /// A generator whose rows are determined by `seed`; user ids start at 1.
    public init(seed: UInt64) {
        random = GeneratorRandom(seed: seed)
    }

    /// The next user.
    public mutating func next() -> GeneratedUser {
        let segment = random.pick(Self.segmentPriors)
        let profile = Self.profiles[segment]
        let tier = random.pick(profile.tiers)
        let gender = random.pick(Self.genderTable)
        let drawnAge = (profile.ageMean + profile.ageSD * random.normal()).rounded(.toNearestOrEven)
        let age = Int64(min(max(drawnAge, 16), 70))

        let concentration = Self.betaConcentration
        let privacy = random.beta(mean: profile.privacy, concentration: concentration)
        let price = random.beta(mean: profile.price, concentration: concentration)
        let brand = random.beta(mean: profile.brand + Self.tierBrandShift[tier], concentration: concentration)
        let devices = 1 + random.binomial(7, (profile.devices - 1) / 7)
        let emi = random.bernoulli(min(max(profile.emi + Self.tierEMIShift[tier], 0), 1))

        let band = Self.childAgeBounds.firstIndex { age <= $0 } ?? Self.childAgeBounds.count - 1
        let childProbability = min(max(Self.childAgeProbability[band] + profile.childShift, 0), 1)
        let hasChildren = random.bernoulli(childProbability)

        let stage: Int
        let familySize: Int
        let extendedProbability = Self.tierExtendedFamily[tier]
        if hasChildren {
            let stageBand = Self.stageAgeBounds.firstIndex { age <= $0 } ?? Self.stageAgeBounds.count - 1
            stage = 1 + random.pick(Self.stageByAge[stageBand])
            let adults = random.bernoulli(0.12) ? 1 : 2
            let kids = 1 + random.binomial(3, 0.30)
            familySize = adults + kids + random.binomial(2, extendedProbability)
        } else {
            stage = (random.bernoulli(0.06) && (20...40).contains(age)) ? 1 : 0
            familySize = 1 + random.binomial(3, 0.35) + random.binomial(2, extendedProbability)
        }

        var studentProbability = age <= 18 ? 0.95 : age <= 22 ? 0.70 : age <= 25 ? 0.20 : 0
        if hasChildren { studentProbability *= 0.3 }
        let retiredProbability = age >= 65 ? 0.80 : age >= 60 ? 0.45 : 0
        let u = random.uniform()
        let occupation = u < studentProbability ? Self.studentOccupation
            : u < studentProbability + retiredProbability ? Self.retiredOccupation
            : random.pick(profile.work)
        let education = random.pick(Self.educationByOccupation[occupation])
        let income = random.pick(Self.incomeByOccupation[occupation])

        defer { nextID += 1 }
        return GeneratedUser(
            userID: nextID, age: age, genderCode: gender, tierCode: tier,
            privacyPref: Self.units(privacy), priceSensitivity: Self.units(price), brandAwareness: Self.units(brand),
            emiFlag: emi ? 1 : 0, deviceCount: Int64(devices), hasChildren: hasChildren ? 1 : 0,
            stageCode: stage, occupationCode: occupation, educationCode: education,
            familySize: Int64(min(max(familySize, 1), 8)), incomeCode: income, segmentCode: segment)
    }

    /// A probability as a multiple of 1e-4 (`k / 10000`, k in 0…10000): exact decimal text.
    static func units(_ x: Double) -> Double {
        (min(max(x, 0), 1) * 10_000).rounded(.toNearestOrEven) / 10_000
    }
}

/// One synthetic user: the seed columns plus the planted segment.
public struct GeneratedUser: Sendable, Hashable {
    public let userID: Int64
    public let age: Int64
    let genderCode: Int
    let tierCode: Int
    public let privacyPref: Double
    public let priceSensitivity: Double
    public let brandAwareness: Double
    public let emiFlag: Int64
    public let deviceCount: Int64
    public let hasChildren: Int64
    let stageCode: Int
    let occupationCode: Int
    let educationCode: Int
    public let familySize: Int64
    let incomeCode: Int
    let segmentCode: Int

    public var gender: String { UserGenerator.genders[genderCode].description }
    public var cityTier: String { UserGenerator.tiers[tierCode].description }
    public var parentingStage: String { UserGenerator.stages[stageCode].description }
    public var occupation: String { UserGenerator.occupations[occupationCode].description }
    public var educationLevel: String { UserGenerator.educationLevels[educationCode].description }
    public var incomeSource: String { UserGenerator.incomeSources[incomeCode].description }
    public var segment: UserGenerator.Segment { UserGenerator.Segment(rawValue: segmentCode) ?? .techSavvy }
}
