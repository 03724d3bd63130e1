-- rules.lua, the manifest's `multipliers`: each rule called directly with a persona (as the
-- persona files write it) and an ingredient from the catalogue.

local rules = require("rules")
local ingredients = require("ingredients")

local INGREDIENT = {}
for _, i in ipairs(ingredients) do INGREDIENT[i.id] = i end

-- The persona files as written (profile.lua fills in the defaults when the plugin loads; the
-- rules read the optional fields through profile.get, so they work on these as they are).
local sensitive = require("personas.sensitive_skin")
local acne = require("personas.acne_prone")
local natural = require("personas.natural_beauty")

test.case("preference: a preferred ingredient x1.5, by id or by tag", function()
  local m, why = rules.preference(sensitive, INGREDIENT.niacinamide)
  test.equal(m, 1.5)
  test.equal(why, { "prefers niacinamide (id niacinamide): x1.5" })
  m, why = rules.preference(sensitive, INGREDIENT.ceramide_np)
  test.equal(m, 1.5)
  test.equal(why, { "prefers ceramides (tag ceramide): x1.5" })
end)

test.case("preference: an avoided ingredient x0.1, every match listed", function()
  local m, why = rules.preference(sensitive, INGREDIENT.tea_tree_oil)
  test.equal(m, 0.1)
  test.equal(why, { "avoids fragrances (tag fragrance): x0.1", "avoids essential_oils (tag essential_oil): x0.1" })
end)

test.case("preference: an aversion wins over a preference", function()
  local persona = { ingredient_preferences = { "oils" }, ingredient_aversions = { "comedogenic_oil" } }
  local m, why = rules.preference(persona, INGREDIENT.coconut_oil)   -- tagged oil and comedogenic_oil
  test.equal(m, 0.1)
  test.equal(why, { "avoids comedogenic_oil (tag comedogenic_oil): x0.1", "prefers oils (tag oil): x1.5" })
end)

test.case("preference: several matches do not compound", function()
  -- green tea is both a plant extract and a botanical, both preferred by natural_beauty: x1.5 once.
  local m, why = rules.preference(natural, INGREDIENT.green_tea_extract)
  test.equal(m, 1.5)
  test.equal(#why, 2)
end)

test.case("preference: anything else x1", function()
  local m, why = rules.preference(sensitive, INGREDIENT.glycerin)
  test.equal(m, 1.0)
  test.equal(why, {})
end)

test.case("weights follow the persona's priorities", function()
  local w = rules.weights(sensitive)
  -- safety_priority 0.95: efficacy 1 - 0.95; mid-range: cost efficiency 0.5;
  -- efficacy_tolerance 0.8: bioavailability 0.8; natural_preference 0.6: natural 0.6 x 0.5.
  test.near(w.efficacy, 0.05, 1e-9)
  test.equal({ w.safety, w.cost_efficiency, w.bioavailability, w.stability, w.natural }, { 0.95, 0.5, 0.8, 0.8, 0.3 })
  -- A budget persona weighs cost efficiency 1.
  test.equal(rules.weights(acne).cost_efficiency, 1.0)
  -- A persona without the optional fields gets the defaults: safety 0.8, tolerance 0.5, natural 0.3.
  local bare = rules.weights({ budget_preference = "premium" })
  test.near(bare.efficacy, 0.2, 1e-9)
  test.equal({ bare.bioavailability, bare.natural }, { 0.5, 0.15 })
end)

test.case("budget multiplier by budget preference", function()
  test.equal(rules.budget({ budget_preference = "budget" }), 0.5)
  test.equal(rules.budget({ budget_preference = "mid-range" }), 1.0)
  test.equal(rules.budget({ budget_preference = "premium" }), 1.5)
end)

test.case("confidence: a safety-conscious persona trusts strong actives less", function()
  -- sensitive_skin: safety_priority 0.95 > 0.8, and retinol is tagged strong_active; its class,
  -- cellular turnover, addresses none of sensitivity, redness, barrier_repair.
  local adjustment, why = rules.confidence(sensitive, INGREDIENT.retinol)
  test.equal(adjustment, -0.2)
  test.equal(why, { "safety-conscious persona, strong active: -0.2" })
  -- At exactly 0.8 a persona is not safety-conscious (natural_beauty), and gets no penalty.
  test.equal(rules.confidence(natural, INGREDIENT.glycolic_acid), 0)
end)

test.case("confidence: +0.3 for a class that addresses a primary concern, once", function()
  local adjustment, why = rules.confidence(sensitive, INGREDIENT.niacinamide)
  test.equal(adjustment, 0.3)
  test.equal(why, { "anti_inflammatory addresses sensitivity: +0.3" })   -- the first concern that matches
  -- acne_prone (safety 0.7): salicylic acid is a strong active, but only the boost applies.
  test.equal(rules.confidence(acne, INGREDIENT.salicylic_acid), 0.3)
  -- Both at once: -0.2 + 0.3.
  local both = rules.confidence({ safety_priority = 0.9, primary_concerns = { "acne" } }, INGREDIENT.salicylic_acid)
  test.near(both, 0.1, 1e-9)
end)

test.case("exclusion: the persona's aversions first, then the request, then the skin type", function()
  local request = { concerns = { "acne" }, skin_type = "sensitive", exclude = { "fragrance" } }
  test.equal(rules.exclusion(sensitive, request, INGREDIENT.tea_tree_oil), "avoided by sensitive_skin (tag fragrance)")
  local plain = { id = "plain", ingredient_aversions = {} }
  test.equal(rules.exclusion(plain, request, INGREDIENT.tea_tree_oil), "excluded by the request (tag fragrance)")
  request.exclude = {}
  test.equal(rules.exclusion(plain, request, INGREDIENT.tea_tree_oil), "ruled out for sensitive skin (tag fragrance)")
  request.skin_type = "normal"
  test.equal(rules.exclusion(plain, request, INGREDIENT.tea_tree_oil), nil)
end)

test.case("exclusion: what each skin type rules out", function()
  local plain = { id = "plain" }
  local function why(skin, id) return rules.exclusion(plain, { skin_type = skin }, INGREDIENT[id]) end
  test.equal(why("oily", "coconut_oil"), "ruled out for oily skin (tag comedogenic_oil)")
  test.equal(why("oily", "shea_butter"), "ruled out for oily skin (tag heavy_moisturizer)")
  test.equal(why("combination", "petrolatum"), "ruled out for combination skin (tag heavy_moisturizer)")
  test.equal(why("combination", "coconut_oil"), nil)
  test.equal(why("dry", "alcohol_denat"), "ruled out for dry skin (tag alcohol)")
  test.equal(why("dry", "sodium_lauryl_sulfate"), "ruled out for dry skin (tag sulfate)")
  test.equal(why("sensitive", "menthol"), "ruled out for sensitive skin (tag fragrance)")
  test.equal(why("mature", "alcohol_denat"), "ruled out for mature skin (tag alcohol)")
  test.equal(why("normal", "alcohol_denat"), nil)
end)

test.case("limits: irritation from sensitivity, budget from the budget preference", function()
  -- 0.2 + 1.5 x (1 - 0.9) = 0.35, x 0.8 for sensitive skin = 0.28; mid-range: 100 USD/kg.
  local l = rules.limits(sensitive, { skin_type = "sensitive" })
  test.near(l.max_irritation, 0.28, 1e-9)
  test.equal({ l.budget, l.max_ingredients, l.actives }, { 100, 6, { min = 5, max = 25 } })
  test.contains(l.fired, "sensitive skin: max irritation x0.8 = 0.28")
  test.contains(l.fired, "budget 100 USD/kg = 100 x 1 (mid-range)")
  -- acne_prone on oily skin: 0.2 + 1.5 x 0.6 = 1.1; budget: 100 x 0.5.
  l = rules.limits(acne, { skin_type = "oily" })
  test.near(l.max_irritation, 1.1, 1e-9)
  test.equal(l.budget, 50)
  test.contains(l.fired, "oily skin rules out: comedogenic_oil, heavy_moisturizer")
end)

test.case("limits: a budget in the request wins", function()
  local l = rules.limits(acne, { skin_type = "oily", budget = 30 })
  test.equal(l.budget, 30)
  for _, line in ipairs(l.fired) do test.falsy(line:find("^budget"), line) end
end)
