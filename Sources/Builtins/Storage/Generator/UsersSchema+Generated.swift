extension UsersSchema {
    /// The `users` table the generator makes (`data generate`, the default sample): the seed
    /// columns plus `true_segment`, known without opening a database. What `plugins types`
    /// gives `u` when there is no database to read the columns from.
    public static let generated = UsersSchema(columns: UserStore.generatedColumns.map { name in
        if let seed = SeedColumn.named(name) {
            return UserColumnInfo(name: seed.name, type: seed.type, isSeed: true)
        }
        return UserColumnInfo(name: name, type: .text, isSeed: false)  // true_segment (UserStore.insertGenerated)
    })
}
