import GRDB

/// Up to ``BatchedInsert/rowsPerStatement`` parsed CSV records waiting to be inserted by one
/// multi-row statement.
///
/// Values are checked and converted as each record is read (so errors name their line); text
/// bytes are copied into one arena, because the reader reuses its buffer for the next record.
/// Noncopyable: it owns the arena's memory.
struct ImportBatch: ~Copyable {
    enum Kind: UInt8 { case null, integer, real, text }

    let columnCount: Int
    private(set) var rowCount = 0
    private var kinds: [Kind]
    /// Integer values, or Double bit patterns, per slot (row × columns + column).
    private var numbers: [Int64]
    private var textStarts: [Int]
    private var textCounts: [Int]
    /// Text bytes of the batch's rows, back to back (grown by doubling; freed in `deinit`).
    private var arena: UnsafeMutableRawPointer
    private var arenaCapacity = 64 * 1024
    private var arenaCount = 0
    /// The line and user id of each row.
    private(set) var lines: [Int] = []
    private(set) var userIDs: [Int64] = []

    init(columnCount: Int) {
        self.columnCount = columnCount
        let slots = columnCount * BatchedInsert.rowsPerStatement
        kinds = Array(repeating: .null, count: slots)
        numbers = Array(repeating: 0, count: slots)
        textStarts = Array(repeating: 0, count: slots)
        textCounts = Array(repeating: 0, count: slots)
        arena = .allocate(byteCount: arenaCapacity, alignment: 8)
    }

    deinit {
        arena.deallocate()
    }

    var isFull: Bool { rowCount == BatchedInsert.rowsPerStatement }

    @inline(__always) private func slot(_ column: Int) -> Int { rowCount * columnCount + column }

    @inline(__always) mutating func setNull(_ column: Int) {
        kinds[slot(column)] = .null
    }

    @inline(__always) mutating func set(_ column: Int, integer: Int64) {
        let slot = slot(column)
        kinds[slot] = .integer
        numbers[slot] = integer
    }

    @inline(__always) mutating func set(_ column: Int, real: Double) {
        let slot = slot(column)
        kinds[slot] = .real
        numbers[slot] = Int64(bitPattern: real.bitPattern)
    }

    @inline(__always) mutating func set(_ column: Int, text bytes: UnsafeRawBufferPointer) {
        let slot = slot(column)
        kinds[slot] = .text
        if arenaCount + bytes.count > arenaCapacity {
            var capacity = arenaCapacity * 2
            while capacity < arenaCount + bytes.count { capacity *= 2 }
            let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
            grown.copyMemory(from: arena, byteCount: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = capacity
        }
        if let source = bytes.baseAddress { (arena + arenaCount).copyMemory(from: source, byteCount: bytes.count) }
        textStarts[slot] = arenaCount
        textCounts[slot] = bytes.count
        arenaCount += bytes.count
    }

    /// Completes the current row.
    mutating func finishRow(line: Int, userID: Int64) {
        lines.append(line)
        userIDs.append(userID)
        rowCount += 1
    }

    /// Binds rows `first ..< first + statement.rows` and executes `statement`.
    func insert(rows first: Int, with statement: BatchedInsert.Statement) throws(StepError) {
        for row in 0..<statement.rows {
            for column in 0..<columnCount {
                let slot = (first + row) * columnCount + column
                let parameter = Int32(row * columnCount + column + 1)
                switch kinds[slot] {
                case .null: statement.bindNull(parameter)
                case .integer: statement.bind(parameter, numbers[slot])
                case .real: statement.bind(parameter, Double(bitPattern: UInt64(bitPattern: numbers[slot])))
                case .text:
                    statement.bindText(parameter, UnsafeRawBufferPointer(start: arena + textStarts[slot], count: textCounts[slot]))
                }
            }
        }
        try statement.execute()
    }

    /// Empties the batch for the next rows.
    mutating func clear() {
        rowCount = 0
        arenaCount = 0
        lines.removeAll(keepingCapacity: true)
        userIDs.removeAll(keepingCapacity: true)
    }
}
