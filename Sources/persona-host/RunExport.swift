import Builtins
import Foundation
import Host

/// What `runs export` writes: every stored member of a run with its persona, ordered by
/// user_id, as CSV (`user_id,persona_index,persona`, exactly the `run goal --members` file) or
/// JSON Lines (one `{"user_id":…,"persona":…,"persona_id":"run:3/1","persona_index":1}` a line).
/// `persona_index` is the persona's 1-based number, as in `run:RUN/N`.
struct RunExport {
    /// `--format`.
    enum Format: String, CaseIterable {
        case csv, jsonl
    }

    let run: GoalRun
    let members: RunMemberships

    /// The file's bytes (built directly: a million lines in well under a second).
    func bytes(_ format: Format) throws -> [UInt8] {
        let runID = run.runID ?? 0
        var suffixes: [Int32: [UInt8]] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        for persona in run.personas {
            let number = persona.index
            switch format {
            case .csv:
                suffixes[Int32(persona.index)] = Array(",\(number),\"\(persona.name.replacingOccurrences(of: "\"", with: "\"\""))\"\n".utf8)
            case .jsonl:
                let name = String(decoding: try encoder.encode(persona.name), as: UTF8.self)
                let id = RunPersonaID(run: runID, number: number)
                suffixes[Int32(persona.index)] = Array(",\"persona\":\(name),\"persona_id\":\"\(id)\",\"persona_index\":\(number)}\n".utf8)
            }
        }
        var bytes = format == .csv ? Array("user_id,persona_index,persona\n".utf8) : []
        bytes.reserveCapacity(members.count * 48)
        let prefix = Array("{\"user_id\":".utf8)
        for (id, persona) in zip(members.userIDs, members.personaIndexes) {
            guard let suffix = suffixes[persona] else {
                throw CLIFailure(status: .failure, message: "run \(runID): user \(id) is stored in persona index \(persona), which the run does not have")
            }
            if format == .jsonl { bytes.append(contentsOf: prefix) }
            bytes.appendDecimal(id)
            bytes.append(contentsOf: suffix)
        }
        return bytes
    }
}
