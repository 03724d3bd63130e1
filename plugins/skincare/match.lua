-- How a persona's ingredient words meet the catalogue. An entry of ingredient_preferences or
-- ingredient_aversions names an ingredient when, folded, it equals the ingredient's id or one of its
-- tags. Folding lowercases, turns spaces and hyphens into "_" and drops one plural "s", so the seed's
-- "essential_oils" and "Essential oils" both match the tag essential_oil.

local M = {}

function M.fold(word)
  local w = word:lower():gsub("[%s%-]+", "_")
  if #w > 3 and w:sub(-1) == "s" and w:sub(-2) ~= "ss" then w = w:sub(1, -2) end
  return w
end

-- What `entry` matches in `ingredient` ("id retinol", "tag retinoid"), or nil.
function M.hit(entry, ingredient)
  local want = M.fold(entry)
  if M.fold(ingredient.id) == want then return "id " .. ingredient.id end
  for _, tag in ipairs(ingredient.tags) do
    if M.fold(tag) == want then return "tag " .. tag end
  end
  return nil
end

return M
