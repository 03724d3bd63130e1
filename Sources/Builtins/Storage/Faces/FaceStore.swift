import Foundation
import GRDB

/// The face personas' tables (`face_personas`, `face_consents`, `face_photos`, `face_versions`,
/// `face_jobs`), the `audit_log` and the `pending_removals` of store folders.
///
/// Like ``LearningStore``: reads are plain methods or ``read(_:_:)`` for one consistent snapshot;
/// every write goes through ``write(_:_:)``, one `BEGIN IMMEDIATE` transaction, so a persona is
/// created (consent, photos, audit entry) or deleted (every row, its audit entry and the pending
/// removal of its folder) whole or not at all. Every `face_*` row cascades from its persona.
/// The photo and model files live outside the database, in the face store folder the host
/// manages; this store only records their paths.
public struct FaceStore: Sendable {
    public let database: PersonaDatabase

    public init(database: PersonaDatabase) {
        self.database = database
    }

    /// The tables that hold a persona's data, each with its persona column: a deletion must
    /// leave no row in any of them.
    public static let personaTables = ["face_personas": "id", "face_consents": "persona_id", "face_photos": "persona_id",
                                       "face_versions": "persona_id", "face_jobs": "persona_id"]

    /// Runs `body` in one write transaction; anything it throws rolls everything back.
    public func write<T>(_ operation: String, _ body: (FaceTransaction) throws -> T) throws -> T {
        try database.writeTransaction(operation) { db in try body(FaceTransaction(db: db, database: database.path)) }
    }

    /// Runs `body` in one read transaction (a consistent snapshot).
    public func read<T>(_ operation: String, _ body: (FaceTransaction) throws -> T) throws -> T {
        try database.read(operation) { db in try body(FaceTransaction(db: db, database: database.path)) }
    }

    /// The schema of migration `v5.face-personas`. Tables are `STRICT`; JSON columns are checked
    /// with `json_valid`; statuses are CHECK constraints.
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE face_personas (
                id TEXT PRIMARY KEY,
                trigger_word TEXT NOT NULL UNIQUE COLLATE NOCASE,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE face_consents (
                persona_id TEXT PRIMARY KEY REFERENCES face_personas(id) ON DELETE CASCADE,
                record TEXT NOT NULL CHECK (json_valid(record)),
                signed_at TEXT NOT NULL,
                stored_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE face_photos (
                id TEXT PRIMARY KEY,
                persona_id TEXT NOT NULL REFERENCES face_personas(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                file_name TEXT NOT NULL,
                stored_path TEXT NOT NULL,
                format TEXT NOT NULL,
                bytes INTEGER NOT NULL CHECK (bytes >= 0),
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                overall REAL NOT NULL,
                scores TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(scores)),
                accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
                reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
                measures TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(measures)),
                UNIQUE (persona_id, position)
            ) STRICT;

            CREATE TABLE face_versions (
                persona_id TEXT NOT NULL REFERENCES face_personas(id) ON DELETE CASCADE,
                version INTEGER NOT NULL CHECK (version >= 1),
                status TEXT NOT NULL CHECK (status IN ('training', 'validating', 'ready', 'failed', 'exported')),
                config TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
                model_ref TEXT,
                validation TEXT CHECK (validation IS NULL OR json_valid(validation)),
                error TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (persona_id, version)
            ) STRICT;

            CREATE TABLE face_jobs (
                id TEXT PRIMARY KEY,
                persona_id TEXT NOT NULL REFERENCES face_personas(id) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                trainer TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
                progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
                error TEXT,
                external_id TEXT,
                host_pid INTEGER NOT NULL,
                started_at TEXT NOT NULL,
                completed_at TEXT,
                FOREIGN KEY (persona_id, version) REFERENCES face_versions(persona_id, version) ON DELETE CASCADE
            ) STRICT;
            CREATE INDEX face_jobs_by_persona ON face_jobs(persona_id, status);

            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
            ) STRICT;

            CREATE TABLE pending_removals (
                path TEXT PRIMARY KEY,
                reason TEXT NOT NULL,
                since TEXT NOT NULL
            ) STRICT;
            """)
    }
}
