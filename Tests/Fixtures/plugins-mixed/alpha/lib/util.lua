local M = {}
function M.weighted(a, b) return a * 0.4 + b * 0.6 end
return M
