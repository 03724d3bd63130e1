/// The `photos` scaffold: photo-set rules for face personas (two scores and their weights, a
/// reject rule, the training gate, a training configuration, the validation gate); its test
/// scores photos and a set with the same rules `photos check` uses.
struct PhotosTemplate {
    let words: ScaffoldWords

    var files: [PluginScaffold.File] {
        [.init("init.lua", initLua), .init("tests/\(words.name)_test.lua", testLua)]
    }

    var initLua: String {
        """
        -- \(words.name): photo-set rules for face personas.
        -- persona-host photos check DIR measures every photo (size, sharpness, exposure, faces, a
        -- perceptual hash, EXIF age) and these rules judge it; face-persona train sends a set the
        -- gate accepts to a trainer with the configuration below.
        -- The whole contract: docs/PLUGINS.md, "photos".

        local MIN_SIDE = 512      -- pixels on the shorter side
        local MIN_PHOTOS = 5      -- accepted photos a set needs

        return {
          name = \(ScaffoldWords.quoted(words.name)),
          version = "0.1.0",
          api = 1,
          description = \(ScaffoldWords.quoted("\(words.title): photo rules for face personas")),

          photos = {
            -- Each score is 0–100, a function of one photo's measures.
            scores = {
              resolution = function(photo)
                return math.min(100, 100 * math.min(photo.width, photo.height) / (2 * MIN_SIDE))
              end,
              face = function(photo) return photo.faces == 1 and 100 or 0 end,
            },
            -- overall = the weighted mean of the scores.
            weights = { resolution = 1, face = 1 },
            -- Every reason a photo is left out (none: it is accepted).
            reject = function(photo)
              local reasons = {}
              if math.min(photo.width, photo.height) < MIN_SIDE then
                reasons[#reasons + 1] = "smaller than " .. MIN_SIDE .. " px"
              end
              if photo.faces ~= 1 then reasons[#reasons + 1] = "not exactly one face" end
              if photo.duplicate_of then reasons[#reasons + 1] = "near-duplicate of " .. photo.duplicate_of end
              return reasons
            end,
            -- The training gate: ready, or every reason not.
            gate = function(set)
              if set.accepted >= MIN_PHOTOS then return { ready = true } end
              return { ready = false, reasons = { set.accepted .. " photos accepted; " .. MIN_PHOTOS .. " needed" } }
            end,
            -- What the trainer gets (docs/TRAINERS.md).
            training = function(set)
              return { model_base = "flux-dev", training_steps = 100 * set.accepted, learning_rate = 1e-4,
                       rank = 16, alpha = 16 }
            end,
            -- The validation gate: every check of the trained model above 0.8.
            validation = function(scores)
              local reasons = {}
              for check, value in pairs(scores) do
                if value <= 0.8 then reasons[#reasons + 1] = check .. " is not above 0.8" end
              end
              table.sort(reasons)
              return { passed = #reasons == 0, reasons = reasons }
            end,
          },
        }

        """
    }

    var testLua: String {
        """
        -- Tests of the \(words.name) plugin.
        -- Run them with persona-host test on the plugin's folder, or on its plugins folder for every
        -- plugin's tests. `test` is the test API (docs/PLUGINS.md).
        -- luacheck: read globals test

        -- A photo's measures, as photos check gives them; `changes` overrides some.
        local function photo(changes)
          local p = { file = "a.jpg", format = "jpeg", bytes = 900000, width = 1024, height = 1024,
                      sharpness = 300, brightness = 0.5, shadows = 0.01, highlights = 0.01, faces = 1 }
          for k, v in pairs(changes or {}) do p[k] = v end
          return p
        end

        test.case("a large photo with one face is accepted with full scores", function()
          local v = test.photo(photo())
          test.equal(v.overall, 100)
          test.truthy(v.accepted)
        end)

        test.case("a small photo without a face is rejected, with both reasons", function()
          local v = test.photo(photo{ width = 400, height = 300, faces = 0 })
          test.equal(v.reasons, { "smaller than 512 px", "not exactly one face" })
        end)

        test.case("five accepted photos are ready, four are not", function()
          local set = {}
          for i = 1, 5 do
            set[i] = photo{ file = i .. ".jpg", hash = string.format("%016x", i * 0x9E3779B97F4A7C15) }
          end
          local ready = test.photo_set(set)
          test.truthy(ready.ready)
          test.equal(ready.training.training_steps, 500)
          set[5].faces = 2
          test.equal(test.photo_set(set).reasons, { "4 photos accepted; 5 needed" })
        end)

        test.case("validation passes only above 0.8", function()
          test.truthy(test.validation{ face_consistency = 0.9 }.passed)
          test.equal(test.validation{ face_consistency = 0.8 }.reasons, { "face_consistency is not above 0.8" })
        end)

        """
    }
}
