import CPCRE2

/// One regular expression of a tagging rule, compiled once (PCRE2, with its JIT) and matched
/// against UTF-8 text ignoring case. The syntax is Perl's, as Python's `re` and `grep -P` read
/// it (`\d`, `\b`, `(?:…)`, alternation); letters and `\w`/`\d` follow Unicode.
///
/// The compiled code is read-only, but each match needs its own scratch space, so every worker
/// thread takes its own copy (``copy()``).
public final class PatternMatcher {
    public let pattern: String
    private let code: OpaquePointer
    private let matchData: OpaquePointer
    /// Whether the expression matches the empty text.
    private var matchesEmpty = false

    /// Compiles `pattern`; the error says what is wrong and where.
    public init(_ pattern: String) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let options = UInt32(PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP)
        let bytes = Array(pattern.utf8)
        // Compiled before any property is set: a failing init must not reach deinit.
        guard let code = bytes.withUnsafeBufferPointer({ buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }) else {
            var message = [UInt8](repeating: 0, count: 256)
            let length = pcre2_get_error_message_8(errorCode, &message, message.count)
            let text = String(decoding: message.prefix(max(0, Int(length))), as: UTF8.self)
            throw PatternError(pattern: pattern, message: "\(text) at character \(errorOffset + 1)")
        }
        _ = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))  // without a JIT, matching is interpreted: slower, same answers
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else {
            pcre2_code_free_8(code)
            throw PatternError(pattern: pattern, message: "out of memory")
        }
        self.pattern = pattern
        self.code = code
        self.matchData = data
        let nothing: [UInt8] = [0]
        matchesEmpty = nothing.withUnsafeBufferPointer { pcre2_match_8(code, $0.baseAddress, 0, 0, 0, data, nil) >= 0 }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_code_free_8(code)
    }

    /// A separate compiled copy, for another thread.
    public func copy() throws(PatternError) -> PatternMatcher { try PatternMatcher(pattern) }

    /// Whether the expression matches anywhere in `text`, which must be valid UTF-8 (every
    /// Swift string is; it is not checked again).
    public func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress, text.count > 0 else { return matchesEmpty }
        return pcre2_match_8(code, base, text.count, 0, UInt32(PCRE2_NO_UTF_CHECK), matchData, nil) >= 0
    }
}

/// A pattern PCRE2 refuses.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public var pattern: String
    public var message: String

    public var description: String { "pattern \"\(pattern)\" is not a valid regular expression: \(message)" }
}
