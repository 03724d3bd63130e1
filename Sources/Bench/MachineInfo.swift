import Builtins
import Foundation

/// The machine the figures were taken on, as the report states it.
struct MachineInfo: Sendable {
    /// `uname -srm`.
    var uname: String
    /// `nproc`: processors this process may run on.
    var processors: Int
    /// The first `model name` in /proc/cpuinfo.
    var cpuModel: String
    /// The first line of `swift --version`, when a toolchain is on the PATH.
    var swiftVersion: String?
    /// The 1-minute load average when the benchmark started (how busy the shared machine was).
    var loadAverage: String?

    /// Reads it all from the running system.
    static func current() -> MachineInfo {
        MachineInfo(uname: output(of: "uname", ["-srm"]) ?? unameFallback(),
                    processors: output(of: "nproc", []).flatMap { Int($0) } ?? ProcessInfo.processInfo.activeProcessorCount,
                    cpuModel: cpuModel() ?? "unknown",
                    swiftVersion: output(of: "swift", ["--version"]).flatMap { $0.split(separator: "\n").first.map(String.init) },
                    loadAverage: loadAverage())
    }

    private static func cpuModel() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The 1-minute load average now.
    static func loadAverage() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.map(String.init)
    }

    private static func unameFallback() -> String {
        let info = ProcessInfo.processInfo
        return "\(info.operatingSystemVersionString)"
    }

    /// The trimmed stdout of `command arguments` found on the PATH, or nil when it cannot run or fails.
    private static func output(of command: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
