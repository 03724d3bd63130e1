/// The `learning` scaffold: a persona (id = the plugin's name) with two traits, learning settings,
/// a golden scenario and a categorical feedback mapping that refuses unknown values with a
/// suggestion; its test gives feedback and checks the signals and the direction of each change.
struct LearningTemplate {
    let words: ScaffoldWords

    var files: [PluginScaffold.File] {
        [.init("init.lua", initLua), .init("tests/\(words.name)_test.lua", testLua)]
    }

    var initLua: String {
        """
        -- \(words.name): a persona that learns from feedback.
        -- The plugin declares the persona's traits and maps each type of feedback to signals
        -- { trait, adjustment, confidence, weight }; the host damps, rate-limits, versions and validates
        -- the updates (persona-host feedback add, persona history).
        -- The whole contract: docs/PLUGINS.md, "feedback". `host` is the host API.
        -- luacheck: read globals host

        -- categorical feedback: value = the moves it asks for, { trait, adjustment }.
        local MOVES = {
          too_formal = { { "formality", -0.2 } },
          too_casual = { { "formality", 0.2 } },
          too_long   = { { "detail", -0.2 } },
          too_short  = { { "detail", 0.2 } },
          nailed_it  = {},
        }

        local VALUES = {}               -- the known values, sorted, for messages
        for value in pairs(MOVES) do VALUES[#VALUES + 1] = value end
        table.sort(VALUES)

        return {
          name = \(ScaffoldWords.quoted(words.name)),
          version = "0.1.0",
          api = 1,
          description = \(ScaffoldWords.quoted("\(words.title): a persona that learns")),

          personas = {
            -- The persona's id is its key (feedback add --persona ID).
            \(words.key) = {
              name = \(ScaffoldWords.quoted(words.title)),
              -- trait = { value = where it starts, min = 0, max = 1 (the defaults) }
              traits = {
                formality = { value = 0.6 },
                detail    = { value = 0.5 },
              },
              -- How fast it learns: one update moves a trait by at most max_step, and all updates within
              -- `window` seconds by at most max_change_per_window.
              learning = { learning_rate = 0.5, max_step = 0.1, window = 3600, max_change_per_window = 0.2 },
              -- Checked on every new version: one that fails is kept as rejected and never used.
              golden = {
                { name = "stays a little formal", trait = "formality", min = 0.2 },
              },
            },
          },

          -- feedback type = function(fb) returning signals; fb.value is what the user gave.
          feedback = {
            categorical = function(fb)
              local moves = MOVES[fb.value]
              if moves == nil then   -- the user's input is wrong, not the plugin: exit 2 with this message
                local value = tostring(fb.value)
                local closest = host.suggest(value, VALUES)
                host.reject(("unknown categorical feedback '%s'%s; known: %s"):format(value,
                  closest and (" (did you mean '" .. closest .. "'?)") or "", table.concat(VALUES, ", ")))
              end
              local signals = {}
              for _, move in ipairs(moves) do
                signals[#signals + 1] = { trait = move[1], adjustment = move[2], confidence = 0.8, weight = 1 }
              end
              return signals
            end,
          },
        }

        """
    }

    var testLua: String {
        let persona = ScaffoldWords.quoted(words.name)
        return """
            -- Tests of the \(words.name) plugin.
            -- Run them with persona-host test on the plugin's folder, or on its plugins folder for every
            -- plugin's tests. Every case starts from the declared traits. `test` is the test API
            -- (docs/PLUGINS.md).
            -- luacheck: read globals test

            local PERSONA = \(persona)

            test.case("too_formal lowers formality", function()
              local outcome = test.feedback{ persona = PERSONA, type = "categorical", value = "too_formal" }
              test.equal(outcome.status, "applied")
              test.equal(outcome.signals[1].trait, "formality")
              test.truthy(outcome.signals[1].adjustment < 0)
              local change = outcome.changes[1]
              test.equal(change.trait, "formality")
              test.truthy(change.to < change.from, "formality did not go down")
            end)

            test.case("too_short raises detail", function()
              local outcome = test.feedback{ persona = PERSONA, type = "categorical", value = "too_short" }
              test.equal(outcome.changes[1].trait, "detail")
              test.truthy(outcome.changes[1].to > outcome.changes[1].from, "detail did not go up")
            end)

            test.case("nailed_it gives no signal", function()
              local outcome = test.feedback{ persona = PERSONA, type = "categorical", value = "nailed_it" }
              test.equal(#outcome.signals, 0)
            end)

            test.case("an unknown value is refused, with a suggestion", function()
              test.fails(function()
                test.feedback{ persona = PERSONA, type = "categorical", value = "too_formall" }
              end, "did you mean 'too_formal'?")
            end)

            """
    }
}
