import Builtins
import Foundation

/// The `goal` scaffold: a goal domain whose intent is the plugin's name (`pet_owners` is selected
/// by the goal "pet owners"), with a filter, three features on the sample users table's columns,
/// clustering settings and persona naming; its test reads the goal, checks a feature by hand,
/// names a cluster and runs the whole pipeline on `tests/users.csv`.
struct GoalTemplate {
    let words: ScaffoldWords

    /// The columns the formulas read (`columns`).
    static let featureColumns = ["price_sensitivity", "emi_flag", "device_count", "brand_awareness_bose", "privacy_pref"]
    /// The columns summarised per persona (`clustering.profile`); `age` is also the filter's.
    static let profileColumns = ["age", "city_tier"]
    /// The fixture: users of the sample generator, with the columns the plugin reads.
    static let fixtureRows = 200
    static let fixtureSeed: UInt64 = 42

    var files: [PluginScaffold.File] {
        [.init("init.lua", initLua), .init("tests/\(words.name)_test.lua", testLua), .init("tests/users.csv", Self.usersCSV())]
    }

    var initLua: String {
        let name = words.name, key = words.key, term = ScaffoldWords.quoted(words.term)
        let columns = Self.featureColumns.map(ScaffoldWords.quoted).joined(separator: ", ")
        return """
            -- \(name): a goal domain.
            -- A goal that says TERM (below) selects these rules: which users the goal is about (filters),
            -- one number per user (features), how to group them (clustering) and how to name each group
            -- (persona). Edit, then run again: no rebuild. The whole contract, every hook and default:
            -- docs/PLUGINS.md. `host` is the host API (host.names, host.log, ...).
            -- luacheck: read globals host

            -- TERM: the words of a goal that mean this domain. NOUN: what one of its personas is called.
            local TERM = \(term)
            local NOUN = \(ScaffoldWords.quoted(words.noun))

            -- A persona is named after the feature that sets it apart: feature = { when high, when low }.
            local LABELS = {
              price_focus     = { "Bargain-Hunting", "Spend-Happy" },
              tech_affinity   = { "Tech-Loving", "Low-Tech" },
              privacy_concern = { "Private", "Open" },
            }

            return {
              name = \(ScaffoldWords.quoted(name)),
              version = "0.1.0",
              api = 1,
              description = \(ScaffoldWords.quoted("\(words.title): price, tech and privacy")),

              -- Stage 1: the words that signal this domain. Terms match on word boundaries, in any case,
              -- and inflected (a plural, a singular); a synonym maps another word to a term (it counts less).
              intents = {
                \(key) = {
                  terms = { TERM },
                  synonyms = {},          -- e.g. { ["another way to say it"] = TERM }
                },
              },
              -- These rules apply when a goal speaks of that intent.
              selected_by = { \(ScaffoldWords.quoted(name)) },

              -- The users-table columns the formulas read: a formula that reads another is refused at load.
              columns = { \(columns) },

              -- Stage 2: which users the goal is about: conditions { column, op, value }, AND-ed.
              -- term = TERM says which goal word a condition applies (a word none applies is reported).
              filters = function(goal)
                local where = {}
                if goal.matched[TERM] then
                  where[#where + 1] = { "age", ">=", 18, term = TERM }   -- adults; or { "has_children", "=", 1 }, ...
                end
                return where
              end,

              -- Stage 3: one number per user; u holds the user's columns (a NULL reads as nil).
              features = {
                price_focus     = function(u) return u.price_sensitivity * 0.7 + u.emi_flag * 0.3 end,
                tech_affinity   = function(u) return u.device_count / 8 * 0.6 + u.brand_awareness_bose * 0.4 end,
                privacy_concern = function(u) return u.privacy_pref end,
              },

              -- Stage 4: the features are z-scored, weighted and clustered; k is chosen in the range.
              clustering = {
                weights = { price_focus = 0.4, tech_affinity = 0.4, privacy_concern = 0.2 },
                algorithm = "kmeans",     -- or "ward", "gmm"
                k = { min = 2, max = 5 },
                min_share = 0.05,         -- smaller clusters merge into their nearest neighbour
                profile = { "age", "city_tier" },   -- columns summarised per persona (cluster.profile)
              },

              -- Stage 5: a name and traits for each cluster, largest first. cluster.distinguishing lists
              -- every feature { feature, z }, the most distinctive first; when the name is taken already,
              -- the hook is called again with cluster.attempt = 2.
              persona = function(cluster)
                local top = cluster.distinguishing[cluster.attempt] or cluster.distinguishing[1]
                local label = LABELS[top.feature][top.z >= 0 and 1 or 2]
                return {
                  name = host.names.person(cluster.index) .. " — " .. label .. " " .. NOUN,
                  traits = { style = label, typical_city = cluster.profile.city_tier },
                }
              end,
            }

            """
    }

    var testLua: String {
        let name = words.name, term = ScaffoldWords.quoted(words.term), noun = words.noun
        return """
            -- Tests of the \(name) plugin.
            -- Run them with persona-host test on the plugin's folder, or on its plugins folder for every
            -- plugin's tests. users.csv: \(Self.fixtureRows) users of persona-host's sample generator (seed \(Self.fixtureSeed)),
            -- with the columns this plugin reads. `test` is the test API (docs/PLUGINS.md).
            -- luacheck: read globals test

            local NAME = \(ScaffoldWords.quoted(name))
            local GOAL = \(term)
            local NOUN = \(ScaffoldWords.quoted(noun))

            test.case("the goal selects this domain and its users", function()
              -- read as a run reads it, with every plugin of the folder
              local goal = test.goal(GOAL)
              test.equal(goal.detected, { NAME })
              test.equal(goal.domain.plugin, NAME)
              test.equal(goal.conditions, { "age >= 18" })
            end)

            test.case("price_focus weighs price sensitivity and instalments", function()
              -- worked out by hand: 0.8 * 0.7 + 1 * 0.3
              test.near(test.feature("price_focus", { price_sensitivity = 0.8, emi_flag = 1 }), 0.86, 1e-9)
            end)

            test.case("a persona is named after what sets it apart", function()
              local cluster = { z = { price_focus = 1.5, tech_affinity = -0.8, privacy_concern = 0.1 },
                                profile = { age = 34, city_tier = "Tier-1" } }
              test.contains(test.persona(cluster).name, "Bargain-Hunting " .. NOUN)
              cluster.attempt = 2            -- that name was taken: named after the next feature
              test.contains(test.persona(cluster).name, "Low-Tech " .. NOUN)
            end)

            test.case("a whole run on users.csv", function()
              local run = test.goal(GOAL, { users = "users.csv" })
              test.truthy(run.matched_rows > 0, "no user matched")
              test.truthy(#run.names >= 2, "fewer than two personas")
              local seen = {}
              for _, persona in ipairs(run.names) do
                test.falsy(seen[persona], "two personas are named " .. persona)
                seen[persona] = true
              end
            end)

            """
    }

    /// The first ``fixtureRows`` users of the sample generator (seed ``fixtureSeed``), with
    /// `user_id` and the columns the plugin reads (filter, formulas, profile).
    static func usersCSV() -> String {
        let columns = ["user_id", "age", "city_tier"] + featureColumns
        var generator = UserGenerator(seed: fixtureSeed)
        var lines = [columns.joined(separator: ",")]
        for _ in 0..<fixtureRows {
            let u = generator.next()
            let values: [String: String] = [
                "user_id": String(u.userID), "age": String(u.age), "city_tier": u.cityTier,
                "price_sensitivity": decimal(u.priceSensitivity), "emi_flag": String(u.emiFlag),
                "device_count": String(u.deviceCount), "brand_awareness_bose": decimal(u.brandAwareness),
                "privacy_pref": decimal(u.privacyPref),
            ]
            lines.append(columns.map { values[$0] ?? "" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A 0–1 share as the generator stores it (a multiple of 1e-4), without trailing zeros.
    static func decimal(_ x: Double) -> String {
        var text = String(format: "%.4f", x)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
