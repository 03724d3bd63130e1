/// What `host.reject(message)` recorded during the current call: the plugin's way of saying
/// "the user's input is wrong" (an unknown feedback value, a rating out of range) rather than
/// "this plugin is broken".
///
/// The host classifies a failed call by it: a rejection is an input error (exit 2) that the
/// user fixes, any other failure a plugin error (exit 3) that the plugin's author fixes. The
/// recorder is cleared before every call, so a rejection a plugin caught with `pcall` and then
/// recovered from does not outlive its call.
final class InputRejection {
    /// The message of the last `host.reject` in the current call, if any.
    private(set) var message: String?

    func clear() { message = nil }

    func record(_ message: String) { self.message = message }

    /// Whether the call's failure, whose text is `failure`, is the recorded rejection.
    func explains(_ failure: String) -> Bool {
        guard let message else { return false }
        return failure.contains(message)
    }
}
