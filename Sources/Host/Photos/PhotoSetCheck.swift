import Builtins
import Foundation

/// `photos check`: every photo of a folder decoded, measured (faces included) on every core,
/// marked when it nearly duplicates an earlier one, then scored and judged by the `photos`
/// rules, and the set put to the training gate. What `face-persona create` stores, and what
/// `face-persona train` judges again from the stored facts.
public struct PhotoSetCheck {
    public let rules: PhotoRules
    /// The time photo ages are measured to.
    public var now: Date
    public var workers: Int
    public var cascade: String = FaceDetector.defaultCascade

    public init(rules: PhotoRules, now: Date = Date(), workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.rules = rules
        self.now = now
        self.workers = workers
    }

    /// The photo files of `folder` in name order, and the names skipped (hidden files and
    /// folders). Every other file is a candidate: one that is not a photo is reported by name.
    public static func files(in folder: String) throws(PhotoCheckError) -> (files: [String], skipped: [String]) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw .folder(path: folder, problem: "no such folder")
        }
        guard isFolder.boolValue else { throw .folder(path: folder, problem: "is a file; give the folder of photos") }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch {
            throw .folder(path: folder, problem: "cannot be listed (\(error.localizedDescription))")
        }
        var files: [String] = [], skipped: [String] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            var dir: ObjCBool = false
            if name.hasPrefix(".") || (FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue) {
                skipped.append(name)
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw .folder(path: folder, problem: "holds no photo files\(skipped.isEmpty ? "" : " (skipped: \(skipped.joined(separator: ", ")))")") }
        return (files, skipped)
    }

    /// Checks the photos of `folder`.
    public func run(folder: String) throws -> PhotoCheckReport {
        let started = Date()
        let (files, skipped) = try Self.files(in: folder)
        let results: [Result<MeasuredPhoto, PhotoError>]
        do { results = try PhotoBatch.measure(files, cascade: cascade, workers: workers) } catch { throw PhotoCheckError.detector(error) }
        var measured: [MeasuredPhoto] = [], unreadable: [PhotoError] = []
        for result in results {
            switch result {
            case .success(let photo): measured.append(photo)
            case .failure(let error): unreadable.append(error)
            }
        }
        guard unreadable.isEmpty else { throw PhotoCheckError.unreadable(unreadable) }
        var facts: [PhotoFacts] = []
        for photo in measured { facts.append(try PhotoFacts(photo, now: now)) }
        var report = try judge(facts)
        report.folder = folder
        report.skipped = skipped
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Judges photos already measured: duplicates marked afresh, scored, gated and, when the
    /// gate says ready, given their training configuration.
    public func judge(_ facts: [PhotoFacts]) throws -> PhotoCheckReport {
        var facts = facts
        for i in facts.indices { facts[i].duplicateOf = nil }
        let duplicates = PhotoFacts.markDuplicates(&facts, distance: rules.spec.duplicateDistance)
        var photos: [ScoredPhoto] = []
        for f in facts { photos.append(try rules.score(f)) }
        let gate = try rules.gate(photos)
        let config = gate.ready ? try rules.training(photos) : nil
        return PhotoCheckReport(plugin: rules.plugin.name, pluginVersion: rules.plugin.manifest.version, checkedAt: ISO8601DateFormatter().string(from: now),
                                photos: photos, duplicates: duplicates, gate: gate, training: config)
    }
}
