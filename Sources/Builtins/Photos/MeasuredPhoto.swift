import Foundation

/// One photo file decoded and measured: what `photos check` and `face-persona create` judge.
public struct MeasuredPhoto: Sendable {
    public var path: String
    public var format: PhotoFile.Format
    public var bytes: Int
    public var measures: PhotoMeasures
    /// The EXIF capture time, when the file has one.
    public var taken: Date?

    public init(path: String, format: PhotoFile.Format, bytes: Int, measures: PhotoMeasures, taken: Date? = nil) {
        self.path = path
        self.taken = taken
        self.format = format
        self.bytes = bytes
        self.measures = measures
    }

    /// The file's name.
    public var fileName: String { (path as NSString).lastPathComponent }
}

/// Decodes and measures many photo files on every core, faces included, each worker with its
/// own ``FaceDetector`` (an OpenCV classifier is not shared between threads).
///
/// Every file gets a result: its measures or the ``PhotoError`` that names it, in the order
/// given, so a caller can report every unreadable file at once.
public enum PhotoBatch {
    /// The measures of each of `paths`, in order. Only a detector that cannot be created (the
    /// cascade file is missing) throws.
    public static func measure(_ paths: [String], cascade: String = FaceDetector.defaultCascade,
                               workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(PhotoError) -> [Result<MeasuredPhoto, PhotoError>] {
        let count = max(1, min(workers, paths.count))
        var detectors: [FaceDetector] = []
        for _ in 0..<count { detectors.append(try FaceDetector(cascade: cascade)) }
        let slots = Slots(count: paths.count)
        ParallelChunks.forEachIndex(count) { worker in
            var i = worker
            while i < paths.count {
                slots.set(i, measureOne(paths[i], detector: detectors[worker]))
                i += count
            }
        }
        return slots.values.map { $0 ?? .failure(PhotoError(path: "?", message: "was not measured")) }
    }

    static func measureOne(_ path: String, detector: FaceDetector) -> Result<MeasuredPhoto, PhotoError> {
        do {
            let file = try PhotoFile(path: path)
            let measures = try PhotoMeasures(file.image, detector: detector)
            return .success(MeasuredPhoto(path: path, format: file.format, bytes: file.bytes, measures: measures, taken: file.taken?.date))
        } catch {
            return .failure(error)
        }
    }

    /// One slot per photo; each index is written by exactly one worker.
    private final class Slots: @unchecked Sendable {
        // Safe: worker w writes only indices ≡ w (mod workers), and the values are read after
        // `forEachIndex` returns.
        var values: [Result<MeasuredPhoto, PhotoError>?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Result<MeasuredPhoto, PhotoError>) { values[i] = value }
    }
}
