return { name = "solo", version = "1.0.0", api = 1, description = "unique" }
