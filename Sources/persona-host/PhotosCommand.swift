import ArgumentParser
import Builtins
import Foundation
import Host

/// `persona-host photos …`: photo sets for face personas (seed 001), judged by a plugin's
/// `photos` rules.
struct PhotosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "photos",
        abstract: "Measure and judge photo sets for face personas.",
        subcommands: [PhotosCheckCommand.self]
    )
}

/// Options of the commands that judge photos: which plugins, which photo plugin, workers.
struct PhotoRulesOptions: ParsableArguments {
    @OptionGroup var plugins: PluginOptions
    @OptionGroup var loading: PluginLoadOptions
    @Option(name: .customLong("plugin"), help: ArgumentHelp("The plugin whose photos rules to apply (default: the only one with a `photos` table).", valueName: "name"))
    var pluginName: String?
    @Option(help: ArgumentHelp("Threads decoding and measuring (default: the machine's cores).", valueName: "n"))
    var workers: Int?

    func validate() throws {
        if let workers, !(1...64).contains(workers) { throw ValidationError("--workers must be from 1 to 64, got \(workers)") }
    }

    /// Loads the plugins and picks the photo rules.
    func rules() throws -> (PhotoRules, PluginSession) {
        let session = try PluginSession.load(plugins, loading)
        session.warnOnStderr()
        return (try PhotoRules(from: session.set, named: pluginName), session)
    }

    func check(_ rules: PhotoRules) -> PhotoSetCheck {
        PhotoSetCheck(rules: rules, workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// `photos check DIR`: each photo's measures, scores and verdict, and the set's training gate.
struct PhotosCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Score every photo of a folder and put the set to the training gate.",
        discussion: """
            Every file of the folder (hidden files and subfolders are skipped, and listed) must be a \
            JPEG or PNG photo. Each is decoded, measured (size, sharpness, exposure, faces with OpenCV's \
            frontal-face detector, a perceptual hash, the EXIF capture date) and judged by the plugin's \
            photos rules: scores, overall, accepted or the reasons it is not. The set gets the training \
            gate's verdict and, when ready, the training configuration.
            Exit codes: 0 whatever the verdict, 1 the face detector cannot run, 2 a missing folder or a file \
            that is not a readable photo (every one named), 3 plugin missing or broken.
            """)

    @Argument(help: ArgumentHelp("The folder of photos.", valueName: "dir")) var folder: String
    @Flag(inversion: .prefixedNo, help: "Print the report as JSON on stdout (default: the config file's json, else no).") var json: Bool?
    @OptionGroup var options: PhotoRulesOptions

    func run() throws {
        let (rules, _) = try options.rules()
        ProgressLine.stage("checking photos with \(rules.plugin.name) \(rules.plugin.manifest.version)")
        let report = try options.check(rules).run(folder: folder)
        ProgressLine.stage("")
        if json ?? Settings.current.config?.json ?? false { return try Output.json(report) }
        Output.lines(PhotoReportText.lines(report))
    }
}
