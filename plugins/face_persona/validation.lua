-- The validation gate: a trained model passes when every check of its test images is above
-- the threshold. A check the validation run did not report fails it.
local limits = require "limits"

local checks = { "face_consistency", "quality_score", "trigger_effectiveness" }

return function(scores)
  local reasons = {}
  for _, check in ipairs(checks) do
    local value = scores[check]
    if value == nil then
      reasons[#reasons + 1] = check .. " is missing"
    elseif value <= limits.validation then
      reasons[#reasons + 1] = string.format("%s %.2f is not above %.2f", check, value, limits.validation)
    end
  end
  return { passed = #reasons == 0, reasons = reasons }
end
