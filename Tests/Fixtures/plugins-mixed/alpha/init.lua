-- A valid folder plugin that requires a module of its own.
local util = require "lib.util"

return {
  name = "alpha",
  version = "2.1.0",
  api = 1,
  description = "Fixture: a valid folder plugin",
  priority = 50,
  features = {
    score = function(u) return util.weighted(u.a, u.b) end,
  },
  persona = function(cluster)
    print("naming cluster", cluster.index)
    host.log("warn", "careful")
    return { name = host.names.person(cluster.index, "female") .. " — Alpha" }
  end,
}
