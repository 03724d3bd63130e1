-- match.lua: how a persona's ingredient words (preferences, aversions, --exclude) meet the
-- catalogue. A word names an ingredient when, folded, it equals the ingredient's id or a tag.

local match = require("match")

test.case("folding: lower case, spaces and hyphens to _, one plural s dropped", function()
  test.equal(match.fold("Essential oils"), "essential_oil")
  test.equal(match.fold("heavy-moisturizers"), "heavy_moisturizer")
  test.equal(match.fold("glass"), "glass")               -- "ss" is not a plural
  test.equal(match.fold("oils"), "oil")
  test.equal(match.fold("gas"), "gas")                   -- three letters or fewer keep their s
end)

-- A small ingredient, shaped as in ingredients.lua.
local RETINOL = { id = "retinol", tags = { "retinoid", "vitamin_a", "strong_active" } }

test.case("a word naming the id or a tag", function()
  test.equal(match.hit("retinol", RETINOL), "id retinol")
  test.equal(match.hit("Retinoids", RETINOL), "tag retinoid")
  test.equal(match.hit("strong actives", RETINOL), "tag strong_active")
end)

test.case("the id wins over a tag", function()
  test.equal(match.hit("retinol", { id = "retinol", tags = { "retinol" } }), "id retinol")
end)

test.case("a word naming nothing", function()
  test.equal(match.hit("peptides", RETINOL), nil)
  test.equal(match.hit("retin", RETINOL), nil)        -- whole words only, no prefixes
end)
