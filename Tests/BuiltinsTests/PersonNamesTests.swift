import Testing
@testable import Builtins

@Suite struct PersonNamesTests {
    @Test func namesAreDeterministicAndDistinctAcrossIndices() {
        #expect(PersonNames.person(3, gender: .female) == PersonNames.person(3, gender: .female))
        let names = (0..<20).map { PersonNames.person($0, gender: .female) }
        #expect(Set(names).count == 20)
        let firsts = (0..<20).map { PersonNames.person($0, gender: .male).split(separator: " ")[0] }
        #expect(Set(firsts).count == 20)
    }

    @Test func genderPicksTheFirstNameList() {
        #expect(PersonNames.female.contains(String(PersonNames.person(5, gender: .female).split(separator: " ")[0])))
        #expect(PersonNames.male.contains(String(PersonNames.person(5, gender: .male).split(separator: " ")[0])))
    }
}
