/// The `tagging` scaffold: a `tagging(example)` function returning `{ persona, traits }` from cue
/// words of the example's output; its test tags three examples.
struct TaggingTemplate {
    let words: ScaffoldWords

    var files: [PluginScaffold.File] {
        [.init("init.lua", initLua), .init("tests/\(words.name)_test.lua", testLua)]
    }

    var initLua: String {
        """
        -- \(words.name): a tagging rule.
        -- tagging(example) reads one record of a dataset (for instance { instruction = "...",
        -- output = "..." }) and returns its tag: the persona it belongs to and the traits it shows.
        -- The dataset pipeline that applies tagging rules is not built yet: the shape is checked
        -- when the plugin loads, and persona-host test runs the rule (test.tag).
        -- The whole contract: docs/PLUGINS.md, "tagging".

        -- The persona the tagged examples belong to.
        local PERSONA = \(ScaffoldWords.quoted(words.name))

        -- A word in the output = the trait it shows.
        local CUES = {
          dear = "formal", regards = "formal", sincerely = "formal",
          hey = "casual", thanks = "casual", cheers = "casual",
        }

        return {
          name = \(ScaffoldWords.quoted(words.name)),
          version = "0.1.0",
          api = 1,
          description = \(ScaffoldWords.quoted("\(words.title): formal or casual tags")),

          tagging = function(example)
            local traits, seen = {}, {}
            for word in (example.output or ""):lower():gmatch("%a+") do
              local trait = CUES[word]
              if trait and not seen[trait] then
                seen[trait] = true
                traits[#traits + 1] = trait
              end
            end
            table.sort(traits)
            return { persona = PERSONA, traits = traits }
          end,
        }

        """
    }

    var testLua: String {
        """
        -- Tests of the \(words.name) plugin.
        -- Run them with persona-host test on the plugin's folder, or on its plugins folder for every
        -- plugin's tests. `test` is the test API (docs/PLUGINS.md).
        -- luacheck: read globals test

        test.case("a letter is formal", function()
          local tag = test.tag({ instruction = "Reply to Sam", output = "Dear Sam, thank you. Kind regards, Ana" })
          test.equal(tag.persona, \(ScaffoldWords.quoted(words.name)))
          test.equal(tag.traits, { "formal" })
        end)

        test.case("a quick note is casual", function()
          test.equal(test.tag({ output = "Hey Sam! Thanks, cheers" }).traits, { "casual" })
        end)

        test.case("no cue, no trait", function()
          test.equal(test.tag({ output = "The meeting is at noon." }).traits, {})
        end)

        """
    }
}
