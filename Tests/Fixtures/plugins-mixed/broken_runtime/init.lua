-- Fails while loading: indexes a nil value on line 4.
local settings = {}

local threshold = settings.privacy_pref.threshold

return { name = "broken_runtime", version = "1.0.0", api = 1, description = "never loads" }
