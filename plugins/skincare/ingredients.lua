-- The ingredient catalogue: real cosmetic ingredients in the ten functional classes (classes.lua).
--
-- Every ingredient has every field:
--   id                 unique snake_case key; personas and the incompatibilities/synergies lists use it
--   name, inci_name    common name; INCI name as listed in the EU CosIng database
--   class              one of the ten class ids in classes.lua
--   concerns           skin concerns it addresses (the vocabulary of classes.lua); empty for pure delivery aids
--   efficacy, safety   0-10: strength of evidence and effect for its class; 10 = no known irritation or
--                      sensitisation at the use level
--   bioavailability    0-1: how much reaches its target in skin (low for film formers and occlusives)
--   stability          0-1: resistance to light, air, heat and water in a typical formula
--   ph                 { min, max }: formula pH range in which it works and keeps (3-10 when pH-independent)
--   use_level          { min, max }: % in the finished product (leave-on unless tagged rinse_off), of the
--                      material as usually supplied (pure, unless its name says supplier solution or blend)
--   cost_per_gram      USD per gram of that material, small-lot supplier price
--   natural            true when of natural origin (plant, mineral, fermentation), false when synthetic
--   incompatibilities  ids it should not share a formula with (always listed on both sides)
--   synergies          ids it works better with
--   tags               free words persona preferences and aversions can name: retinoid, peptide, vitamin_c,
--                      ceramide, antioxidant, strong_active, harsh_acid, fragrance, synthetic_fragrance,
--                      essential_oil, alcohol, paraben, sulfate, oil, comedogenic_oil, heavy_moisturizer,
--                      botanical, plant_extract, zinc, ...
--
-- Sources, all approximate: INCI names from CosIng; use levels and pH ranges from supplier technical
-- sheets and published formulation guides, capped by EU limits where one exists (retinol 0.3% RE,
-- alpha-arbutin 2%, kojic acid 1%, salicylic acid 2%, methylparaben 0.4%); efficacy, safety,
-- bioavailability and stability are editorial 0-10 / 0-1 judgements in the spirit of the hypergredient
-- framework's own scores (kept close to them where it lists the ingredient); costs are rough 2023-24
-- small-lot retail prices, only good for ranking ingredients against each other.

return {
  -- Cellular turnover ----------------------------------------------------------------------------------
  { id = "retinol", name = "Retinol", inci_name = "Retinol", class = "cellular_turnover",
    concerns = { "wrinkles", "fine_lines", "texture", "age_spots", "acne" },
    efficacy = 8, safety = 6, bioavailability = 0.6, stability = 0.3, natural = false, cost_per_gram = 8,
    ph = { min = 5.5, max = 6.5 }, use_level = { min = 0.01, max = 0.3 },
    incompatibilities = { "glycolic_acid", "lactic_acid", "salicylic_acid", "ascorbic_acid" },
    synergies = { "niacinamide", "ceramide_np", "lecithin" },
    tags = { "retinoid", "vitamin_a", "strong_active", "photosensitive" } },

  { id = "retinal", name = "Retinaldehyde", inci_name = "Retinal", class = "cellular_turnover",
    concerns = { "wrinkles", "fine_lines", "texture", "age_spots", "acne" },
    efficacy = 8.5, safety = 6, bioavailability = 0.7, stability = 0.25, natural = false, cost_per_gram = 30,
    ph = { min = 5, max = 6.5 }, use_level = { min = 0.01, max = 0.1 },
    incompatibilities = { "glycolic_acid", "lactic_acid", "salicylic_acid", "ascorbic_acid" },
    synergies = { "niacinamide", "ceramide_np" },
    tags = { "retinoid", "vitamin_a", "strong_active", "photosensitive" } },

  { id = "hydroxypinacolone_retinoate", name = "Hydroxypinacolone retinoate (HPR)",
    inci_name = "Hydroxypinacolone Retinoate", class = "cellular_turnover",
    concerns = { "wrinkles", "fine_lines", "texture", "acne" },
    efficacy = 7, safety = 8, bioavailability = 0.6, stability = 0.7, natural = false, cost_per_gram = 10,
    ph = { min = 5, max = 7 }, use_level = { min = 0.05, max = 0.5 },
    incompatibilities = { "glycolic_acid" },
    synergies = { "dimethyl_isosorbide", "niacinamide" },
    tags = { "retinoid", "photosensitive" } },

  { id = "bakuchiol", name = "Bakuchiol", inci_name = "Bakuchiol", class = "cellular_turnover",
    concerns = { "wrinkles", "fine_lines", "age_spots", "texture", "acne" },
    efficacy = 7, safety = 9, bioavailability = 0.7, stability = 0.9, natural = true, cost_per_gram = 5,
    ph = { min = 4, max = 9 }, use_level = { min = 0.5, max = 2 },
    incompatibilities = {}, synergies = { "niacinamide", "sodium_ascorbyl_phosphate" },
    tags = { "retinoid_alternative", "botanical", "plant_extract", "antioxidant" } },

  { id = "glycolic_acid", name = "Glycolic acid", inci_name = "Glycolic Acid", class = "cellular_turnover",
    concerns = { "texture", "dullness", "hyperpigmentation", "fine_lines" },
    efficacy = 8, safety = 5, bioavailability = 0.9, stability = 0.95, natural = false, cost_per_gram = 0.1,
    ph = { min = 3.5, max = 4 }, use_level = { min = 2, max = 10 },
    incompatibilities = { "retinol", "retinal", "hydroxypinacolone_retinoate", "copper_tripeptide_1" },
    synergies = { "hyaluronic_acid", "panthenol" },
    tags = { "aha", "exfoliant", "harsh_acid", "strong_active", "photosensitive" } },

  { id = "lactic_acid", name = "Lactic acid", inci_name = "Lactic Acid", class = "cellular_turnover",
    concerns = { "texture", "dryness", "dullness", "hyperpigmentation" },
    efficacy = 6.5, safety = 7, bioavailability = 0.8, stability = 0.9, natural = true, cost_per_gram = 0.05,
    ph = { min = 3.5, max = 4.5 }, use_level = { min = 2, max = 10 },
    incompatibilities = { "retinol", "retinal", "copper_tripeptide_1" },
    synergies = { "hyaluronic_acid", "urea" },
    tags = { "aha", "exfoliant", "humectant", "photosensitive" } },

  { id = "salicylic_acid", name = "Salicylic acid (BHA)", inci_name = "Salicylic Acid", class = "cellular_turnover",
    concerns = { "acne", "pore_size", "oiliness", "texture" },
    efficacy = 7.5, safety = 6, bioavailability = 0.8, stability = 0.9, natural = false, cost_per_gram = 0.05,
    ph = { min = 3, max = 4 }, use_level = { min = 0.5, max = 2 },
    incompatibilities = { "retinol", "retinal" },
    synergies = { "niacinamide", "zinc_pca" },
    tags = { "bha", "exfoliant", "strong_active" } },

  -- Collagen synthesis ---------------------------------------------------------------------------------
  { id = "matrixyl_3000", name = "Matrixyl 3000 (peptide blend, supplier solution)",
    inci_name = "Palmitoyl Tripeptide-1, Palmitoyl Tetrapeptide-7", class = "collagen_synthesis",
    concerns = { "wrinkles", "fine_lines", "firmness", "loss_of_elasticity" },
    efficacy = 7.5, safety = 9, bioavailability = 0.5, stability = 0.8, natural = false, cost_per_gram = 0.5,
    ph = { min = 5, max = 7 }, use_level = { min = 3, max = 8 },
    incompatibilities = {}, synergies = { "hyaluronic_acid", "niacinamide", "sodium_ascorbyl_phosphate" },
    tags = { "peptide", "trade_name" } },

  { id = "copper_tripeptide_1", name = "Copper peptide (GHK-Cu)", inci_name = "Copper Tripeptide-1",
    class = "collagen_synthesis",
    concerns = { "firmness", "loss_of_elasticity", "wrinkles" },
    efficacy = 7, safety = 8, bioavailability = 0.5, stability = 0.5, natural = false, cost_per_gram = 20,
    ph = { min = 5, max = 7 }, use_level = { min = 0.05, max = 1 },
    incompatibilities = { "ascorbic_acid", "glycolic_acid", "lactic_acid", "kojic_acid" },
    synergies = { "hyaluronic_acid", "matrixyl_3000" },
    tags = { "peptide", "copper" } },

  { id = "acetyl_hexapeptide_8", name = "Argireline (supplier solution)", inci_name = "Acetyl Hexapeptide-8",
    class = "collagen_synthesis",
    concerns = { "wrinkles", "fine_lines" },
    efficacy = 6, safety = 9, bioavailability = 0.4, stability = 0.8, natural = false, cost_per_gram = 0.6,
    ph = { min = 4.5, max = 7 }, use_level = { min = 3, max = 10 },
    incompatibilities = {}, synergies = { "matrixyl_3000", "hyaluronic_acid" },
    tags = { "peptide", "trade_name" } },

  { id = "ascorbic_acid", name = "Vitamin C (L-ascorbic acid)", inci_name = "Ascorbic Acid",
    class = "collagen_synthesis",
    concerns = { "wrinkles", "firmness", "photoaging", "hyperpigmentation", "dullness" },
    efficacy = 8, safety = 7, bioavailability = 0.85, stability = 0.2, natural = false, cost_per_gram = 0.03,
    ph = { min = 2.5, max = 3.5 }, use_level = { min = 5, max = 20 },
    incompatibilities = { "retinol", "retinal", "copper_tripeptide_1" },
    synergies = { "tocopherol", "ferulic_acid", "green_tea_extract" },
    tags = { "vitamin_c", "antioxidant", "strong_active", "oxidation_sensitive" } },

  { id = "sodium_ascorbyl_phosphate", name = "Vitamin C (sodium ascorbyl phosphate)",
    inci_name = "Sodium Ascorbyl Phosphate", class = "collagen_synthesis",
    concerns = { "hyperpigmentation", "dullness", "acne", "firmness" },
    efficacy = 6, safety = 9, bioavailability = 0.55, stability = 0.8, natural = false, cost_per_gram = 0.3,
    ph = { min = 6, max = 7 }, use_level = { min = 1, max = 5 },
    incompatibilities = {}, synergies = { "niacinamide", "matrixyl_3000", "tocopherol" },
    tags = { "vitamin_c", "antioxidant" } },

  -- Antioxidant ----------------------------------------------------------------------------------------
  { id = "tocopherol", name = "Vitamin E", inci_name = "Tocopherol", class = "antioxidant",
    concerns = { "photoaging", "dryness", "general_health" },
    efficacy = 6, safety = 9, bioavailability = 0.8, stability = 0.85, natural = true, cost_per_gram = 0.1,
    ph = { min = 4, max = 9 }, use_level = { min = 0.1, max = 1 },
    incompatibilities = {}, synergies = { "ascorbic_acid", "ferulic_acid" },
    tags = { "vitamin_e", "antioxidant" } },

  { id = "ferulic_acid", name = "Ferulic acid", inci_name = "Ferulic Acid", class = "antioxidant",
    concerns = { "photoaging", "hyperpigmentation", "dullness" },
    efficacy = 6, safety = 9, bioavailability = 0.7, stability = 0.7, natural = true, cost_per_gram = 0.5,
    ph = { min = 3, max = 5.5 }, use_level = { min = 0.5, max = 1 },
    incompatibilities = {}, synergies = { "ascorbic_acid", "tocopherol" },
    tags = { "antioxidant" } },

  { id = "resveratrol", name = "Resveratrol", inci_name = "Resveratrol", class = "antioxidant",
    concerns = { "photoaging", "wrinkles", "redness" },
    efficacy = 6.5, safety = 8, bioavailability = 0.5, stability = 0.5, natural = true, cost_per_gram = 1,
    ph = { min = 4, max = 7 }, use_level = { min = 0.1, max = 1 },
    incompatibilities = {}, synergies = { "tocopherol", "ferulic_acid" },
    tags = { "antioxidant", "photosensitive" } },

  { id = "astaxanthin", name = "Astaxanthin", inci_name = "Astaxanthin", class = "antioxidant",
    concerns = { "photoaging", "wrinkles", "redness" },
    efficacy = 7, safety = 9, bioavailability = 0.6, stability = 0.3, natural = true, cost_per_gram = 20,
    ph = { min = 4, max = 8 }, use_level = { min = 0.01, max = 0.1 },
    incompatibilities = {}, synergies = { "tocopherol", "resveratrol" },
    tags = { "antioxidant", "photosensitive", "colorant" } },

  { id = "green_tea_extract", name = "Green tea extract", inci_name = "Camellia Sinensis Leaf Extract",
    class = "antioxidant",
    concerns = { "photoaging", "redness", "oiliness", "acne" },
    efficacy = 6, safety = 9, bioavailability = 0.5, stability = 0.5, natural = true, cost_per_gram = 0.3,
    ph = { min = 3, max = 7 }, use_level = { min = 0.5, max = 5 },
    incompatibilities = {}, synergies = { "ascorbic_acid", "tocopherol" },
    tags = { "antioxidant", "botanical", "plant_extract" } },

  -- Barrier repair -------------------------------------------------------------------------------------
  { id = "ceramide_np", name = "Ceramide NP", inci_name = "Ceramide NP", class = "barrier_repair",
    concerns = { "barrier_repair", "dryness", "sensitivity" },
    efficacy = 7.5, safety = 10, bioavailability = 0.6, stability = 0.8, natural = false, cost_per_gram = 15,
    ph = { min = 4, max = 8 }, use_level = { min = 0.1, max = 1 },
    incompatibilities = {}, synergies = { "cholesterol", "linoleic_acid", "ceramide_ap", "hyaluronic_acid" },
    tags = { "ceramide", "barrier_lipid", "skin_identical" } },

  { id = "ceramide_ap", name = "Ceramide AP", inci_name = "Ceramide AP", class = "barrier_repair",
    concerns = { "barrier_repair", "dryness", "sensitivity" },
    efficacy = 7, safety = 10, bioavailability = 0.6, stability = 0.8, natural = false, cost_per_gram = 15,
    ph = { min = 4, max = 8 }, use_level = { min = 0.05, max = 0.5 },
    incompatibilities = {}, synergies = { "ceramide_np", "cholesterol" },
    tags = { "ceramide", "barrier_lipid", "skin_identical" } },

  { id = "cholesterol", name = "Cholesterol", inci_name = "Cholesterol", class = "barrier_repair",
    concerns = { "barrier_repair", "dryness", "sensitivity" },
    efficacy = 6, safety = 10, bioavailability = 0.6, stability = 0.9, natural = true, cost_per_gram = 0.5,
    ph = { min = 4, max = 9 }, use_level = { min = 0.1, max = 1 },
    incompatibilities = {}, synergies = { "ceramide_np", "linoleic_acid" },
    tags = { "barrier_lipid", "skin_identical" } },

  { id = "linoleic_acid", name = "Linoleic acid", inci_name = "Linoleic Acid", class = "barrier_repair",
    concerns = { "barrier_repair", "dryness", "acne" },
    efficacy = 6, safety = 9, bioavailability = 0.7, stability = 0.3, natural = true, cost_per_gram = 0.05,
    ph = { min = 4, max = 8 }, use_level = { min = 0.5, max = 5 },
    incompatibilities = {}, synergies = { "ceramide_np", "cholesterol", "tocopherol" },
    tags = { "fatty_acid", "barrier_lipid", "oxidation_sensitive" } },

  { id = "squalane", name = "Squalane", inci_name = "Squalane", class = "barrier_repair",
    concerns = { "dryness", "barrier_repair" },
    efficacy = 5, safety = 10, bioavailability = 0.8, stability = 0.95, natural = true, cost_per_gram = 0.05,
    ph = { min = 3, max = 10 }, use_level = { min = 1, max = 30 },
    incompatibilities = {}, synergies = { "ceramide_np", "tocopherol" },
    tags = { "oil", "emollient", "non_comedogenic" } },

  { id = "shea_butter", name = "Shea butter", inci_name = "Butyrospermum Parkii Butter", class = "barrier_repair",
    concerns = { "dryness", "barrier_repair" },
    efficacy = 5, safety = 9, bioavailability = 0.6, stability = 0.8, natural = true, cost_per_gram = 0.02,
    ph = { min = 3, max = 10 }, use_level = { min = 1, max = 10 },
    incompatibilities = {}, synergies = { "ceramide_np", "tocopherol" },
    tags = { "butter", "emollient", "occlusive", "heavy_moisturizer", "botanical" } },

  { id = "petrolatum", name = "Petroleum jelly", inci_name = "Petrolatum", class = "barrier_repair",
    concerns = { "dryness", "barrier_repair" },
    efficacy = 7, safety = 9, bioavailability = 0.3, stability = 1, natural = false, cost_per_gram = 0.01,
    ph = { min = 3, max = 10 }, use_level = { min = 1, max = 30 },
    incompatibilities = {}, synergies = { "ceramide_np", "glycerin" },
    tags = { "occlusive", "heavy_moisturizer", "mineral_oil", "petrochemical" } },

  { id = "coconut_oil", name = "Coconut oil", inci_name = "Cocos Nucifera Oil", class = "barrier_repair",
    concerns = { "dryness" },
    efficacy = 4, safety = 8, bioavailability = 0.6, stability = 0.9, natural = true, cost_per_gram = 0.01,
    ph = { min = 3, max = 10 }, use_level = { min = 1, max = 20 },
    incompatibilities = {}, synergies = { "tocopherol" },
    tags = { "oil", "comedogenic_oil", "emollient", "botanical" } },

  { id = "panthenol", name = "Provitamin B5", inci_name = "Panthenol", class = "barrier_repair",
    concerns = { "barrier_repair", "dryness", "redness", "sensitivity" },
    efficacy = 6.5, safety = 10, bioavailability = 0.8, stability = 0.85, natural = false, cost_per_gram = 0.06,
    ph = { min = 4, max = 7.5 }, use_level = { min = 1, max = 5 },
    incompatibilities = {}, synergies = { "hyaluronic_acid", "niacinamide" },
    tags = { "vitamin_b5", "humectant", "soothing" } },

  -- Melanin modulation ---------------------------------------------------------------------------------
  { id = "alpha_arbutin", name = "Alpha-arbutin", inci_name = "Alpha-Arbutin", class = "melanin_modulation",
    concerns = { "hyperpigmentation", "age_spots", "dullness" },
    efficacy = 7, safety = 8, bioavailability = 0.6, stability = 0.8, natural = false, cost_per_gram = 1,
    ph = { min = 3.5, max = 7 }, use_level = { min = 0.5, max = 2 },
    incompatibilities = {}, synergies = { "niacinamide", "kojic_acid" },
    tags = { "brightening" } },

  { id = "tranexamic_acid", name = "Tranexamic acid", inci_name = "Tranexamic Acid", class = "melanin_modulation",
    concerns = { "hyperpigmentation", "age_spots", "redness" },
    efficacy = 7.5, safety = 9, bioavailability = 0.6, stability = 0.9, natural = false, cost_per_gram = 0.5,
    ph = { min = 4, max = 8 }, use_level = { min = 2, max = 5 },
    incompatibilities = {}, synergies = { "niacinamide", "sodium_ascorbyl_phosphate" },
    tags = { "brightening" } },

  { id = "kojic_acid", name = "Kojic acid", inci_name = "Kojic Acid", class = "melanin_modulation",
    concerns = { "hyperpigmentation", "age_spots" },
    efficacy = 6.5, safety = 6, bioavailability = 0.6, stability = 0.4, natural = true, cost_per_gram = 0.3,
    ph = { min = 3, max = 5 }, use_level = { min = 0.5, max = 1 },
    incompatibilities = { "copper_tripeptide_1" },
    synergies = { "alpha_arbutin", "ascorbic_acid" },
    tags = { "brightening", "sensitiser" } },

  { id = "azelaic_acid", name = "Azelaic acid", inci_name = "Azelaic Acid", class = "melanin_modulation",
    concerns = { "hyperpigmentation", "acne", "redness" },
    efficacy = 7, safety = 8, bioavailability = 0.5, stability = 0.9, natural = false, cost_per_gram = 0.1,
    ph = { min = 4, max = 5.5 }, use_level = { min = 5, max = 10 },
    incompatibilities = {}, synergies = { "niacinamide", "salicylic_acid" },
    tags = { "brightening" } },

  { id = "licorice_root_extract", name = "Licorice root extract", inci_name = "Glycyrrhiza Glabra Root Extract",
    class = "melanin_modulation",
    concerns = { "hyperpigmentation", "redness", "sensitivity" },
    efficacy = 6, safety = 9, bioavailability = 0.5, stability = 0.7, natural = true, cost_per_gram = 3,
    ph = { min = 4, max = 7 }, use_level = { min = 0.1, max = 1 },
    incompatibilities = {}, synergies = { "niacinamide", "alpha_arbutin" },
    tags = { "brightening", "botanical", "plant_extract" } },

  -- Hydration ------------------------------------------------------------------------------------------
  { id = "hyaluronic_acid", name = "Hyaluronic acid", inci_name = "Sodium Hyaluronate", class = "hydration",
    concerns = { "dryness", "fine_lines", "texture" },
    efficacy = 7.5, safety = 10, bioavailability = 0.6, stability = 0.9, natural = true, cost_per_gram = 1.5,
    ph = { min = 4, max = 8 }, use_level = { min = 0.1, max = 2 },
    incompatibilities = {}, synergies = { "ceramide_np", "matrixyl_3000", "panthenol", "glycerin" },
    tags = { "humectant" } },

  { id = "glycerin", name = "Glycerin", inci_name = "Glycerin", class = "hydration",
    concerns = { "dryness", "barrier_repair" },
    efficacy = 7, safety = 10, bioavailability = 0.9, stability = 1, natural = true, cost_per_gram = 0.005,
    ph = { min = 3, max = 10 }, use_level = { min = 2, max = 10 },
    incompatibilities = {}, synergies = { "hyaluronic_acid", "ceramide_np" },
    tags = { "humectant" } },

  { id = "urea", name = "Urea", inci_name = "Urea", class = "hydration",
    concerns = { "dryness", "texture", "barrier_repair" },
    efficacy = 7, safety = 9, bioavailability = 0.8, stability = 0.5, natural = false, cost_per_gram = 0.005,
    ph = { min = 5, max = 7 }, use_level = { min = 2, max = 10 },
    incompatibilities = {}, synergies = { "lactic_acid", "glycerin" },
    tags = { "humectant", "keratolytic" } },

  { id = "polyglutamic_acid", name = "Polyglutamic acid", inci_name = "Polyglutamic Acid", class = "hydration",
    concerns = { "dryness", "fine_lines" },
    efficacy = 6, safety = 10, bioavailability = 0.4, stability = 0.9, natural = true, cost_per_gram = 2,
    ph = { min = 4, max = 8 }, use_level = { min = 0.1, max = 1 },
    incompatibilities = {}, synergies = { "hyaluronic_acid" },
    tags = { "humectant", "film_former" } },

  { id = "aloe_vera", name = "Aloe vera", inci_name = "Aloe Barbadensis Leaf Juice", class = "hydration",
    concerns = { "dryness", "redness", "sensitivity" },
    efficacy = 4.5, safety = 9, bioavailability = 0.6, stability = 0.6, natural = true, cost_per_gram = 0.01,
    ph = { min = 4, max = 6 }, use_level = { min = 1, max = 50 },
    incompatibilities = {}, synergies = { "allantoin", "panthenol" },
    tags = { "humectant", "botanical", "plant_extract" } },

  -- Anti-inflammatory ----------------------------------------------------------------------------------
  { id = "niacinamide", name = "Niacinamide (vitamin B3)", inci_name = "Niacinamide", class = "anti_inflammatory",
    concerns = { "redness", "sensitivity", "barrier_repair", "oiliness", "hyperpigmentation", "acne", "pore_size" },
    efficacy = 8, safety = 9, bioavailability = 0.8, stability = 0.95, natural = false, cost_per_gram = 0.05,
    ph = { min = 5, max = 7 }, use_level = { min = 2, max = 10 },
    incompatibilities = {}, synergies = { "zinc_pca", "hyaluronic_acid", "ceramide_np", "tranexamic_acid" },
    tags = { "vitamin_b3" } },

  { id = "centella_asiatica", name = "Centella asiatica (cica) extract", inci_name = "Centella Asiatica Extract",
    class = "anti_inflammatory",
    concerns = { "redness", "sensitivity", "barrier_repair" },
    efficacy = 6.5, safety = 9, bioavailability = 0.5, stability = 0.7, natural = true, cost_per_gram = 0.5,
    ph = { min = 4, max = 7 }, use_level = { min = 0.1, max = 2 },
    incompatibilities = {}, synergies = { "panthenol", "ceramide_np" },
    tags = { "soothing", "botanical", "plant_extract" } },

  { id = "allantoin", name = "Allantoin", inci_name = "Allantoin", class = "anti_inflammatory",
    concerns = { "redness", "sensitivity", "texture" },
    efficacy = 5, safety = 10, bioavailability = 0.7, stability = 0.9, natural = false, cost_per_gram = 0.03,
    ph = { min = 4, max = 8 }, use_level = { min = 0.1, max = 0.5 },
    incompatibilities = {}, synergies = { "panthenol", "aloe_vera" },
    tags = { "soothing" } },

  { id = "bisabolol", name = "Bisabolol", inci_name = "Bisabolol", class = "anti_inflammatory",
    concerns = { "redness", "sensitivity" },
    efficacy = 5.5, safety = 9, bioavailability = 0.8, stability = 0.85, natural = true, cost_per_gram = 0.3,
    ph = { min = 3, max = 9 }, use_level = { min = 0.1, max = 1 },
    incompatibilities = {}, synergies = { "allantoin", "niacinamide" },
    tags = { "soothing" } },

  { id = "colloidal_oatmeal", name = "Colloidal oatmeal", inci_name = "Avena Sativa Kernel Flour",
    class = "anti_inflammatory",
    concerns = { "redness", "sensitivity", "dryness", "barrier_repair" },
    efficacy = 6, safety = 9, bioavailability = 0.4, stability = 0.8, natural = true, cost_per_gram = 0.02,
    ph = { min = 4, max = 8 }, use_level = { min = 1, max = 5 },
    incompatibilities = {}, synergies = { "ceramide_np", "glycerin" },
    tags = { "soothing", "botanical", "plant_extract" } },

  -- Microbiome -----------------------------------------------------------------------------------------
  { id = "lactobacillus_ferment", name = "Lactobacillus ferment (supplier solution)",
    inci_name = "Lactobacillus Ferment", class = "microbiome",
    concerns = { "sensitivity", "redness", "acne", "general_health" },
    efficacy = 5, safety = 9, bioavailability = 0.4, stability = 0.7, natural = true, cost_per_gram = 0.3,
    ph = { min = 4, max = 7 }, use_level = { min = 1, max = 5 },
    incompatibilities = {}, synergies = { "inulin", "alpha_glucan_oligosaccharide" },
    tags = { "postbiotic", "ferment" } },

  { id = "bifida_ferment_lysate", name = "Bifida ferment lysate (supplier solution)",
    inci_name = "Bifida Ferment Lysate", class = "microbiome",
    concerns = { "sensitivity", "barrier_repair", "general_health" },
    efficacy = 5.5, safety = 9, bioavailability = 0.4, stability = 0.7, natural = true, cost_per_gram = 0.3,
    ph = { min = 4, max = 7 }, use_level = { min = 1, max = 10 },
    incompatibilities = {}, synergies = { "inulin", "ceramide_np" },
    tags = { "postbiotic", "ferment" } },

  { id = "inulin", name = "Inulin", inci_name = "Inulin", class = "microbiome",
    concerns = { "sensitivity", "general_health" },
    efficacy = 4, safety = 10, bioavailability = 0.3, stability = 0.9, natural = true, cost_per_gram = 0.02,
    ph = { min = 4, max = 8 }, use_level = { min = 0.5, max = 5 },
    incompatibilities = {}, synergies = { "lactobacillus_ferment", "alpha_glucan_oligosaccharide" },
    tags = { "prebiotic" } },

  { id = "alpha_glucan_oligosaccharide", name = "Alpha-glucan oligosaccharide",
    inci_name = "Alpha-Glucan Oligosaccharide", class = "microbiome",
    concerns = { "sensitivity", "general_health" },
    efficacy = 4, safety = 10, bioavailability = 0.3, stability = 0.9, natural = true, cost_per_gram = 0.5,
    ph = { min = 4, max = 8 }, use_level = { min = 0.5, max = 2 },
    incompatibilities = {}, synergies = { "inulin", "lactobacillus_ferment" },
    tags = { "prebiotic" } },

  -- Antimicrobial against C. acnes; a common sensitiser once oxidised.
  { id = "tea_tree_oil", name = "Tea tree oil", inci_name = "Melaleuca Alternifolia Leaf Oil", class = "microbiome",
    concerns = { "acne", "oiliness" },
    efficacy = 5.5, safety = 5, bioavailability = 0.7, stability = 0.4, natural = true, cost_per_gram = 0.1,
    ph = { min = 4, max = 8 }, use_level = { min = 0.5, max = 5 },
    incompatibilities = {}, synergies = { "zinc_pca" },
    tags = { "essential_oil", "fragrance", "antimicrobial", "botanical", "plant_extract" } },

  -- A preservative, not a skin-flora treatment (hence efficacy 2 for this class); listed so that
  -- paraben aversions have something to act on.
  { id = "methylparaben", name = "Methylparaben", inci_name = "Methylparaben", class = "microbiome",
    concerns = {},
    efficacy = 2, safety = 8, bioavailability = 0.6, stability = 0.95, natural = false, cost_per_gram = 0.02,
    ph = { min = 4, max = 8 }, use_level = { min = 0.1, max = 0.4 },
    incompatibilities = {}, synergies = {},
    tags = { "paraben", "preservative", "antimicrobial" } },

  -- Sebum regulation -----------------------------------------------------------------------------------
  { id = "zinc_pca", name = "Zinc PCA", inci_name = "Zinc PCA", class = "sebum_regulation",
    concerns = { "oiliness", "acne", "pore_size" },
    efficacy = 6, safety = 9, bioavailability = 0.6, stability = 0.9, natural = false, cost_per_gram = 0.2,
    ph = { min = 5, max = 7 }, use_level = { min = 0.1, max = 1 },
    incompatibilities = {}, synergies = { "niacinamide", "salicylic_acid" },
    tags = { "zinc" } },

  { id = "kaolin", name = "Kaolin clay", inci_name = "Kaolin", class = "sebum_regulation",
    concerns = { "oiliness", "pore_size" },
    efficacy = 4.5, safety = 9, bioavailability = 0.1, stability = 1, natural = true, cost_per_gram = 0.005,
    ph = { min = 4, max = 9 }, use_level = { min = 5, max = 40 },
    incompatibilities = {}, synergies = { "zinc_pca" },
    tags = { "clay", "mineral", "absorbent" } },

  { id = "saw_palmetto_extract", name = "Saw palmetto extract", inci_name = "Serenoa Serrulata Fruit Extract",
    class = "sebum_regulation",
    concerns = { "oiliness", "acne" },
    efficacy = 4.5, safety = 9, bioavailability = 0.5, stability = 0.8, natural = true, cost_per_gram = 0.5,
    ph = { min = 4, max = 7 }, use_level = { min = 0.5, max = 2 },
    incompatibilities = {}, synergies = { "zinc_pca", "niacinamide" },
    tags = { "botanical", "plant_extract" } },

  -- Penetration / delivery -----------------------------------------------------------------------------
  { id = "alcohol_denat", name = "Denatured alcohol", inci_name = "Alcohol Denat.", class = "penetration_delivery",
    concerns = { "oiliness" },
    efficacy = 4, safety = 5, bioavailability = 0.9, stability = 0.9, natural = false, cost_per_gram = 0.005,
    ph = { min = 3, max = 9 }, use_level = { min = 1, max = 30 },
    incompatibilities = {}, synergies = { "salicylic_acid" },
    tags = { "alcohol", "solvent", "penetration_enhancer", "drying" } },

  { id = "propanediol", name = "Propanediol", inci_name = "Propanediol", class = "penetration_delivery",
    concerns = { "dryness" },
    efficacy = 5, safety = 9, bioavailability = 0.8, stability = 1, natural = true, cost_per_gram = 0.01,
    ph = { min = 3, max = 9 }, use_level = { min = 1, max = 10 },
    incompatibilities = {}, synergies = { "ferulic_acid", "salicylic_acid" },
    tags = { "glycol", "solvent", "humectant" } },

  { id = "ethoxydiglycol", name = "Ethoxydiglycol (Transcutol)", inci_name = "Ethoxydiglycol",
    class = "penetration_delivery",
    concerns = {},
    efficacy = 6, safety = 8, bioavailability = 0.9, stability = 0.95, natural = false, cost_per_gram = 0.05,
    ph = { min = 3, max = 9 }, use_level = { min = 1, max = 10 },
    incompatibilities = {}, synergies = { "ascorbic_acid", "kojic_acid" },
    tags = { "solvent", "penetration_enhancer" } },

  { id = "dimethyl_isosorbide", name = "Dimethyl isosorbide", inci_name = "Dimethyl Isosorbide",
    class = "penetration_delivery",
    concerns = {},
    efficacy = 6, safety = 9, bioavailability = 0.9, stability = 0.95, natural = false, cost_per_gram = 0.1,
    ph = { min = 3, max = 9 }, use_level = { min = 1, max = 5 },
    incompatibilities = {}, synergies = { "hydroxypinacolone_retinoate", "salicylic_acid" },
    tags = { "solvent", "penetration_enhancer" } },

  { id = "lecithin", name = "Lecithin (liposomes)", inci_name = "Lecithin", class = "penetration_delivery",
    concerns = { "dryness", "barrier_repair" },
    efficacy = 5, safety = 9, bioavailability = 0.7, stability = 0.6, natural = true, cost_per_gram = 0.05,
    ph = { min = 4, max = 8 }, use_level = { min = 0.5, max = 5 },
    incompatibilities = {}, synergies = { "retinol", "tocopherol" },
    tags = { "liposome", "phospholipid", "emulsifier" } },

  -- A terpene penetration enhancer and a labelled fragrance allergen (EU).
  { id = "limonene", name = "Limonene", inci_name = "Limonene", class = "penetration_delivery",
    concerns = {},
    efficacy = 3, safety = 5, bioavailability = 0.9, stability = 0.3, natural = true, cost_per_gram = 0.02,
    ph = { min = 3, max = 9 }, use_level = { min = 0.01, max = 0.5 },
    incompatibilities = {}, synergies = {},
    tags = { "fragrance", "fragrance_allergen", "terpene", "penetration_enhancer" } },

  -- Synthetic (racemic) menthol, the usual cosmetic grade: a cooling synthetic fragrance material.
  { id = "menthol", name = "Menthol", inci_name = "Menthol", class = "penetration_delivery",
    concerns = {},
    efficacy = 3.5, safety = 6, bioavailability = 0.9, stability = 0.8, natural = false, cost_per_gram = 0.05,
    ph = { min = 3, max = 9 }, use_level = { min = 0.05, max = 1 },
    incompatibilities = {}, synergies = {},
    tags = { "fragrance", "synthetic_fragrance", "cooling", "terpene", "penetration_enhancer" } },

  -- Disrupts the barrier (the model irritant of patch tests); rinse-off only.
  { id = "sodium_lauryl_sulfate", name = "Sodium lauryl sulfate", inci_name = "Sodium Lauryl Sulfate",
    class = "penetration_delivery",
    concerns = { "oiliness" },
    efficacy = 3, safety = 3, bioavailability = 0.7, stability = 0.95, natural = false, cost_per_gram = 0.01,
    ph = { min = 5, max = 9 }, use_level = { min = 0.5, max = 15 },
    incompatibilities = {}, synergies = {},
    tags = { "sulfate", "surfactant", "irritant", "rinse_off" } },
}
