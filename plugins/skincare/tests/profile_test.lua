-- Persona profiles (profile.lua): every persona file is checked when the plugin loads, and
-- missing optional fields take the seed's defaults.

local profile = require("profile")
local ingredients = require("ingredients")

test.case("every shipped persona file is valid", function()
  local ids = {}
  for _, module in ipairs(host.modules("personas")) do
    local id = module:match("[^.]+$")
    ids[#ids + 1] = id
    test.equal(profile.problems(require(module), id, ingredients), {}, id)
  end
  test.equal(ids, { "acne_prone", "anti_aging", "mature_skin", "natural_beauty", "sensitive_skin" })
end)

test.case("a persona with mistakes gets every problem at once", function()
  local bad = {
    id = "oops", name = "Oops", skin_type = "greasy", budget_preference = "cheap",
    primary_concerns = { "acne", "wrinkle" }, sensitivity_level = 1.5,
    ingredient_preferences = { "unicorn_dust" }, favourite = "retinol",
  }
  test.equal(profile.problems(bad, "bad", ingredients), {
    "unknown field 'favourite'",
    "id is 'oops' but the file is personas/bad.lua",
    "skin_type must be one of combination, dry, mature, normal, oily, sensitive",
    "budget_preference must be one of budget, mid-range, premium",
    "unknown concern 'wrinkle' (known: acne, age_spots, barrier_repair, dryness, dullness, fine_lines, "
      .. "firmness, general_health, hyperpigmentation, loss_of_elasticity, oiliness, photoaging, pore_size, "
      .. "redness, sensitivity, texture, wrinkles)",
    "sensitivity_level must be a number from 0 to 1",
    "ingredient_preferences entry 'unicorn_dust' names no ingredient id or tag",
  })
end)

test.case("ingredient words may be plural or spaced (they are folded)", function()
  local p = { name = "P", skin_type = "dry", budget_preference = "budget", primary_concerns = { "dryness" },
              sensitivity_level = 0.5, ingredient_aversions = { "Essential oils", "heavy-moisturizers" } }
  test.equal(profile.problems(p, "p", ingredients), {})
end)

test.case("defaults for the optional fields", function()
  local p = { name = "P" }
  test.equal(profile.get(p, "efficacy_tolerance"), 0.5)
  test.equal(profile.get(p, "safety_priority"), 0.8)
  test.equal(profile.get(p, "natural_preference"), 0.3)
  test.equal(profile.get({ safety_priority = 0 }, "safety_priority"), 0)   -- a given 0 is kept
end)

test.case("a loaded persona has its defaults and learns one multiplier per ingredient", function()
  -- mature_skin leaves out efficacy_tolerance.
  local p = profile.load("mature_skin", ingredients)
  test.equal(p.efficacy_tolerance, 0.5)
  test.equal(p.id, "mature_skin")
  local traits, n = p.traits(), 0
  for _, t in pairs(traits) do
    n = n + 1
    test.equal(t, { value = 1, min = 0.1, max = 2 })
  end
  test.equal(n, #ingredients)
  test.equal(traits["multiplier.retinol"], { value = 1, min = 0.1, max = 2 })
end)

test.case("loading a persona again gives the same persona, and leaves its file's table as declared", function()
  local first = profile.load("mature_skin", ingredients)
  local again = profile.load("mature_skin", ingredients)
  test.equal(again.efficacy_tolerance, first.efficacy_tolerance)
  test.equal(again.golden, first.golden)
  -- mature_skin leaves out efficacy_tolerance: the default is filled in the copy only.
  test.equal(require("personas.mature_skin").efficacy_tolerance, nil)
end)

test.case("formulation sees the filled-in profile", function()
  local run = test.formulate({ persona = "mature_skin", concerns = { "fine_lines" } })
  test.equal(run.persona.efficacy_tolerance, 0.5)
  test.equal(run.persona.skin_type, "mature")
  test.equal(run.request.skin_type, "mature")    -- no --skin-type: the persona's
end)
