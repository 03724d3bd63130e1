return { name = "twin", version = "1.0.0", api = 1, description = "first twin" }
