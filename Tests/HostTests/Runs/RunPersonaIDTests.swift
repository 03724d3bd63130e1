import Testing
@testable import Host

@Suite struct RunPersonaIDTests {
    @Test func parsesRunAndNumber() throws {
        let id = try RunPersonaID(parsing: "run:3/2")
        #expect(id.run == 3 && id.number == 2 && id.description == "run:3/2")
        #expect(try RunPersonaID(parsing: "RUN:12/1") == RunPersonaID(run: 12, number: 1))
    }

    @Test func refusesMalformedIDsNamingTheForm() {
        for text in ["run:", "run:3", "run:3/", "run:/2", "run:3/0", "run:0/1", "run:x/1", "run:3/2/1", "run:-1/2", "anti_aging"] {
            #expect(throws: RunLookupError.malformedID(text)) { try RunPersonaID(parsing: text) }
        }
        #expect(RunLookupError.malformedID("run:x").description.contains("run:RUN/N"))
        #expect(RunPersonaID.isRunPersona("run:x") && !RunPersonaID.isRunPersona("echo"))
    }
}
