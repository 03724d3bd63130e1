return { name = "future_api", version = "9.0.0", api = 2, description = "Fixture: targets a newer host" }
