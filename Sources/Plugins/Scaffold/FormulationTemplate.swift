/// The `formulation` scaffold: a formulation domain (`run formulate`) with a small catalogue,
/// two personas and every rule `multipliers` needs; its test formulates for both personas.
/// A folder holds at most one formulation domain.
struct FormulationTemplate {
    let words: ScaffoldWords

    var files: [PluginScaffold.File] {
        [.init("init.lua", initLua), .init("tests/\(words.name)_test.lua", testLua)]
    }

    var initLua: String {
        """
        -- \(words.name): a formulation domain (persona-host run formulate).
        -- The host reads the catalogue and the personas below, asks the rules in `multipliers` for
        -- numbers, then searches for the best formula itself: the requested concerns covered first,
        -- under every hard limit.
        -- The whole contract, every field and rule: docs/PLUGINS.md, "ingredients, personas, multipliers".

        -- The catalogue. Every field is required except name, inci_name, incompatibilities, synergies
        -- and tags. efficacy and safety are 0-10, bioavailability and stability 0-1, ph and use_level
        -- (% of the product) ranges, cost_per_gram in USD.
        local ingredients = {
          { id = "glycerin", name = "Glycerin", inci_name = "Glycerin", class = "humectant",
            concerns = { "dryness" },
            efficacy = 7, safety = 10, bioavailability = 0.8, stability = 1, natural = true, cost_per_gram = 0.01,
            ph = { min = 3, max = 10 }, use_level = { min = 2, max = 10 }, tags = { "humectant" } },

          { id = "panthenol", name = "Panthenol (pro-vitamin B5)", inci_name = "Panthenol", class = "soothing",
            concerns = { "dryness", "irritation" },
            efficacy = 6, safety = 10, bioavailability = 0.7, stability = 0.8, natural = false, cost_per_gram = 0.05,
            ph = { min = 4, max = 7.5 }, use_level = { min = 1, max = 5 }, synergies = { "glycerin" } },

          { id = "niacinamide", name = "Niacinamide", inci_name = "Niacinamide", class = "regulating",
            concerns = { "oiliness", "irritation" },
            efficacy = 8, safety = 9, bioavailability = 0.7, stability = 0.9, natural = false, cost_per_gram = 0.08,
            ph = { min = 5, max = 7 }, use_level = { min = 2, max = 5 } },

          { id = "salicylic_acid", name = "Salicylic acid", inci_name = "Salicylic Acid", class = "exfoliant",
            concerns = { "blemishes", "oiliness" },
            efficacy = 8, safety = 6, bioavailability = 0.6, stability = 0.9, natural = false, cost_per_gram = 0.06,
            ph = { min = 3, max = 4.5 }, use_level = { min = 0.5, max = 2 },
            incompatibilities = { "niacinamide" }, tags = { "strong_active", "acid" } },

          { id = "tea_tree_oil", name = "Tea tree oil", inci_name = "Melaleuca Alternifolia Leaf Oil",
            class = "antimicrobial", concerns = { "blemishes" },
            efficacy = 6, safety = 7, bioavailability = 0.6, stability = 0.6, natural = true, cost_per_gram = 0.1,
            ph = { min = 3, max = 8 }, use_level = { min = 0.5, max = 2 }, tags = { "essential_oil" } },
        }

        -- The personas: id = profile (run formulate --persona ID). Preferences and aversions name
        -- ingredient ids or tags.
        local personas = {
          everyday = {
            name = "Everyday Care",
            description = "Wants simple, effective care on a budget",
            skin_type = "normal",                       -- the request's --skin-type overrides it
            primary_concerns = { "dryness" },           -- concerns some ingredient addresses
            sensitivity_level = 0.3,                    -- 0-1: how easily irritated
            budget_preference = "budget",               -- budget, mid-range or premium
            ingredient_preferences = { "glycerin" },
            ingredient_aversions = {},
            efficacy_tolerance = 0.6, safety_priority = 0.5, natural_preference = 0.3,   -- 0-1 each
          },
          sensitive = {
            name = "Sensitive",
            description = "Easily irritated: no strong actives, no essential oils",
            skin_type = "sensitive",
            primary_concerns = { "irritation", "blemishes" },
            sensitivity_level = 0.9,
            budget_preference = "mid-range",
            ingredient_preferences = { "panthenol" },
            ingredient_aversions = { "strong_active", "essential_oil" },   -- never used for this persona
            efficacy_tolerance = 0.3, safety_priority = 0.9, natural_preference = 0.5,
          },
        }

        -- Does `entry` (an ingredient id or tag) name `ingredient`?
        local function names(entry, ingredient)
          if entry == ingredient.id then return true end
          for _, tag in ipairs(ingredient.tags or {}) do   -- tags are optional
            if tag == entry then return true end
          end
          return false
        end

        local BUDGET = { budget = 0.5, ["mid-range"] = 1.0, premium = 1.5 }

        -- The rules. The host calls each with the persona's table (and the request, an ingredient).
        local multipliers = {
          base_confidence = 0.7,      -- confidence in an ingredient before confidence() adjusts it

          -- How much each criterion counts in an ingredient's quality: 0-10 each.
          weights = function(persona)
            return { efficacy = 10 * (1 - persona.safety_priority), safety = 10 * persona.safety_priority,
                     cost_efficiency = persona.budget_preference == "budget" and 8 or 4,
                     bioavailability = 5, stability = 5, natural = 10 * persona.natural_preference }
          end,

          -- A multiplier of the ingredient's score, and why: x1.5 when the persona prefers it.
          preference = function(persona, ingredient)
            for _, entry in ipairs(persona.ingredient_preferences) do
              if names(entry, ingredient) then return 1.5, { "prefers " .. entry .. ": x1.5" } end
            end
            return 1.0, {}
          end,

          -- Added to base_confidence (the host keeps the sum within 0.1-1), and why.
          confidence = function(persona, ingredient)
            for _, concern in ipairs(persona.primary_concerns) do
              for _, addressed in ipairs(ingredient.concerns) do
                if addressed == concern then return 0.2, { "addresses " .. concern .. ": +0.2" } end
              end
            end
            return 0, {}
          end,

          -- A multiplier of the default budget.
          budget = function(persona)
            return BUDGET[persona.budget_preference]
          end,

          -- Why an ingredient may never be used, or nil. request = { concerns, skin_type, budget, exclude }.
          exclusion = function(persona, request, ingredient)
            for _, entry in ipairs(persona.ingredient_aversions) do
              if names(entry, ingredient) then return "avoided by " .. persona.name .. " (" .. entry .. ")" end
            end
            for _, entry in ipairs(request.exclude) do
              if names(entry, ingredient) then return "excluded by the request (" .. entry .. ")" end
            end
            return nil
          end,

          -- The hard limits: total level of the chosen ingredients (%), raw-material budget (USD per kg
          -- of product; a --budget on the command line wins), irritation, ingredient count; and why.
          limits = function(persona, request)
            local irritation = 0.2 + 1.5 * (1 - persona.sensitivity_level)
            return {
              actives = { min = 2, max = 20 },
              budget = 50 * BUDGET[persona.budget_preference],
              max_irritation = irritation,
              max_ingredients = 4,
              fired = { ("max irritation %.2f for sensitivity %.1f (%s skin)")
                :format(irritation, persona.sensitivity_level, request.skin_type) },
            }
          end,
        }

        return {
          name = \(ScaffoldWords.quoted(words.name)),
          version = "0.1.0",
          api = 1,
          description = \(ScaffoldWords.quoted("\(words.title): a starter formulation domain")),

          ingredients = ingredients,
          personas = personas,
          multipliers = multipliers,
        }

        """
    }

    var testLua: String {
        """
        -- Tests of the \(words.name) plugin.
        -- Run them with persona-host test on the plugin's folder, or on its plugins folder for every
        -- plugin's tests. `test` is the test API (docs/PLUGINS.md).
        -- luacheck: read globals test

        test.case("dryness for an everyday persona is covered, with the glycerin it prefers", function()
          local formula = test.formulate{ persona = "everyday", concerns = { "dryness" } }
          test.contains(formula.covered, "dryness")
          test.contains(formula.included, "glycerin")
        end)

        test.case("a sensitive persona never gets what it avoids", function()
          local formula = test.formulate{ persona = "sensitive", concerns = { "irritation", "blemishes" } }
          test.contains(formula.covered, "irritation")
          test.contains(formula.excluded_ids, "salicylic_acid")   -- tagged strong_active
          test.excludes(formula.included, "tea_tree_oil")        -- tagged essential_oil
          test.contains(formula.not_covered, "blemishes")        -- nothing else addresses blemishes
        end)

        test.case("an excluded ingredient is replaced", function()
          local formula = test.formulate{ persona = "everyday", concerns = { "dryness" }, exclude = { "glycerin" } }
          test.excludes(formula.included, "glycerin")
          test.contains(formula.covered, "dryness")              -- panthenol covers it instead
        end)

        """
    }
}
