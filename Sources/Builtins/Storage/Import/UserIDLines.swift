/// The line of each `user_id` seen so far, to name both lines of a duplicate.
///
/// Files are usually sorted by id: while ids only increase, a new id cannot repeat an earlier
/// one and only the maximum is kept. At the first id that does not increase, a dictionary of
/// all ids so far is built from the kept arrays and used from then on.
struct UserIDLines {
    private var maximum = Int64.min
    private var ids: [Int64] = []
    private var lines: [Int] = []
    private var index: [Int64: Int]?

    /// True while every id so far was larger than the one before.
    var isAscending: Bool { index == nil }

    /// Records `id` at `line`; returns the earlier line if `id` was already seen.
    mutating func insert(_ id: Int64, line: Int) -> Int? {
        if index == nil {
            if id > maximum || ids.isEmpty {
                maximum = id
                ids.append(id)
                lines.append(line)
                return nil
            }
            var built = [Int64: Int](minimumCapacity: ids.count * 2)
            for (id, line) in zip(ids, lines) { built[id] = line }
            index = built
            ids = []
            lines = []
        }
        if let first = index?[id] { return first }
        index?[id] = line
        return nil
    }
}
