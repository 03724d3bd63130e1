import Builtins
import Host

/// What `data stats` prints: every column's NULLs and summary, and which plugins read it; as
/// JSON (raw numbers) or as text for an 80-column terminal (numbers through `NumberFormat`).
struct StatsReport: Encodable {
    /// One value of a text column and how many rows have it.
    struct Value: Encodable {
        var value: String
        var count: Int
    }

    /// One column.
    struct Column: Encodable {
        var name: String
        var type: String
        var nonNull: Int
        var nulls: Int
        var min: Double?
        var p25: Double?
        var median: Double?
        var p75: Double?
        var max: Double?
        var mean: Double?
        /// The population standard deviation.
        var sd: Double?
        var distinct: Int?
        /// The most frequent values, up to `--values`.
        var values: [Value]?
        /// The distinct values not listed.
        var valuesOmitted: Int?
        /// `values` as value → count (kept from earlier versions).
        var top: [String: Int]?
        var readBy: [ColumnReaders.Reader]
    }

    /// A column some plugin reads that the users table does not have.
    struct Missing: Encodable {
        var column: String
        var readBy: [ColumnReaders.Reader]
    }

    var rows: Int
    var database: String
    var columns: [Column]
    var pluginsFolder: String?
    var readByComplete: Bool
    var readByNotes: [String]
    var readButMissing: [Missing]
    /// The INTEGER columns, whose whole values print as integers (text only).
    private var integerColumns: Set<String>

    enum CodingKeys: String, CodingKey {
        case rows, database, columns, pluginsFolder, readByComplete, readByNotes, readButMissing
    }

    init(_ stats: UsersStats, database: String, readBy: StatsReadBy) {
        rows = stats.rowCount
        self.database = database
        columns = stats.columns.map { c in
            let values = c.text?.topValues.map { Value(value: $0.value, count: $0.count) }
            return Column(name: c.name, type: c.type.rawValue, nonNull: c.nonNullCount, nulls: c.nullCount,
                          min: c.numeric?.min, p25: c.numeric?.p25, median: c.numeric?.median, p75: c.numeric?.p75,
                          max: c.numeric?.max, mean: c.numeric?.mean, sd: c.numeric?.standardDeviation,
                          distinct: c.text?.distinctCount, values: values, valuesOmitted: c.text?.omittedCount,
                          top: values.map { Dictionary($0.map { ($0.value, $0.count) }, uniquingKeysWith: { a, _ in a }) },
                          readBy: readBy.readers?.readers(of: c.name) ?? [])
        }
        pluginsFolder = readBy.folder
        readByComplete = readBy.isComplete
        readByNotes = readBy.notes
        let present = Set(stats.columns.map(\.name))
        readButMissing = (readBy.readers?.byColumn ?? [:]).filter { !present.contains($0.key) }
            .sorted { $0.key < $1.key }.map { Missing(column: $0.key, readBy: $0.value) }
        integerColumns = Set(stats.columns.filter { $0.type == .integer }.map(\.name))
    }

    var lines: [String] {
        var lines = TextWrap.text("\(NumberFormat.count(rows)) users in \(database).", lead: "", indent: "  ")
        if let pluginsFolder { lines += TextWrap.text("Read by: the plugins in \(pluginsFolder).", lead: "", indent: "  ") }
        for note in readByNotes { lines += TextWrap.text("Note: \(note).", lead: "", indent: "  ") }
        if !readButMissing.isEmpty {
            let items = readButMissing.map { "\($0.column) (\(readers($0.readBy)))" }
            lines += TextWrap.lines(items, lead: "Read by plugins but not in the table: ", indent: "  ")
        }
        for column in columns {
            lines.append("")
            lines.append("\(column.name)  \(column.type)  \(NumberFormat.count(column.nonNull)) non-null, \(NumberFormat.count(column.nulls)) NULL")
            lines += summary(column)
            lines += TextWrap.lines(column.readBy.isEmpty ? ["no plugin"] : column.readBy.map { "\($0.plugin) (\($0.via.joined(separator: ", ")))" },
                                    lead: "  read by: ", indent: "    ")
        }
        return lines
    }

    /// The numbers or the values of `column`.
    func summary(_ column: Column) -> [String] {
        if let min = column.min, let p25 = column.p25, let median = column.median, let p75 = column.p75, let max = column.max,
           let mean = column.mean, let sd = column.sd {
            let integer = integerColumns.contains(column.name)
            let items = [("min", min, integer), ("p25", p25, integer), ("median", median, integer), ("p75", p75, integer),
                         ("max", max, integer), ("mean", mean, false), ("sd", sd, false)]
            return TextWrap.lines(items.map { "\($0.0) \(Self.value($0.1, integer: $0.2))" }, lead: "  ", separator: "  ", indent: "  ")
        }
        if let values = column.values, let distinct = column.distinct, distinct > 0 {
            var items = values.map { "\($0.value) \(NumberFormat.count($0.count))" }
            if let omitted = column.valuesOmitted, omitted > 0 { items.append("… and \(NumberFormat.count(omitted)) more") }
            return TextWrap.lines(items, lead: "  \(NumberFormat.count(distinct)) distinct: ", indent: "    ")
        }
        return [rows == 0 ? "  no values: the table is empty" : "  no values: every row is NULL"]
    }

    /// A column's value: a whole value of an INTEGER column as an integer (exactly, at any
    /// size), anything else through `NumberFormat.value`, whose fixed-point form holds values
    /// below 10^15; larger ones print in Swift's shortest exact form (`1e+17`).
    static func value(_ d: Double, integer: Bool) -> String {
        if integer, d.isFinite, d == d.rounded(), abs(d) < 0x1p63 { return String(Int64(d)) }
        if d.isFinite, abs(d) >= 1e15 { return "\(d)" }
        return NumberFormat.value(d)
    }

    private func readers(_ readers: [ColumnReaders.Reader]) -> String {
        readers.map { "\($0.plugin): \($0.via.joined(separator: ", "))" }.joined(separator: "; ")
    }
}
