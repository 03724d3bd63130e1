return {
  name = "broken_syntax",
  version = "1.0.0"
  api = 1,
}
