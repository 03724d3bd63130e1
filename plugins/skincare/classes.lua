-- The ten functional ("hypergredient") classes, and which classes address each skin concern.
-- Classes and codes from the hypergredient framework that seed 000 documents; the concern map is
-- its optimizer's concern-to-class table, extended with every concern the seed's personas name.

local M = {}

M.list = {
  { id = "cellular_turnover",    code = "H.CT", name = "Cellular turnover" },
  { id = "collagen_synthesis",   code = "H.CS", name = "Collagen synthesis" },
  { id = "antioxidant",          code = "H.AO", name = "Antioxidant" },
  { id = "barrier_repair",       code = "H.BR", name = "Barrier repair" },
  { id = "melanin_modulation",   code = "H.ML", name = "Melanin modulation" },
  { id = "hydration",            code = "H.HY", name = "Hydration" },
  { id = "anti_inflammatory",    code = "H.AI", name = "Anti-inflammatory" },
  { id = "microbiome",           code = "H.MB", name = "Microbiome" },
  { id = "sebum_regulation",     code = "H.SE", name = "Sebum regulation" },
  { id = "penetration_delivery", code = "H.PD", name = "Penetration / delivery" },
}

M.by_id = {}
for _, class in ipairs(M.list) do M.by_id[class.id] = class end

-- concern -> the classes whose ingredients address it. This is the concern vocabulary: persona
-- primary_concerns and ingredient concerns must use these words.
M.concerns = {
  wrinkles           = { "cellular_turnover", "collagen_synthesis" },
  fine_lines         = { "cellular_turnover", "collagen_synthesis", "hydration" },
  firmness           = { "collagen_synthesis", "antioxidant" },
  loss_of_elasticity = { "collagen_synthesis", "antioxidant" },
  photoaging         = { "antioxidant", "collagen_synthesis" },
  texture            = { "cellular_turnover", "hydration" },
  dullness           = { "melanin_modulation", "antioxidant", "cellular_turnover" },
  hyperpigmentation  = { "melanin_modulation", "antioxidant" },
  age_spots          = { "melanin_modulation", "antioxidant", "cellular_turnover" },
  acne               = { "cellular_turnover", "anti_inflammatory", "sebum_regulation", "microbiome" },
  oiliness           = { "sebum_regulation" },
  pore_size          = { "sebum_regulation", "cellular_turnover" },
  dryness            = { "hydration", "barrier_repair" },
  barrier_repair     = { "barrier_repair" },
  sensitivity        = { "anti_inflammatory", "barrier_repair" },
  redness            = { "anti_inflammatory", "barrier_repair" },
  general_health     = { "antioxidant", "hydration", "barrier_repair", "microbiome" },
}

-- True when ingredients of `class` address `concern`.
function M.addresses(concern, class)
  for _, c in ipairs(M.concerns[concern] or {}) do
    if c == class then return true end
  end
  return false
end

return M
