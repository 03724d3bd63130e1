/// The `tagging` scaffold: a table of tagging rules for training examples (a phrase rule, a
/// fallback, two traits from the reply's text measures, one category); its test tags four
/// examples with the same tagger `dataset tag` uses.
struct TaggingTemplate {
    let words: ScaffoldWords

    /// The fallback persona (never the plugin's own name).
    var fallback: String { words.name == "general" ? "other" : "general" }

    var files: [PluginScaffold.File] {
        [.init("init.lua", initLua), .init("tests/\(words.name)_test.lua", testLua)]
    }

    var initLua: String {
        """
        -- \(words.name): tagging rules for training examples.
        -- persona-host dataset tag reads JSONL examples ({ instruction = "...", input = "...",
        -- output = "...", ... }) and gives each a persona and traits by these rules; dataset stats
        -- and dataset mix compare the result with the categories' targets.
        -- The whole contract: docs/PLUGINS.md, "tagging".

        return {
          name = \(ScaffoldWords.quoted(words.name)),
          version = "0.1.0",
          api = 1,
          description = \(ScaffoldWords.quoted("\(words.title): persona tags for training examples")),

          tagging = {
            -- Write "<persona:NAME>" and a newline before every instruction.
            prefix = true,
            -- The persona of an example no rule claims (counted, and shown in every report).
            fallback = \(ScaffoldWords.quoted(fallback)),
            -- Every persona, by category, with the category's target share of the dataset.
            categories = {
              {
                name = \(ScaffoldWords.quoted(words.title)),
                target = { 0.3, 0.6 },
                personas = { \(ScaffoldWords.quoted(words.name)) },
              },
              { name = "General", target = { 0.4, 0.7 }, personas = { \(ScaffoldWords.quoted(fallback)) } },
            },
            -- Tried in order: phrases match whole words, ignoring case, in the instruction and input.
            rules = {
              {
                persona = \(ScaffoldWords.quoted(words.name)),
                phrases = { \(ScaffoldWords.quoted(words.term)) },
              },
            },
            -- Traits of the reply, from the text measures the host computes (docs/PLUGINS.md).
            traits = {
              formal = { contractions = { max = 0 }, exclamations = { max = 0 } },
              casual = { { contractions = { min = 1 } }, { phrases = { "hey", "thanks", "cheers" } } },
            },
          },
        }

        """
    }

    var testLua: String {
        """
        -- Tests of the \(words.name) plugin.
        -- Run them with persona-host test on the plugin's folder, or on its plugins folder for every
        -- plugin's tests. `test` is the test API (docs/PLUGINS.md).
        -- luacheck: read globals test

        local NAME = \(ScaffoldWords.quoted(words.name))
        local TERM = \(ScaffoldWords.quoted(words.term))

        test.case("an instruction about the plugin's subject is its persona", function()
          local tag = test.tag({ instruction = "Tell me about " .. TERM, output = "Certainly. Here is an overview." })
          test.equal(tag.persona, NAME)
          test.equal(tag.claim, "rules[1]")
          test.equal(tag.instruction, "<persona:" .. NAME .. ">\\nTell me about " .. TERM)
        end)

        test.case("anything else falls back", function()
          test.equal(test.tag({ instruction = "What time is it?", output = "Noon." }).claim, "fallback")
        end)

        test.case("a chatty reply is casual", function()
          test.equal(test.tag({ instruction = "hi", output = "Hey, thanks! It's great." }).traits, { "casual" })
        end)

        test.case("a plain reply is formal", function()
          test.equal(test.tag({ instruction = "hi", output = "Certainly. The meeting begins at noon." }).traits, { "formal" })
        end)

        """
    }
}
