-- The catalogue (ingredients.lua) against the class map (classes.lua): the checks the host
-- does not make, because they are this plugin's own conventions.

local classes = require("classes")
local ingredients = require("ingredients")

local by_id = {}
for _, i in ipairs(ingredients) do by_id[i.id] = i end

test.case("every ingredient is in one of the ten classes", function()
  test.equal(#classes.list, 10)
  for _, i in ipairs(ingredients) do
    test.truthy(classes.by_id[i.class], i.id .. ": class " .. i.class)
  end
end)

test.case("every concern an ingredient names is in the concern vocabulary", function()
  for _, i in ipairs(ingredients) do
    for _, c in ipairs(i.concerns) do test.truthy(classes.concerns[c], i.id .. ": " .. c) end
  end
end)

test.case("incompatibilities are listed on both sides", function()
  for _, i in ipairs(ingredients) do
    for _, other in ipairs(i.incompatibilities) do
      test.contains(by_id[other].incompatibilities, i.id, other .. " should list " .. i.id)
    end
  end
end)

test.case("which classes address a concern", function()
  test.truthy(classes.addresses("acne", "sebum_regulation"))
  test.truthy(classes.addresses("redness", "barrier_repair"))
  test.falsy(classes.addresses("acne", "hydration"))
  test.falsy(classes.addresses("no_such_concern", "hydration"))
end)
