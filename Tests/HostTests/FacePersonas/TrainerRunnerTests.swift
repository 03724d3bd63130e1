import Foundation
import Testing
@testable import Host
import TestSupport

/// The trainer runner on its own: stopping a trainer that ignores SIGTERM, a request it never
/// reads, and line handling.
@Suite struct TrainerRunnerTests {
    func run(_ script: String, timeout: TimeInterval?, request: Data = Data("{}".utf8)) throws -> (TrainerRunner.Outcome, [Int]) {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var progress: [Int] = []
        let runner = TrainerRunner(command: script, workingDirectory: folder.path, request: request, timeout: timeout, killGrace: 0.3)
        let outcome = try runner.run(started: { _ in }, progress: { percent, _, _ in progress.append(percent) })
        return (outcome, progress)
    }

    @Test func aTrainerThatIgnoresSIGTERMIsKilled() throws {
        let started = Date()
        let (outcome, progress) = try run(#"trap '' TERM; echo '{"status":"training","progress":7}'; sleep 30"#, timeout: 0.5)
        #expect(outcome == .failed("no result after 0.5 s"))
        #expect(progress == [7])
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aTrainerThatNeverReadsItsRequestDoesNotBlockTheHost() throws {
        let big = Data(repeating: UInt8(ascii: " "), count: 1 << 20)  // far more than a pipe holds
        let (outcome, _) = try run(#"echo '{"status":"failed","error":"no"}'"#, timeout: 10, request: big)
        #expect(outcome == .failed("no"))
    }

    @Test func theRequestArrivesWholeAndTheWorkingDirectoryIsTheOutput() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let request = Data(#"{"protocol":"persona-host-trainer/1"}"#.utf8)
        let script = #"cat > got.json; pwd -P > where.txt; echo '{"status":"trained","model":"got.json"}'"#
        let outcome = try TrainerRunner(command: script, workingDirectory: folder.path, request: request, timeout: 10)
            .run(started: { _ in }, progress: { _, _, _ in })
        #expect(outcome == .trained(model: "got.json"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("got.json")) == request)
        let cwd = try String(contentsOf: folder.appendingPathComponent("where.txt"), encoding: .utf8)
        #expect(cwd.trimmingCharacters(in: .newlines) == folder.resolvingSymlinksInPath().path)
    }

    @Test func aLastLineWithoutNewlineCountsAndCRLFIsAccepted() throws {
        let (outcome, progress) = try run(#"printf '{"status":"training","progress":3}\r\n\n{"status":"trained","model":"m"}'"#, timeout: 10)
        #expect(outcome == .trained(model: "m") && progress == [3])
    }

    @Test func aReportedModelWithAFailingExitIsAFailure() throws {
        let (outcome, _) = try run(#"echo '{"status":"trained","model":"m"}'; echo oops >&2; exit 4"#, timeout: 10)
        #expect(outcome == .failed("trainer reported a model but exited with status 4; last stderr: oops"))
    }

    @Test func aKilledTrainerSaysWhichSignal() throws {
        let (outcome, _) = try run("kill -9 $$", timeout: 10)
        #expect(outcome == .failed("trainer was killed by signal 9 before reporting a result"))
    }
}
