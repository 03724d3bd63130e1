-- Formulations under the shipped personas (test.formulate is `run formulate --json`, plus
-- `included`, the ids in the formula, and `excluded_ids`, the excluded ingredients that would
-- have addressed a target concern). The host searches; these cases check that the plugin's rules
-- shape what it finds.

local match = require("match")
local ingredients = require("ingredients")

local INGREDIENT = {}
for _, i in ipairs(ingredients) do INGREDIENT[i.id] = i end

-- The included ingredients that a word (an id or tag, as in aversions) names.
local function named(run, word)
  local out = {}
  for _, id in ipairs(run.included) do
    if match.hit(word, INGREDIENT[id]) then out[#out + 1] = id end
  end
  return out
end

-- Checks the hard limits the rules set: budget, irritation, actives, number of ingredients.
local function within_limits(run)
  test.truthy(run.totals.cost_per_kilogram <= run.constraints.budget + 1e-6, "cost within the budget")
  test.truthy(run.totals.irritation <= run.constraints.max_irritation + 1e-6, "irritation within the limit")
  test.truthy(run.totals.total_actives >= 5 - 1e-6 and run.totals.total_actives <= 25 + 1e-6, "actives 5-25 %")
  test.truthy(#run.included <= run.constraints.max_ingredients, "at most max_ingredients")
end

test.case("sensitive skin: gentle, preferred ingredients, every concern covered", function()
  local run = test.formulate({ persona = "sensitive_skin", concerns = { "redness", "sensitivity" } })
  test.equal(run.status, "complete")
  test.equal(run.covered, { "redness", "sensitivity" })
  -- Its limits: irritation (0.2 + 1.5 x 0.1) x 0.8 = 0.28; budget 100 USD/kg (mid-range).
  test.near(run.constraints.max_irritation, 0.28, 1e-9)
  test.equal(run.constraints.budget, 100)
  within_limits(run)
  -- niacinamide, preferred (x1.5), addresses both concerns: it is in.
  test.contains(run.included, "niacinamide")
  for _, choice in ipairs(run.ingredients) do
    if choice.id == "niacinamide" then
      test.equal(choice.preference, 1.5)
      test.contains(choice.why, "prefers niacinamide (id niacinamide): x1.5")
    end
  end
  -- Nothing sensitive skin rules out.
  for _, word in ipairs({ "fragrance", "essential_oil", "alcohol", "sulfate" }) do
    test.equal(named(run, word), {}, word)
  end
end)

test.case("no persona's formula uses what it avoids", function()
  for _, module in ipairs(host.modules("personas")) do
    local persona = require(module)
    local run = test.formulate({ persona = persona.id, concerns = persona.primary_concerns })
    test.equal(run.status, "complete", persona.id)
    within_limits(run)
    for _, word in ipairs(persona.ingredient_aversions) do
      test.equal(named(run, word), {}, persona.id .. " avoids " .. word)
    end
  end
end)

test.case("an avoided ingredient that would have helped is reported, with why", function()
  -- mature_skin avoids harsh acids; glycolic acid addresses fine lines.
  local run = test.formulate({ persona = "mature_skin", concerns = { "fine_lines", "age_spots" } })
  test.equal(run.excluded, { { id = "glycolic_acid", reason = "avoided by mature_skin (tag harsh_acid)" } })
  test.excludes(run.included, "glycolic_acid")
end)

test.case("the budget preference sets the budget; a given budget wins", function()
  -- acne_prone is a budget persona: 100 x 0.5 = 50 USD/kg.
  local run = test.formulate({ persona = "acne_prone", concerns = "acne,oiliness" })
  test.equal(run.constraints.budget, 50)
  test.contains(run.rules_fired, "budget 50 USD/kg = 100 x 0.5 (budget)")
  within_limits(run)
  local tight = test.formulate({ persona = "acne_prone", concerns = "acne,oiliness", budget = 30 })
  test.equal(tight.constraints.budget, 30)
  test.equal(tight.status, "complete")
  within_limits(tight)
end)

test.case("the request's exclude list is honoured", function()
  local run = test.formulate({ persona = "anti_aging", concerns = { "wrinkles", "firmness" },
                               exclude = { "retinoids", "vitamin_c" } })
  test.equal(run.status, "complete")        -- peptides still cover both
  test.equal(named(run, "retinoid"), {})
  test.equal(named(run, "vitamin_c"), {})
  test.equal(run.excluded_ids, { "retinol", "retinal", "hydroxypinacolone_retinoate", "ascorbic_acid",
                                 "sodium_ascorbyl_phosphate" })
  test.equal(run.excluded[1].reason, "excluded by the request (tag retinoid)")
end)

test.case("a skin type in the request replaces the persona's", function()
  -- natural_beauty has normal skin; on normal skin shea butter is in its formula for dryness.
  local normal = test.formulate({ persona = "natural_beauty", concerns = { "dryness" } })
  test.contains(normal.included, "shea_butter")
  -- On oily skin heavy moisturizers and comedogenic oils are ruled out.
  local oily = test.formulate({ persona = "natural_beauty", concerns = { "dryness" }, skin_type = "oily" })
  test.equal(oily.request.skin_type, "oily")
  test.equal(oily.excluded_ids, { "shea_butter", "petrolatum", "coconut_oil" })
  test.equal(named(oily, "heavy_moisturizer"), {})
  test.equal(named(oily, "comedogenic_oil"), {})
end)

test.case("an unknown skin type is refused, with the closest known one", function()
  test.rejects(function() test.formulate({ persona = "acne_prone", concerns = { "acne" }, skin_type = "olly" }) end,
    "unknown skin type 'olly' (did you mean 'oily'?); known: combination, dry, mature, normal, oily, sensitive")
end)

test.case("a concern only excluded ingredients address stays uncovered, and the report says why", function()
  -- Only peptides and vitamin C address firmness.
  local run = test.formulate({ persona = "sensitive_skin", concerns = { "redness", "firmness" },
                               exclude = { "peptide", "vitamin_c" } })
  test.equal(run.status, "partial")
  test.equal(run.covered, { "redness" })
  test.equal(run.not_covered, { "firmness" })
  test.equal(run.binding[1].constraint, "exclusions")
  test.equal(run.binding[1].would_cover, { "firmness" })
end)

test.case("the exclusions finding names the ingredients that give the concern, not the supporting ones", function()
  local run = test.formulate({ persona = "anti_aging", concerns = { "wrinkles", "firmness" },
                               exclude = { "peptide", "vitamin_c", "antioxidant" } })
  test.equal(run.binding[1].constraint, "exclusions")
  test.contains(run.binding[1].detail, "matrixyl_3000")
  test.excludes(run.binding[1].detail, "tocopherol")   -- excluded (an antioxidant), but gives no firmness
end)

test.case("requests the plugin cannot read are refused", function()
  test.fails(function() test.formulate({ persona = "sensitive_skin", concerns = { "wrinkle" } }) end,
    "no ingredient addresses 'wrinkle' (did you mean 'wrinkles'?)")
  test.fails(function() test.formulate({ persona = "oily_teen", concerns = { "acne" } }) end,
    "unknown persona 'oily_teen'")
end)
