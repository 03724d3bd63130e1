/// Damage storage found itself (a BLOB failing its checksum, a member list of the wrong length),
/// thrown inside a read or write and reported by ``PersonaDatabase/failure(_:operation:waited:)``
/// as ``StorageError/corrupt(path:detail:)`` naming the file.
struct DamageFound: Error {
    /// What was found where ("the column cache's 'age' column fails its checksum").
    let detail: String
}
