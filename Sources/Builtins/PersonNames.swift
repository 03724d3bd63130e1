/// Deterministic, human-sounding persona names, so plugins need not ship name lists.
///
/// The same index and gender always give the same name; consecutive indices give different
/// first and last names, so the personas of one run read as different people.
public enum PersonNames {
    /// Gender of the name to draw.
    public enum Gender: String, Sendable, CaseIterable {
        case female, male, neutral
    }

    static let female = ["Priya", "Ananya", "Sara", "Meera", "Aisha", "Kavya", "Emma", "Lucia", "Noor", "Riya",
                         "Zara", "Ishita", "Maya", "Leila", "Diya", "Chloe", "Nisha", "Amara", "Tara", "Sofia"]
    static let male = ["Arjun", "Rohan", "Kabir", "Vikram", "Omar", "Daniel", "Aditya", "Leo", "Rahul", "Sam",
                       "Karan", "Mateo", "Nikhil", "Yusuf", "Dev", "Ethan", "Ravi", "Jonas", "Aman", "Hugo"]
    static let neutral = ["Alex", "Sasha", "Robin", "Kiran", "Jordan", "Noor", "Sam", "Taylor", "Ari", "Charlie"]
    static let family = ["Sharma", "Patel", "Iyer", "Khan", "Reddy", "Mehta", "Das", "Kapoor", "Nair", "Singh",
                         "Garcia", "Rossi", "Chen", "Okafor", "Silva", "Müller", "Haddad", "Novak", "Kim", "Joshi"]

    /// A "First Last" name for persona number `index` (any integer).
    public static func person(_ index: Int, gender: Gender = .neutral) -> String {
        let firsts = switch gender {
        case .female: female
        case .male: male
        case .neutral: neutral
        }
        let i = index.magnitude
        // Stride through the lists with steps coprime to their lengths: no repeats within a list's length.
        let first = firsts[Int((i &* 7) % UInt(firsts.count))]
        let last = family[Int((i &* 11 &+ 3) % UInt(family.count))]
        return "\(first) \(last)"
    }
}
