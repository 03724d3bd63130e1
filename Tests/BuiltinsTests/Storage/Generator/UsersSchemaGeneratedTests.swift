import Foundation
import Testing
@testable import Builtins

/// `UsersSchema.generated` (what `plugins types` gives `u` without a database) is the table the
/// generator really makes.
@Suite struct UsersSchemaGeneratedTests {
    @Test func theGeneratedSchemaIsTheGeneratorsTable() throws {
        try withTemporaryDatabase { temporary in
            _ = try temporary.users.generate(rows: 10, seed: 1)
            #expect(try temporary.users.schema() == UsersSchema.generated)
        }
        #expect(UsersSchema.generated.names.first == "user_id")
        #expect(UsersSchema.generated.column(named: "true_segment")?.type == .text)
    }
}
