import Glibc

/// One extended regular expression (POSIX ERE, what `grep -E` reads), compiled once and
/// matched against UTF-8 bytes ignoring ASCII case.
///
/// glibc's `regexec` takes a lock inside each compiled expression, so every worker compiles
/// its own copy (``copy()``) rather than share one.
public final class PatternMatcher {
    public let pattern: String
    private let regex: UnsafeMutablePointer<regex_t>

    /// Compiles `pattern`; the error says what the regex library found wrong.
    public init(_ pattern: String) throws(PatternError) {
        // Compiled before any property is set: a failing init must not reach deinit's regfree.
        let compiled = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        let status = regcomp(compiled, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB)
        guard status == 0 else {
            var message = [CChar](repeating: 0, count: 256)
            regerror(status, compiled, &message, message.count)
            compiled.deallocate()
            let text = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw PatternError(pattern: pattern, message: text)
        }
        self.pattern = pattern
        regex = compiled
    }

    deinit {
        regfree(regex)
        regex.deallocate()
    }

    /// A separate compiled copy, for another thread.
    public func copy() throws(PatternError) -> PatternMatcher { try PatternMatcher(pattern) }

    /// Whether the expression matches anywhere in `text`.
    public func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else {
            return regexec(regex, "", 0, nil, 0) == 0
        }
        var range = regmatch_t(rm_so: 0, rm_eo: regoff_t(text.count))
        return base.withMemoryRebound(to: CChar.self, capacity: text.count) { pointer in
            regexec(regex, pointer, 1, &range, REG_STARTEND) == 0
        }
    }
}

/// A pattern the regex library refuses.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public var pattern: String
    public var message: String

    public var description: String { "pattern \"\(pattern)\" is not a valid extended regular expression: \(message)" }
}
