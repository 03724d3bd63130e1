import Builtins

extension HostAPISchema {
    /// `test`, the API of plugin test files (`persona-host test`; Host/PluginTests/TestSession
    /// implements it, and a test checks the two name the same functions).
    public static let test = HostAPIEntry(
        name: "test", doc: "The plugin test runner's API (docs/PLUGINS.md, \"Testing a plugin\").",
        kind: .table(className: "TestAPI", entries: [
            function("case", "test.case(name, fn)", "Declares a test case (names are unique within a file).",
                     [.required("name", .string, "What the case checks."), .required("fn", .function(body), "The case.")]),
            function("equal", "test.equal(actual, expected, message)",
                     "Passes when the values are equal: numbers by value, strings by content, tables by keys and values.",
                     [.required("actual", .any, "The value computed."), .required("expected", .any, "The value expected."), message]),
            function("near", "test.near(actual, expected, tolerance, message)", "Passes when `actual` is within `tolerance` of `expected`.",
                     [.required("actual", .number, "The number computed."), .required("expected", .number, "The number expected."),
                      .required("tolerance", .number, "The largest difference allowed (≥ 0)."), message]),
            function("truthy", "test.truthy(value, message)", "Passes when `value` is neither nil nor false.",
                     [.required("value", .any, "The value."), message]),
            function("falsy", "test.falsy(value, message)", "Passes when `value` is nil or false.", [.required("value", .any, "The value."), message]),
            function("contains", "test.contains(list, item, message)",
                     "Passes when the list holds an item equal to `item`, or the string contains the text `item`.",
                     [.required("list", .union([.table, .string]), "A list or a string."), .required("item", .any, "What to find."), message]),
            function("excludes", "test.excludes(list, item, message)", "The opposite of test.contains.",
                     [.required("list", .union([.table, .string]), "A list or a string."), .required("item", .any, "What must be absent."), message]),
            function("fails", "test.fails(fn, text, message)",
                     "Passes when calling `fn` raises an error whose message contains `text`; returns the message.",
                     [.required("fn", .function(body), "What must fail."), .optional("text", .string, "Text the error must contain."), message],
                     results: [.required("error", .string, "The error's message.")]),
            function("rejects", "test.rejects(fn, text, message)",
                     "Passes when calling `fn` makes a driver refuse the input (exit 2, e.g. the plugin's host.reject), not fail otherwise.",
                     [.required("fn", .function(body), "What must be refused."), .optional("text", .string, "Text the error must contain."), message],
                     results: [.required("error", .string, "The error's message.")]),
            function("goal", "test.goal(goal, options)",
                     "Reads a goal (and with `users`, runs it on that CSV): the `run goal --json` document plus detected, conditions, names.",
                     [.required("goal", .string, "The goal."),
                      .optional("options", .table, "users (a CSV beside the test), seed, k (number or \"2-6\"), algo, strict.")],
                     results: [.required("run", .table, "The run document.")]),
            function("feature", "test.feature(name, user)", "One feature formula of this plugin on one user.",
                     [.required("name", .string, "The feature."), .required("user", .table, "Column → value.")],
                     results: [.required("value", .number, "The feature's value.")]),
            function("features", "test.features(user)", "Every feature of this plugin on one user.",
                     [.required("user", .table, "Column → value.")], results: [.required("values", .map(.number), "Feature → value.")]),
            function("persona", "test.persona(cluster)", "This plugin's persona(cluster) on a cluster summary (left-out fields are neutral).",
                     [.required("cluster", .table, "Cluster fields: index, size, share, means, z, profile, filter, taken, attempt.")],
                     results: [.required("persona", .table, "{ name, traits }.")]),
            function("formulate", "test.formulate(request)", "A formulation: the `run formulate --json` document plus included and excluded_ids.",
                     [.required("request", .table, "persona, concerns, skin_type, budget, exclude.")], results: [.required("run", .table, "The formulation.")]),
            function("feedback", "test.feedback(feedback)", "One feedback through the learning pipeline: the `feedback add --json` outcome.",
                     [.required("feedback", .table, "persona, type, value, target, time (ISO 8601), interaction = { input, output, context }.")],
                     results: [.required("outcome", .table, "status, signals, changes, version, message.")]),
            function("tag", "test.tag(example)", "This plugin's tagging function on one example.",
                     [.required("example", .table, "The example's fields.")], results: [.required("tag", .any, "What the tagging function returns.")]),
            function("photo", "test.photo(photo)", "One photo through this plugin's photos scores, weights and reject rule.",
                     [.required("photo", .table, "Its measures: file, format, bytes, width, height, sharpness, brightness, shadows, highlights, faces, face, hash, age_days.")],
                     results: [.required("verdict", .table, "{ scores, overall, accepted, reasons }.")]),
            function("photo_set", "test.photo_set(photos)", "A photo set as photos check judges it: duplicates, scores, the gate, the training configuration.",
                     [.required("photos", .list(.table), "The photos' measures, in file order.")],
                     results: [.required("set", .table, "{ ready, reasons, notes, training, accepted, total, duplicates, photos }.")]),
            function("validation", "test.validation(scores)", "This plugin's validation gate on a model's check scores.",
                     [.required("scores", .map(.number), "Check name → value (0–1).")], results: [.required("verdict", .table, "{ passed, reasons }.")]),
        ]))

    private static let body = FunctionShape(name: nil, signature: "function() … end", doc: "A function of no arguments.", parameters: [], results: [])
    private static let message = SchemaField.optional("message", .string, "Shown when the assertion fails.")

    private static func function(_ name: String, _ signature: String, _ doc: String, _ parameters: [SchemaField],
                                 results: [SchemaField] = []) -> HostAPIEntry {
        HostAPIEntry(name: name, doc: doc, kind: .function(FunctionShape(name: nil, signature: signature, doc: doc,
                                                                        parameters: parameters, results: results)))
    }
}
