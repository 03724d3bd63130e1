-- Parents and families: how concerned, how safety-minded, how budget-driven.
-- Formulas, weights and persona names from seed 002.

local LABELS = {   -- feature -> { label when high, label when low }
  tech_savvy_parent      = { "Tech-Savvy", "Low-Tech" },
  child_safety_priority  = { "Safety-First", "Relaxed" },
  family_budget_manager  = { "Budget-Conscious", "Premium-Seeking" },
  parental_concern_score = { "Watchful", "Easygoing" },
}

return {
  name = "parenting",
  version = "1.0.0",
  api = 1,
  description = "Parents and families: concern, safety, budget and tech features",

  intents = {
    parenting = {
      terms = { "mom", "dad", "parent", "family", "kids", "children" },
      synonyms = { mother = "mom", mum = "mom", mommy = "mom", father = "dad", daddy = "dad",
                   toddler = "kids", child = "children", newborn = "kids" },
    },
  },
  selected_by = { "parenting" },
  columns = { "privacy_pref", "price_sensitivity", "brand_awareness_bose", "emi_flag", "device_count" },

  filters = function(goal)
    local where = { { "has_children", "=", 1 } }
    if goal.matched.mom and not goal.matched.dad then
      where[#where + 1] = { "gender", "=", "female" }
    elseif goal.matched.dad and not goal.matched.mom then
      where[#where + 1] = { "gender", "=", "male" }
    end
    return where
  end,

  features = {
    parental_concern_score = function(u) return u.privacy_pref * 0.4 + u.price_sensitivity * 0.6 end,
    child_safety_priority  = function(u) return u.brand_awareness_bose * 0.3 + u.privacy_pref * 0.7 end,
    family_budget_manager  = function(u) return u.price_sensitivity * 0.8 + u.emi_flag * 0.2 end,
    tech_savvy_parent      = function(u) return u.device_count / 8 * 0.6 + (1 - u.privacy_pref) * 0.4 end,
  },

  clustering = {
    -- tech_savvy_parent has no weight: it describes the personas but does not shape the clusters.
    weights = { parental_concern_score = 0.4, child_safety_priority = 0.3, family_budget_manager = 0.3 },
    algorithm = "ward",          -- families form nested segments
    k = { min = 2, max = 6 },
    min_share = 0.03,            -- smaller clusters merge into their nearest neighbour
    profile = { "age", "city_tier", "occupation", "parenting_stage" },  -- summarised per persona
  },

  -- Stage 5: name a cluster after the feature that sets it apart most (on a second
  -- attempt, when that name is taken, after the next one).
  persona = function(cluster)
    local top = cluster.distinguishing[cluster.attempt] or cluster.distinguishing[1]
    if top and top.z == 0 then top = nil end   -- at the mean on every feature: nothing sets it apart
    local label = top and LABELS[top.feature] and LABELS[top.feature][top.z >= 0 and 1 or 2] or "Everyday"
    local noun = cluster.filter.gender == "male" and "Dad" or cluster.filter.gender == "female" and "Mom" or "Parent"
    local gender = noun == "Mom" and "female" or noun == "Dad" and "male" or "neutral"
    local cares = {}
    for _, d in ipairs(cluster.distinguishing) do
      if d.z >= 0.5 then cares[#cares + 1] = d.feature end
    end
    return {
      name = host.names.person(cluster.index, gender) .. " — " .. label .. " " .. noun,
      traits = {
        parenting_style = label,
        care_about = cares,
        typical_stage = cluster.profile.parenting_stage,
      },
    }
  end,
}
