import GRDB

extension PersonaDatabase {
    /// The schema, as named migrations applied in order. A migration, once released, never
    /// changes: a schema change is a new migration appended here.
    ///
    /// - `v1.users`: the users table with the seed's columns. It is `STRICT`, so SQLite itself
    ///   refuses a value of the wrong type, and the seed's documented ranges are CHECK
    ///   constraints (NULL passes: every column but `user_id` may be missing). Columns a user's
    ///   CSV brings are added later by import, with `ALTER TABLE … ADD COLUMN`.
    /// - `v1.runs`: runs, their personas and their members. A persona's members are one BLOB of
    ///   little-endian Int64 user ids (see ``MemberIDCodec``), not one row per member: saving a
    ///   570,000-member run is then a handful of row writes and one 4.5 MB memcpy (milliseconds),
    ///   where 570,000 indexed rows would take seconds and triple the file's growth.
    ///   Deleting a run cascades to its personas and members.
    /// - `v1.column-cache`: `users_column_cache`, a columnar copy of `users` (see
    ///   ``UsersColumnCache``), and the triggers that empty it whenever `users` changes.
    /// - `v2.learning`: what personas learn from feedback (``LearningStore``): every version of
    ///   every persona's traits (`persona_versions`, append-only; one `active` per persona), the
    ///   learner's running state per persona (`learner_states`: smoothing and rate windows, which
    ///   change even when a trait does not), the interaction log, feedback instances (with a unique fingerprint, so duplicates are
    ///   ignored) and the signals each produced, with the version it produced.
    /// - `v3.checksums`: a `checksum` (``BlobChecksum``) beside every BLOB read back as numbers —
    ///   each column-cache entry and each run's member list — verified on every load, since
    ///   SQLite does not notice bytes damaged inside a BLOB. The cache is derived data, so it is
    ///   emptied (rebuilt on first use with checksums); member lists saved before have no
    ///   checksum (NULL) and are checked by their length only.
    /// - `v4.users-fingerprint`: `users_fingerprint` (``UsersFingerprintTable``), the `users`
    ///   table's change counter kept by triggers and its content hash cached against it; the
    ///   hash of an existing table is computed on first use.
    /// - `v4.runs-data`: each run's ``UsersFingerprint`` (`users_rows`, `users_hash`,
    ///   `users_version`; NULL for runs saved before, which say they have none).
    /// - `v5.face-personas`: face personas, their consent, photos, trained versions and trainer
    ///   jobs (`face_*`, cascading from `face_personas`), the `audit_log` and the
    ///   `pending_removals` of store folders (see ``FaceStore``).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1.users") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    user_id INTEGER PRIMARY KEY,
                    age INTEGER CHECK (age BETWEEN 0 AND 120),
                    gender TEXT,
                    city_tier TEXT,
                    privacy_pref REAL CHECK (privacy_pref BETWEEN 0 AND 1),
                    price_sensitivity REAL CHECK (price_sensitivity BETWEEN 0 AND 1),
                    brand_awareness_bose REAL CHECK (brand_awareness_bose BETWEEN 0 AND 1),
                    emi_flag INTEGER CHECK (emi_flag IN (0, 1)),
                    device_count INTEGER CHECK (device_count >= 0),
                    has_children INTEGER CHECK (has_children IN (0, 1)),
                    parenting_stage TEXT,
                    occupation TEXT,
                    education_level TEXT,
                    family_size INTEGER CHECK (family_size >= 1),
                    income_source TEXT
                ) STRICT
                """)
        }
        migrator.registerMigration("v1.runs") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    created_at TEXT NOT NULL,
                    pipeline TEXT NOT NULL,
                    goal TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    matched_rows INTEGER NOT NULL,
                    parameters TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(parameters)),
                    summary TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary)),
                    plugin_versions TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(plugin_versions))
                ) STRICT;

                CREATE TABLE personas (
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    share REAL NOT NULL,
                    centroid TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(centroid)),
                    z_scores TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(z_scores)),
                    traits TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(traits)),
                    profile TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(profile)),
                    PRIMARY KEY (run_id, idx)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE persona_members (
                    run_id INTEGER NOT NULL,
                    persona_idx INTEGER NOT NULL,
                    member_count INTEGER NOT NULL,
                    user_ids BLOB NOT NULL,
                    PRIMARY KEY (run_id, persona_idx),
                    FOREIGN KEY (run_id, persona_idx) REFERENCES personas(run_id, idx) ON DELETE CASCADE
                ) STRICT;
                """)
        }
        migrator.registerMigration("v1.column-cache") { db in
            try db.execute(sql: """
                CREATE TABLE users_column_cache (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    position INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    encoding TEXT NOT NULL,
                    row_count INTEGER NOT NULL,
                    null_count INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    dictionary BLOB
                ) STRICT
                """)
            try UsersColumnCache.createTriggers(db)
        }
        migrator.registerMigration("v2.learning") { db in
            try db.execute(sql: """
                CREATE TABLE persona_versions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    persona TEXT NOT NULL,
                    major INTEGER NOT NULL,
                    minor INTEGER NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('active', 'superseded', 'rejected')),
                    traits TEXT NOT NULL CHECK (json_valid(traits)),
                    states TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(states)),
                    parent TEXT,
                    reason TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    UNIQUE (persona, major, minor)
                ) STRICT;
                CREATE UNIQUE INDEX one_active_version ON persona_versions(persona) WHERE status = 'active';

                CREATE TABLE learner_states (
                    persona TEXT PRIMARY KEY,
                    states TEXT NOT NULL CHECK (json_valid(states))
                ) STRICT;

                CREATE TABLE interactions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    persona TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    input TEXT NOT NULL,
                    output TEXT NOT NULL,
                    context TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(context))
                ) STRICT;

                CREATE TABLE feedback (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    persona TEXT NOT NULL,
                    interaction_id INTEGER REFERENCES interactions(id),
                    type TEXT NOT NULL,
                    target TEXT,
                    value TEXT NOT NULL CHECK (json_valid(value)),
                    created_at TEXT NOT NULL,
                    source TEXT NOT NULL,
                    fingerprint TEXT NOT NULL UNIQUE,
                    status TEXT NOT NULL CHECK (status IN ('applied', 'pending', 'rejected')),
                    version TEXT
                ) STRICT;
                CREATE INDEX feedback_by_persona ON feedback(persona, status);

                CREATE TABLE signals (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
                    trait TEXT NOT NULL,
                    adjustment REAL NOT NULL,
                    confidence REAL NOT NULL,
                    weight REAL NOT NULL
                ) STRICT;
                CREATE INDEX signals_by_feedback ON signals(feedback_id);
                """)
        }
        migrator.registerMigration("v3.checksums") { db in
            try db.execute(sql: """
                ALTER TABLE users_column_cache ADD COLUMN checksum INTEGER;
                DELETE FROM users_column_cache;
                ALTER TABLE persona_members ADD COLUMN checksum INTEGER;
                """)
        }
        migrator.registerMigration("v4.users-fingerprint") { db in
            try UsersFingerprintTable.create(db)
        }
        migrator.registerMigration("v4.runs-data") { db in
            try db.execute(sql: """
                ALTER TABLE runs ADD COLUMN users_rows INTEGER;
                ALTER TABLE runs ADD COLUMN users_hash INTEGER;
                ALTER TABLE runs ADD COLUMN users_version INTEGER;
                """)
        }
        migrator.registerMigration("v5.face-personas") { db in
            try FaceStore.createTables(db)
        }
        return migrator
    }
}
