/// The value rule of a seed column, checked on import (and by the table's CHECK constraints).
enum SeedConstraint: Sendable, Hashable {
    /// An integer in `range` (`age` 0…120).
    case integerRange(ClosedRange<Int64>)
    /// 0 or 1 (`emi_flag`, `has_children`).
    case flag
    /// An integer ≥ the bound (`device_count` ≥ 0, `family_size` ≥ 1).
    case atLeast(Int64)
    /// A real in 0…1 (`privacy_pref`, `price_sensitivity`, `brand_awareness_bose`).
    case unitInterval
}

/// A column of the seed schema with its type and value rule (the migration's CHECKs, in Swift).
///
/// Rules on import (empty field = NULL, allowed everywhere but `user_id`):
/// `user_id` any 64-bit integer, unique; `age` integer 0…120; `privacy_pref`,
/// `price_sensitivity`, `brand_awareness_bose` numbers in 0…1; `emi_flag`, `has_children` 0 or 1;
/// `device_count` integer ≥ 0; `family_size` integer ≥ 1; the TEXT columns any UTF-8 text.
struct SeedColumn: Sendable, Hashable {
    let name: String
    let type: ColumnType
    let constraint: SeedConstraint?

    static let all: [SeedColumn] = [
        .init(name: "user_id", type: .integer, constraint: nil),
        .init(name: "age", type: .integer, constraint: .integerRange(0...120)),
        .init(name: "gender", type: .text, constraint: nil),
        .init(name: "city_tier", type: .text, constraint: nil),
        .init(name: "privacy_pref", type: .real, constraint: .unitInterval),
        .init(name: "price_sensitivity", type: .real, constraint: .unitInterval),
        .init(name: "brand_awareness_bose", type: .real, constraint: .unitInterval),
        .init(name: "emi_flag", type: .integer, constraint: .flag),
        .init(name: "device_count", type: .integer, constraint: .atLeast(0)),
        .init(name: "has_children", type: .integer, constraint: .flag),
        .init(name: "parenting_stage", type: .text, constraint: nil),
        .init(name: "occupation", type: .text, constraint: nil),
        .init(name: "education_level", type: .text, constraint: nil),
        .init(name: "family_size", type: .integer, constraint: .atLeast(1)),
        .init(name: "income_source", type: .text, constraint: nil),
    ]

    static func named(_ name: String) -> SeedColumn? {
        all.first { $0.name == name }
    }
}
