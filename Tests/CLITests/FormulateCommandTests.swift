import Foundation
import Testing
import Builtins
import TestSupport

/// `run formulate` and `persona …` as a user runs them: JSON on stdout, documented exit codes.
struct FormulateCommandTests {
    func json(_ arguments: [String]) throws -> (CLIRunner.Result, Any?) {
        let result = try CLIRunner.run(arguments)
        return (result, try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
    }

    @Test func formulateJSONCarriesTheWholeAnswer() throws {
        let (result, parsed) = try json(["run", "formulate", "--persona", "sensitive_skin", "--concerns", "redness,sensitivity",
                                         "--skin-type", "sensitive", "--budget", "500", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let run = try #require(parsed as? [String: Any])
        #expect(run["status"] as? String == "complete")
        let ingredients = try #require(run["ingredients"] as? [[String: Any]])
        #expect(!ingredients.isEmpty)
        for key in ["level", "functional_class", "score", "why", "level_note", "addresses"] {
            #expect(ingredients.allSatisfy { $0[key] != nil }, "every ingredient has \(key)")
        }
        let totals = try #require(run["totals"] as? [String: Any])
        for key in ["cost_per_kilogram", "efficacy", "safety", "stability", "synergy", "irritation", "ph"] {
            #expect(totals[key] != nil, "totals has \(key)")
        }
        #expect((run["constraints"] as? [String: Any])?["budget"] as? Double == 500)
        #expect(run["covered"] as? [String] == ["redness", "sensitivity"])
        #expect((run["rules_fired"] as? [String])?.isEmpty == false)
    }

    @Test func formulateTextReportsABindingConstraint() throws {
        let result = try CLIRunner.run(["run", "formulate", "--persona", "sensitive_skin", "--concerns", "wrinkles,redness", "--budget", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Not covered: wrinkles"))
        #expect(result.stdout.contains("binding: budget"))
    }

    @Test func badRequestsExitTwoAndNameTheProblem() throws {
        let unknown = try CLIRunner.run(["run", "formulate", "--persona", "nobody", "--concerns", "acne"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown persona 'nobody'"))
        let concern = try CLIRunner.run(["run", "formulate", "--persona", "acne_prone", "--concerns", "ackne"])
        #expect(concern.status == 2)
        #expect(concern.stderr.contains("did you mean 'acne'"))
        let budget = try CLIRunner.run(["run", "formulate", "--persona", "acne_prone", "--concerns", "acne", "--budget", "-3"])
        #expect(budget.status == 2)
        #expect(budget.stdout.isEmpty)
    }

    @Test func personaListShowCompareAndClusters() throws {
        let (list, listed) = try json(["persona", "list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let listing = try #require(listed as? [String: Any])
        let ids = (listing["formulation"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(ids == ["acne_prone", "anti_aging", "mature_skin", "natural_beauty", "sensitive_skin"])
        let learners = (listing["learning_only"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(learners == ["echo"])

        let (show, shown) = try json(["persona", "show", "sensitive_skin", "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        let view = try #require(shown as? [String: Any])
        let never = (view["never_used"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(never.contains("tea_tree_oil"))

        let (compare, compared) = try json(["persona", "compare", "sensitive_skin", "anti_aging", "--concerns", "wrinkles,redness", "--json"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let both = try #require(compared as? [String: Any])
        #expect(((both["first"] as? [String: Any])?["persona"] as? [String: Any])?["id"] as? String == "sensitive_skin")
        #expect(((both["second"] as? [String: Any])?["persona"] as? [String: Any])?["id"] as? String == "anti_aging")

        let (clusters, grouped) = try json(["persona", "clusters", "--json"])
        #expect(clusters.status == 0, "\(clusters.stderr)")
        let groups = try #require((grouped as? [String: Any])?["groups"] as? [[String: Any]])
        let members = groups.flatMap { ($0["personas"] as? [String]) ?? [] }
        #expect(members.sorted() == ids)
        #expect(groups.count >= 2)
        #expect(groups.allSatisfy { (($0["distinguishing"] as? [Any])?.isEmpty) == false })
    }
}
