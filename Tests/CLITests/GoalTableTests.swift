import Foundation
import Testing
import Builtins
import Host
@testable import persona_host

/// ``GoalTable``: the persona table fits the width, keeps numbers right-aligned, puts traits
/// under each persona (or on the row with `--wide`), escapes before it styles.
@Suite struct GoalTableTests {
    /// A persona as a run stores it (decoded, as `runs show` reads one).
    func persona(_ index: Int, _ name: String, size: Int, share: Double, traits: JSONValue,
                 distinguishing: [String] = ["high family_budget_manager (z 1.52)", "low tech_savvy_parent (z -0.81)"]) throws -> GoalRun.Persona {
        let json: [String: Any] = [
            "index": index, "name": name, "size": size, "share": share, "centroid": [:], "zScores": [:],
            "distinguishing": distinguishing, "traits": try JSONSerialization.jsonObject(with: JSONEncoder().encode(traits)), "profile": [:],
        ]
        return try JSONDecoder().decode(GoalRun.Persona.self, from: JSONSerialization.data(withJSONObject: json))
    }

    var traits: JSONValue {
        .object(["parenting_style": .string("Budget-Conscious"), "care_about": .array([.string("family_budget_manager"), .string("parental_concern_score")]),
                 "typical_stage": .string("toddler")])
    }

    func personas() throws -> [GoalRun.Persona] {
        [try persona(1, "Ananya Haddad — Budget-Conscious Mom", size: 12_345, share: 0.8123, traits: traits),
         try persona(2, String(repeating: "Very Long Persona Name ", count: 5), size: 7, share: 0.0004, traits: .object([:])),
         try persona(3, "Noor Kapoor — Premium-Seeking Mom", size: 2_840, share: 0.1873, traits: .array([]), distinguishing: []),
         try persona(4, "Taylor Silva — Low-Tech Parent", size: 1, share: 0, traits: .object(["care_about": .object([:]), "style": .string("x")]))]
    }

    @Test(arguments: [80, 100, 160])
    func everyLineFitsTheWidth(width: Int) throws {
        let lines = GoalTable(personas: try personas(), terminal: Terminal(width: width, color: false)).lines
        for line in lines { #expect(line.count <= width, "\(line)") }
        #expect(lines.first?.hasPrefix("#  PERSONA") == true)
        // The 115-column name is cut unless the width leaves room for it.
        #expect(lines.contains { $0.contains("…") } == (width < 20 + 115 + GoalTable.minimumSetApartWidth))
    }

    @Test func numbersAreRightAlignedAndFormattedOneWay() throws {
        let lines = GoalTable(personas: try personas(), terminal: Terminal(width: 80)).lines
        let header = lines[0]
        let usersEnd = header.distance(from: header.startIndex, to: try #require(header.range(of: "USERS")).upperBound)
        let shareEnd = header.distance(from: header.startIndex, to: try #require(header.range(of: "SHARE")).upperBound)
        let rows = lines.filter { $0.first?.isNumber == true }
        #expect(rows.count == 4)
        for (row, (users, share)) in zip(rows, zip(["12,345", "7", "2,840", "1"], ["81.2%", "0.0%", "18.7%", "0.0%"])) {
            let characters = Array(row)
            #expect(String(characters[(usersEnd - users.count)..<usersEnd]) == users, "\(row)")
            #expect(String(characters[(shareEnd - share.count)..<shareEnd]) == share, "\(row)")
            #expect(characters[usersEnd - users.count - 1] == " ")
        }
    }

    @Test func traitsGoUnderThePersonaIndentedAndSetApartIsShort() throws {
        // What fits: one entry at 80 columns, both at 120.
        let wider = GoalTable(personas: [try personas()[0]], terminal: Terminal(width: 120)).lines
        #expect(wider.first { $0.hasPrefix("1  Ananya") }?.hasSuffix("  ↑ family_budget_manager, ↓ tech_savvy_parent") == true)
        let lines = GoalTable(personas: try personas(), terminal: Terminal(width: 80)).lines
        let row = try #require(lines.firstIndex { $0.hasPrefix("1  Ananya") })
        #expect(lines[row].hasSuffix("  ↑ family_budget_manager"))
        #expect(!lines[row].contains("parenting_style"))
        // Broken between items, not inside one.
        #expect(lines[row + 1] == "   care_about: family_budget_manager, parental_concern_score;")
        #expect(lines[row + 2] == "   parenting_style: Budget-Conscious; typical_stage: toddler")
        // Empty traits print no block: the next line is the next persona.
        let second = try #require(lines.firstIndex { $0.hasPrefix("2  ") })
        #expect(lines[second + 1].hasPrefix("3  "))
        // An empty list from Lua (`{}`) reads as none, not as nothing.
        #expect(lines.last == "   care_about: none; style: x")
    }

    @Test func wideKeepsEverythingOnTheRow() throws {
        let lines = GoalTable(personas: try personas(), terminal: Terminal(width: 80), wide: true).lines
        #expect(lines.count == 5)
        #expect(lines[0].hasSuffix("TRAITS"))
        #expect(lines[1].contains("high family_budget_manager (z 1.52), low tech_savvy_parent (z -0.81)"))
        #expect(lines[1].hasSuffix("care_about: family_budget_manager, parental_concern_score; parenting_style: Budget-Conscious; typical_stage: toddler"))
        #expect(lines[2].contains(String(repeating: "Very Long Persona Name ", count: 5).trimmingCharacters(in: .whitespaces)))
    }

    @Test func controlCodesInPluginStringsAreEscapedAndOnlyStylingAddsEscapes() throws {
        let hostile = try persona(1, "Mom\u{1B}[2J", size: 10, share: 1, traits: .object(["style": .string("x\u{1B}[31m\ny")]))
        let plain = GoalTable(personas: [hostile], terminal: Terminal(width: 80, color: false)).lines.joined(separator: "\n")
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains(#"Mom\u{1B}[2J"#) && plain.contains(#"x\u{1B}[31m\ny"#))
        let styled = GoalTable(personas: [hostile], terminal: Terminal(width: 80, color: true)).lines.joined(separator: "\n")
        let sequences = styled.matches(of: /\x{1B}\[[0-9;]*m/).map { String($0.output) }
        #expect(!sequences.isEmpty)
        #expect(Set(sequences).isSubset(of: ["\u{1B}[1m", "\u{1B}[22m", "\u{1B}[2m", "\u{1B}[36m", "\u{1B}[39m"]))
        #expect(styled.replacing(/\x{1B}\[[0-9;]*m/, with: "") == plain)
    }
}
