import Builtins
import LuaBridge
import Plugins

/// The `test` table one test file sees, and what the file declares and asserts.
///
/// `test.case(name, fn)` declares a case; the assertions (`equal`, `near`, `truthy`, `falsy`,
/// `contains`, `excludes`, `fails`, `rejects`) record the first failure of the running case with where it
/// was asserted and the two values, then stop the case with a Lua error. A failure is recorded
/// even if the test catches that error with `pcall`. The drivers (`goal`, `feature`, `features`,
/// `persona`, `formulate`, `feedback`, `tag`) are ``TestDrivers``.
final class TestSession {
    /// A declared test case.
    struct Case {
        var name: String
        var function: LuaFunctionRef
    }

    private(set) var cases: [Case] = []
    /// The first failed assertion of the running case.
    var failure: PluginTestReport.Failure?
    /// Whether a case is running (declaring cases then is a mistake).
    var running = false
    /// The last error a driver raised, with its exit class (`test.rejects` tells input errors apart).
    var driverFailure: (message: String, status: ExitStatus)?
    let drivers: TestDrivers

    init(drivers: TestDrivers) { self.drivers = drivers }

    /// The functions of `test`, by name (the schema of the test API lists the same names).
    static let functions = ["case", "equal", "near", "truthy", "falsy", "contains", "excludes", "fails", "rejects",
                            "goal", "feature", "features", "persona", "formulate", "feedback", "tag", "photo", "photo_set", "validation"]

    /// The globals a test file gets: `test`.
    func globals(_ runtime: LuaRuntime) -> [String: LuaValue] {
        var api: [String: LuaValue] = [:]
        func define(_ name: String, _ body: @escaping ([LuaValue]) throws -> [LuaValue]) {
            api[name] = .function(runtime.makeFunction(body))
        }
        define("case") { [unowned self] a in
            guard let name = a.first?.stringValue, a.count >= 2, let function = a[1].functionValue else {
                throw LuaRuntime.HostFunctionError("call as test.case(name, function() … end)")
            }
            guard !self.running else { throw LuaRuntime.HostFunctionError("test.case: cases are declared at the top level of a test file, not inside a case") }
            guard !self.cases.contains(where: { $0.name == name }) else {
                throw LuaRuntime.HostFunctionError("test.case: a case named \"\(name)\" is already declared in this file")
            }
            self.cases.append(Case(name: name, function: function))
            return []
        }
        define("equal") { [unowned self, unowned runtime] a in
            let (actual, expected) = (Self.argument(a, 0), Self.argument(a, 1))
            if !TestValue.equal(actual, expected) {
                try self.fail(runtime, Self.message(a, 2, "values differ"), expected: expected, actual: actual)
            }
            return []
        }
        define("near") { [unowned self, unowned runtime] a in
            guard let tolerance = Self.argument(a, 2).doubleValue, tolerance >= 0 else {
                throw LuaRuntime.HostFunctionError("call as test.near(actual, expected, tolerance [, message]) with a tolerance ≥ 0")
            }
            let (actual, expected) = (Self.argument(a, 0), Self.argument(a, 1))
            guard let e = expected.doubleValue else { throw LuaRuntime.HostFunctionError("test.near: expected must be a number") }
            guard let x = actual.doubleValue, abs(x - e) <= tolerance else {
                try self.fail(runtime, Self.message(a, 3, "not within \(TestValue.number(tolerance)) of the expected value"),
                              expected: expected, actual: actual)
                return []
            }
            return []
        }
        define("truthy") { [unowned self, unowned runtime] a in
            let value = Self.argument(a, 0)
            if value == .nil || value == .bool(false) { try self.fail(runtime, Self.message(a, 1, "expected a true value"), actual: value) }
            return []
        }
        define("falsy") { [unowned self, unowned runtime] a in
            let value = Self.argument(a, 0)
            if value != .nil && value != .bool(false) { try self.fail(runtime, Self.message(a, 1, "expected false or nil"), actual: value) }
            return []
        }
        define("contains") { [unowned self, unowned runtime] a in
            let (container, item) = (Self.argument(a, 0), Self.argument(a, 1))
            if try !Self.holds(container, item, "test.contains") {
                try self.fail(runtime, Self.message(a, 2, "\(TestValue.render(item, limit: 80)) not found"), expected: item, actual: container)
            }
            return []
        }
        define("excludes") { [unowned self, unowned runtime] a in
            let (container, item) = (Self.argument(a, 0), Self.argument(a, 1))
            if try Self.holds(container, item, "test.excludes") {
                try self.fail(runtime, Self.message(a, 2, "\(TestValue.render(item, limit: 80)) is present"), actual: container)
            }
            return []
        }
        // test.fails and test.rejects need pcall: each is a Lua wrapper (failsSource) around a check here.
        wrap("fails", in: runtime, into: &api) { [unowned self, unowned runtime] caught, errorText, text, message in
            if !caught {
                try self.fail(runtime, message ?? "expected an error, but the function returned", level: 2)
            }
            try self.expect(errorText, toSay: text, message, runtime)
        }
        wrap("rejects", in: runtime, into: &api) { [unowned self, unowned runtime] caught, errorText, text, message in
            if !caught {
                try self.fail(runtime, message ?? "expected the input to be refused, but the function returned", level: 2)
            } else if let refused = self.driverFailure, errorText.hasSuffix(refused.message) {
                if refused.status != .usage {
                    try self.fail(runtime, message ?? "the error is not a refusal of the input (exit 2) but a \(refused.status == .plugin ? "plugin error (exit 3)" : "failure (exit 1)")",
                                  actual: .string(errorText), level: 2)
                }
            } else {
                try self.fail(runtime, message ?? "the error did not come from a driver (test.goal, test.feedback, …) refusing the input",
                              actual: .string(errorText), level: 2)
            }
            try self.expect(errorText, toSay: text, message, runtime)
        }
        let drivers = drivers
        func driver(_ name: String, _ body: @escaping ([LuaValue]) throws -> LuaValue) {
            define(name) { [unowned self] a in
                self.driverFailure = nil
                do {
                    return [try body(a)]
                } catch let error as TestDrivers.Failure {
                    throw LuaRuntime.HostFunctionError(error.description)
                } catch let error as any UserFacingError {
                    let text = error.description.hasPrefix("test.\(name)") ? error.description : "test.\(name): \(error.description)"
                    self.driverFailure = (text, error.exitStatus)
                    throw LuaRuntime.HostFunctionError(text)
                } catch {
                    throw LuaRuntime.HostFunctionError("test.\(name): \(error)")
                }
            }
        }
        driver("goal", drivers.goal)
        driver("feature", drivers.feature)
        driver("features", drivers.features)
        driver("persona", drivers.persona)
        driver("formulate", drivers.formulate)
        driver("feedback", drivers.feedback)
        driver("tag", drivers.tag)
        driver("photo", drivers.photo)
        driver("photo_set", drivers.photoSet)
        driver("validation", drivers.validation)
        return ["test": .table(Dictionary(uniqueKeysWithValues: api.map { (LuaKey.string($0.key), $0.value) }))]
    }

    /// Defines `test.NAME` as the Lua wrapper of ``failsSource`` around `check(caught, error
    /// text, text, message)`, which records a failure (the asserting line is the wrapper's caller).
    private func wrap(_ name: String, in runtime: LuaRuntime, into api: inout [String: LuaValue],
                      check: @escaping (Bool, String, String?, String?) throws -> Void) {
        let host = runtime.makeFunction { a in
            let error = Self.argument(a, 1)
            let errorText = error.stringValue ?? TestValue.render(error)
            try check(Self.argument(a, 0) == .bool(false), errorText, Self.argument(a, 2).stringValue, Self.argument(a, 3).stringValue)
            return [.string(errorText)]
        }
        do {
            api[name] = try runtime.call(runtime.compile(Self.failsSource, chunkName: "=test.\(name)"), [.function(host)]).first
        } catch {
            let why = error.description
            api[name] = .function(runtime.makeFunction { _ in throw LuaRuntime.HostFunctionError("test.\(name) could not be set up: \(why)") })
        }
    }

    /// A caught error must say `text`, when given.
    private func expect(_ errorText: String, toSay text: String?, _ message: String?, _ runtime: LuaRuntime) throws {
        if let text, !errorText.contains(text) {
            try fail(runtime, message ?? "the error does not say \(TestValue.render(.string(text)))",
                     expected: .string(text), actual: .string(errorText), level: 2)
        }
    }

    /// `test.fails` and `test.rejects`: call `fn` protected and hand the outcome to the host's check.
    static let failsSource = """
        local check, pcall = ..., pcall
        return function(fn, text, message)
          local ok, err = pcall(fn)
          local said = check(ok, err, text, message)
          return said
        end
        """

    /// Records the first failure of the case (with the asserting line) and stops the case.
    private func fail(_ runtime: LuaRuntime, _ message: String, expected: LuaValue? = nil, actual: LuaValue? = nil, level: Int = 1) throws {
        if failure == nil {
            failure = .init(location: runtime.callerLocation(level: level), message: message,
                            expected: expected.map { TestValue.render($0) }, actual: actual.map { TestValue.render($0) })
        }
        throw LuaRuntime.HostFunctionError("assertion failed: \(message)")
    }

    private static func argument(_ a: [LuaValue], _ i: Int) -> LuaValue { i < a.count ? a[i] : .nil }

    private static func message(_ a: [LuaValue], _ i: Int, _ fallback: String) -> String {
        argument(a, i).stringValue ?? fallback
    }

    /// Whether a list holds an equal item, or a string holds the text.
    private static func holds(_ container: LuaValue, _ item: LuaValue, _ call: String) throws -> Bool {
        if let text = container.stringValue {
            guard let part = item.stringValue else { throw LuaRuntime.HostFunctionError("\(call): a string can only contain a string") }
            return text.contains(part)
        }
        guard let items = container.arrayValue else {
            throw LuaRuntime.HostFunctionError("\(call): the first argument must be a list or a string, got \(container.isTable ? "a table with named fields" : container.typeName)")
        }
        return items.contains { TestValue.equal($0, item) }
    }
}
