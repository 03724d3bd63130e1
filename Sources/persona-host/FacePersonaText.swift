import Builtins
import Foundation
import Host

/// Face personas for people: what each `face-persona` command prints without `--json`.
enum FacePersonaText {
    static func created(_ detail: FacePersonaDetail, _ report: PhotoCheckReport) -> [String] {
        var lines = ["created face persona \(detail.persona.triggerWord) (\(detail.persona.id)): \(detail.photos.count) photos stored, "
                     + "\(report.accepted) accepted, consent signed \(detail.consent?.signedAt ?? "?")"]
        lines += [""] + PhotoReportText.lines(report)
        lines.append("")
        lines.append(report.gate.ready ? "next: face-persona train \(detail.persona.triggerWord) --trainer CMD (or --trainer export --out DIR)"
                                       : "train needs the gate to say ready: add photos, or edit the rules, and create the persona again")
        return lines
    }

    static func trained(_ name: String, _ version: FaceVersionRecord, _ trainer: TrainerChoice) -> [String] {
        switch version.status {
        case .exported:
            if case .export(let folder) = trainer {
                return ["exported \(name) version \(version.version) to \(folder): photos/, config.json, request.json",
                        "the persona is exported: persona-host trained no model; run your own trainer on the folder"]
            }
            return ["exported \(name) version \(version.version)"]
        case .validating:
            return ["trained \(name) version \(version.version): model \(version.modelRef ?? "(none reported)")",
                    "next: face-persona validate \(name) --scores FILE"]
        default:
            return ["\(name) version \(version.version): \(version.status.rawValue)\(version.error.map { ": \($0)" } ?? "")"]
        }
    }

    static func validated(_ name: String, _ version: FaceVersionRecord, _ verdict: ValidationVerdict) -> [String] {
        verdict.passed ? ["\(name) version \(version.version) passed validation: ready"]
                       : ["\(name) version \(version.version) failed validation:"] + verdict.reasons.map { "  - \($0)" }
    }

    static func list(_ personas: [FacePersonaSummary]) -> [String] {
        guard !personas.isEmpty else { return ["no face personas"] }
        var rows = [["persona", "status", "version", "photos", "created"]]
        for p in personas {
            rows.append([p.triggerWord, p.status.rawValue, p.latestVersion.map(String.init) ?? "-", "\(p.acceptedPhotos)/\(p.totalPhotos)", p.createdAt])
        }
        return Output.columns(rows, rightAligned: [2, 3])
    }

    static func show(_ d: FacePersonaDetail) -> [String] {
        var lines = ["\(d.persona.triggerWord) (\(d.persona.id)): \(d.status.rawValue), created \(d.persona.createdAt)",
                     "store: \(d.folder)",
                     "consent: signed \(d.consent?.signedAt ?? "(none)"), stored \(d.consent?.storedAt ?? "-")", ""]
        var rows = [["photo", "pixels", "overall", "verdict"]]
        for p in d.photos {
            rows.append([p.fileName, "\(p.width)×\(p.height)", String(format: "%.0f", p.overall), p.accepted ? "accepted" : p.reasons.joined(separator: "; ")])
        }
        lines += Output.columns(rows, rightAligned: [2])
        if !d.versions.isEmpty { lines += [""] + versions(d.persona.triggerWord, d.versions) }
        if !d.jobs.isEmpty {
            lines.append("")
            var jobs = [["job", "version", "trainer", "status", "progress", "error"]]
            for j in d.jobs { jobs.append([j.id, "\(j.version)", j.trainer, j.status.rawValue, "\(j.progress)%", j.error ?? ""]) }
            lines += Output.columns(jobs, rightAligned: [1, 4])
        }
        return lines
    }

    static func versions(_ name: String, _ versions: [FaceVersionRecord]) -> [String] {
        guard !versions.isEmpty else { return ["\(name) has no versions yet (pending): train it with face-persona train"] }
        var rows = [["version", "status", "steps", "model", "created", "note"]]
        for v in versions {
            var steps = "-"
            if case .object(let config) = v.config, case .number(let n)? = config["training_steps"] { steps = String(Int(n)) }
            rows.append(["\(v.version)", v.status.rawValue, steps, v.modelRef ?? "-", v.createdAt, v.error ?? ""])
        }
        return Output.columns(rows, rightAligned: [0, 2])
    }

    static func deleted(_ r: FaceDeletionReport) -> [String] {
        var lines = ["deleted face persona \(r.triggerWord) (\(r.personaID)): \(r.photos) photos, \(r.versions) versions, \(r.jobs) jobs, "
                     + "\(r.files) files (\(r.bytes) bytes); audit entry \(r.auditID)"]
        if let pending = r.pendingRemoval {
            lines.append("not yet removed: \(pending) (it is retried every time the face store is opened)")
        }
        for model in r.externalModels { lines.append("outside the store, not removed: model \(model)") }
        for folder in r.exportFolders { lines.append("outside the store, not removed: export \(folder)") }
        lines.append("the trigger word \(r.triggerWord) is free again")
        return lines
    }

    static func audit(_ entries: [AuditEntry]) throws -> [String] {
        guard !entries.isEmpty else { return ["no audit entries"] }
        var rows = [["id", "at", "action", "persona", "details"]]
        for e in entries {
            rows.append(["\(e.id)", e.at, e.action, e.subject, try JSONDocument(encoding: e.details).text])
        }
        return Output.columns(rows, rightAligned: [0])
    }
}
