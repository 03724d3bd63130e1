import Builtins
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `persona-bench photos`: how many photos per second `photos check` gets through, and where the
/// time goes, on the 100-photo ``PhotoSetFixture`` (about a megapixel each).
///
/// In this process, on one CPU (the thread pinned with `sched_setaffinity`, so OpenCV's TBB
/// workers, created after, share it), each photo in turn is (a) read and decoded (`PhotoFile`,
/// EXIF date included), then (b) measured from its pixels without faces (`PhotoMeasures`), then
/// (c) searched for faces (`FaceDetector`); each step's time is summed over the set, three runs,
/// medians reported. Photos are handled one at a time so at most one is in memory. Then (d) the
/// whole command, `persona-host photos check DIR --json` of the release build, as a child process
/// timed from spawn to exit with its peak RSS from `/usr/bin/time`: three runs on the same CPU,
/// three with all CPUs. A command that fails is that row's error in the report, never a figure.
struct PhotosBenchmark {
    static let runs = 3

    func run() -> PhotosOutcome {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("persona-bench-photos-\(getpid())")
        defer { try? fm.removeItem(at: work) }
        var outcome = PhotosOutcome(loadAtStart: MachineInfo.loadAverage())
        let fixture: PhotoSetFixture
        do { fixture = try PhotoSetFixture.write(into: work.appendingPathComponent("photos")) } catch {
            fail("photos: cannot write the photo set from \(PhotoSetFixture.source.path): \(error)")
        }
        outcome.summary = fixture.summary
        let detector: FaceDetector
        do { detector = try FaceDetector() } catch { fail("photos: \(error)") }

        let pin = CPUAffinity.pinToOneCPU()
        outcome.cpu = pin?.cpu
        var decode = PhotoStep(name: "(a) decode: `PhotoFile` (read, JPEG/PNG decode, EXIF date)")
        var measures = PhotoStep(name: "(b) pixel measures without faces: `PhotoMeasures(image)`")
        var faces = PhotoStep(name: "(c) face detection: `FaceDetector.faces(in:)`")
        _ = pass(Array(fixture.photos.prefix(4)), detector: detector)  // warm-up: first calls into libjpeg, libpng, OpenCV
        for run in 0..<Self.runs {
            let (cpu0, wall0) = (CPUAffinity.processCPUSeconds(), ContinuousClock.now)
            let result = pass(fixture.photos, detector: detector)
            let wall = (ContinuousClock.now - wall0).components
            outcome.cpuPerWall.append((CPUAffinity.processCPUSeconds() - cpu0) / (Double(wall.seconds) + Double(wall.attoseconds) / 1e18))
            decode.seconds.append(result.decode)
            measures.seconds.append(result.measures)
            faces.seconds.append(result.faces)
            outcome.photosWithFaces = result.withFaces
            let dates = result.dates, written = fixture.photos.filter { $0.taken != nil }.count
            guard dates == written else { fail("photos: \(dates) EXIF dates read back, \(written) written") }
            outcome.datesRead = dates
            FileHandle.standardError.write(Data("persona-bench: photos run \(run + 1): decode \(Format.fixed(result.decode, 2)) s, measures \(Format.fixed(result.measures, 2)) s, faces \(Format.fixed(result.faces, 2)) s\n".utf8))
        }
        outcome.steps = [decode, measures, faces]

        // (d) the command itself, pinned to the same CPU, then free to use all of them.
        let arguments = ["photos", "check", fixture.folder.path, "--json"]
        outcome.command = ".build/release/persona-host photos check WORK/photos --json"
        outcome.steps.append(command(arguments, name: "(d) `persona-host photos check DIR --json`, one CPU", count: fixture.photos.count))
        pin?.restore()
        outcome.steps.append(command(arguments, name: "(d) `persona-host photos check DIR --json`, all CPUs", count: fixture.photos.count))
        outcome.loadAtEnd = MachineInfo.loadAverage()
        return outcome
    }

    /// One pass over `photos`: each step's seconds summed, photos with a face, EXIF dates read.
    private func pass(_ photos: [PhotoSetFixture.Photo], detector: FaceDetector) -> (decode: Double, measures: Double, faces: Double, withFaces: Int, dates: Int) {
        var totals = (decode: 0.0, measures: 0.0, faces: 0.0, withFaces: 0, dates: 0)
        for photo in photos {
            let file: PhotoFile
            do {
                let timed = try Timing.measure { () throws(PhotoError) in try PhotoFile(path: photo.path) }
                totals.decode += timed.nanoseconds / 1e9
                file = timed.result
            } catch { fail("photos: \(error)") }
            guard file.image.width == photo.width, file.image.height == photo.height else {
                fail("photos: \(photo.path) decoded to \(file.image.width)×\(file.image.height), written \(photo.width)×\(photo.height)")
            }
            let measured = Timing.measure { PhotoMeasures(file.image) }
            totals.measures += measured.nanoseconds / 1e9
            do {
                let found = try Timing.measure { () throws(PhotoError) in try detector.faces(in: file.image) }
                totals.faces += found.nanoseconds / 1e9
                if !found.result.isEmpty { totals.withFaces += 1 }
            } catch { fail("photos: \(photo.path): \(error)") }
            if file.taken != nil { totals.dates += 1 }
        }
        return totals
    }

    /// Three runs of `persona-host ARGUMENTS`; the first failure ends them and is the row's error.
    private func command(_ arguments: [String], name: String, count: Int) -> PhotoStep {
        var step = PhotoStep(name: name)
        let binary = RepositoryPaths.binaryFolder.appendingPathComponent("persona-host")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            step.error = "no persona-host binary at \(binary.path) (`swift build -c release --product persona-host`)"
            return step
        }
        for _ in 0..<Self.runs {
            let run = ChildProcess.run(binary, arguments)
            if run.status != 0 {
                let said = run.output.split(separator: "\n").prefix(2).joined(separator: " / ")
                step.error = "exited with status \(run.status): \(said.prefix(300))"
            } else if (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) == nil {
                step.error = "exited 0 but printed no JSON: \(run.stdout.prefix(200))"
            }
            if step.error != nil {
                step.seconds = []
                FileHandle.standardError.write(Data("persona-bench: photos: ERROR: \(name): \(step.error!)\n".utf8))
                return step
            }
            step.seconds.append(run.milliseconds / 1000)
            step.rssMiB = max(step.rssMiB ?? 0, run.peakRSSMiB)
        }
        return step
    }
}

/// One row of the photo benchmark: a step's total seconds over the set per run, or why it failed.
struct PhotoStep {
    var name: String
    var seconds: [Double] = []
    /// Peak RSS of a child process (the largest of its runs).
    var rssMiB: Double?
    var error: String?

    var median: Double? { seconds.isEmpty ? nil : Timing.median(seconds) }
}

/// Pinning this thread (and the threads and processes it starts) to one CPU, and the process's CPU time.
/// glibc declares `sched_setaffinity` only under `_GNU_SOURCE`, which Swift's Glibc module does not set,
/// so it is looked up with `dlsym`.
struct CPUAffinity {
    private typealias Call = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
    /// The mask to put back.
    private var saved: [UInt8]
    let cpu: Int

    /// Pins the calling thread to the first CPU it may run on; nil (and a note on stderr) when that fails.
    static func pinToOneCPU() -> CPUAffinity? {
        guard let get = call("sched_getaffinity"), let set = call("sched_setaffinity") else { return nil }
        var mask = [UInt8](repeating: 0, count: 128)
        guard mask.withUnsafeMutableBytes({ get(0, 128, $0.baseAddress!) }) == 0,
              let byte = mask.firstIndex(where: { $0 != 0 }) else { return nil }
        let bit = mask[byte].trailingZeroBitCount
        var one = [UInt8](repeating: 0, count: 128)
        one[byte] = 1 << bit
        guard one.withUnsafeMutableBytes({ set(0, 128, $0.baseAddress!) }) == 0 else {
            FileHandle.standardError.write(Data("persona-bench: photos: cannot pin to one CPU; the steps run unpinned\n".utf8))
            return nil
        }
        return CPUAffinity(saved: mask, cpu: byte * 8 + bit)
    }

    /// Puts the saved mask back.
    func restore() {
        guard let set = Self.call("sched_setaffinity") else { return }
        var mask = saved
        _ = mask.withUnsafeMutableBytes { set(0, 128, $0.baseAddress!) }
    }

    private static func call(_ name: String) -> Call? {
        dlsym(nil, name).map { unsafeBitCast($0, to: Call.self) }
    }

    /// User plus system seconds of this whole process (all its threads) so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
