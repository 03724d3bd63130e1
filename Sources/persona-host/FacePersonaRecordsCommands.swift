import ArgumentParser
import Builtins
import Foundation
import Host

/// `face-persona list`: every persona with its state.
struct FacePersonaListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List face personas with their state and photos.")
    @OptionGroup var store: FaceStoreOptions

    func run() throws {
        guard let service = try store.service(.read) else {
            if store.wantsJSON { return try Output.json([FacePersonaSummary]()) }
            return Output.lines(["no face personas (no database at \(DatabaseOptions.defaultPath))"])
        }
        let personas = try service.list()
        if store.wantsJSON { return try Output.json(personas) }
        Output.lines(FacePersonaText.list(personas))
    }
}

/// `face-persona show NAME`: consent, photos, versions and jobs.
struct FacePersonaShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a face persona: consent, photos, versions and training jobs.")
    @Argument(help: ArgumentHelp("The persona's trigger word.", valueName: "name")) var name: String
    @OptionGroup var store: FaceStoreOptions

    func run() throws {
        let detail = try store.existing().show(triggerWord: name)
        if store.wantsJSON { return try Output.json(detail) }
        Output.lines(FacePersonaText.show(detail))
    }
}

/// `face-persona versions NAME`: every version, oldest first.
struct FacePersonaVersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "versions", abstract: "List every version of a face persona, oldest first.")
    @Argument(help: ArgumentHelp("The persona's trigger word.", valueName: "name")) var name: String
    @OptionGroup var store: FaceStoreOptions

    func run() throws {
        let versions = try store.existing().versions(triggerWord: name)
        if store.wantsJSON { return try Output.json(versions) }
        Output.lines(FacePersonaText.versions(name, versions))
    }
}

/// `face-persona delete NAME`: everything of the persona, with an audit entry.
struct FacePersonaDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a face persona: its photos, copies, models in the store, consent and records.",
        discussion: """
            The records go in one transaction with an audit entry (counts and the persona's id, no name); the \
            persona's folder in the face store is removed with retries, and a removal that cannot finish is \
            retried the next time the store is opened (the output says so). Models and exports outside the \
            store are listed: removing them is yours to do. The trigger word can be used again.
            Exit codes: 0 deleted, 2 unknown persona or a training still running.
            """)
    @Argument(help: ArgumentHelp("The persona's trigger word.", valueName: "name")) var name: String
    @OptionGroup var store: FaceStoreOptions

    func run() throws {
        let report = try store.existing().delete(triggerWord: name)
        if store.wantsJSON { return try Output.json(report) }
        Output.lines(FacePersonaText.deleted(report))
    }
}

/// `persona-host audit …`: the audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Read the audit log.", subcommands: [AuditListCommand.self])
}

/// `audit list`: every entry, oldest first.
struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List audit entries, oldest first (face persona creation, training, validation, deletion).",
        discussion: "Entries name personas by id only and hold counts and states, never names, photos or consent details.")
    @OptionGroup var store: FaceStoreOptions

    func run() throws {
        guard let service = try store.service(.read) else {
            if store.wantsJSON { return try Output.json([AuditEntry]()) }
            return Output.lines(["no audit entries (no database at \(DatabaseOptions.defaultPath))"])
        }
        let entries = try service.audit()
        if store.wantsJSON { return try Output.json(entries) }
        Output.lines(try FacePersonaText.audit(entries))
    }
}
