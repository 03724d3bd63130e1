/// Where the table constructors of one Lua file are, and where each of their fields is written.
///
/// Built from `LuaTokenizer`'s tokens: every `{` is a constructor; at a constructor's own level
/// (not inside a nested function body, parenthesis or bracket) fields are `name = value`,
/// `[key] = value` or positional values, separated by `,` or `;`. A field whose value starts
/// with `{` is linked to that constructor, so a path such as `clustering.k.min` can be followed
/// through nested literals; a field whose value is a single literal keeps it, so a runtime table
/// can be recognised by its values (`id = "retinol"`).
struct TableSites {
    /// One `{ … }` in the source.
    struct Site {
        var file: String
        /// The line of the `{`.
        var line: Int
        var fields: [Field] = []
        /// Whether this is the constructor right after a top-level `return` (the module's value).
        var isReturned = false

        var positionalCount: Int { fields.filter { if case .index = $0.key { true } else { false } }.count }

        func field(_ key: Field.Key) -> Field? { fields.first { $0.key == key } }
    }

    /// One field of a constructor.
    struct Field {
        enum Key: Equatable {
            case name(String)
            case index(Int)
            case other
        }
        enum Literal: Equatable {
            case string(String)
            case number(Double)
            case bool(Bool)
        }
        var key: Key
        var line: Int
        var literal: Literal?
        /// The site whose `{` starts this field's value.
        var constructor: Int?
    }

    var sites: [Site] = []

    /// The constructors of `bytes`, the contents of the file named `file` in messages.
    init(file: String, bytes: [UInt8]) {
        let tokens = LuaTokenizer.tokens(bytes)
        enum Context { case constructor(Int), paren, bracket(isKey: Bool), block }
        struct Pending { var site: Int; var field: Int; var valueStart: Int; var tokens: Int }
        var stack: [Context] = []
        // Per open constructor: the field being read and where its value started.
        var atFieldStart: [Int: Bool] = [:]
        var current: [Int: Pending] = [:]
        var nextIndex: [Int: Int] = [:]
        var pendingKey: [Int: Field.Key] = [:]
        var sites: [Site] = []

        func constructorOnTop() -> Int? {
            if case .constructor(let s)? = stack.last { return s }
            return nil
        }
        func literal(_ token: LuaTokenizer.Token) -> Field.Literal? {
            switch token.kind {
            case .string(let s): return .string(s)
            case .number(let n): return Double(n).map(Field.Literal.number)
            case .name("true"): return .bool(true)
            case .name("false"): return .bool(false)
            default: return nil
            }
        }
        func closeField(_ site: Int, endingAt end: Int) {
            guard let pending = current[site] else { return }
            if pending.tokens == 1, let lit = literal(tokens[pending.valueStart]) {
                sites[site].fields[pending.field].literal = lit
            }
            current[site] = nil
        }

        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            // A new field starts at this token?
            if let site = constructorOnTop(), atFieldStart[site] == true {
                switch token.kind {
                case .symbol("}"), .symbol(","), .symbol(";"):
                    break
                case .name(let name) where i + 1 < tokens.count && tokens[i + 1].kind == .symbol("="):
                    atFieldStart[site] = false
                    sites[site].fields.append(Field(key: .name(name), line: token.line))
                    current[site] = Pending(site: site, field: sites[site].fields.count - 1, valueStart: i + 2, tokens: 0)
                    i += 2
                    continue
                case .symbol("["):
                    // `[key] = value`: the key is a literal when it is one token.
                    atFieldStart[site] = false
                    var key = Field.Key.other
                    if i + 3 < tokens.count, tokens[i + 2].kind == .symbol("]"), tokens[i + 3].kind == .symbol("=") {
                        switch tokens[i + 1].kind {
                        case .string(let s): key = .name(s)
                        case .number(let n): if let v = Int(n) { key = .index(v) }
                        default: break
                        }
                        sites[site].fields.append(Field(key: key, line: token.line))
                        current[site] = Pending(site: site, field: sites[site].fields.count - 1, valueStart: i + 4, tokens: 0)
                        i += 4
                        continue
                    }
                    pendingKey[site] = .other
                    stack.append(.bracket(isKey: true))
                    i += 1
                    continue
                default:
                    atFieldStart[site] = false
                    let index = (nextIndex[site] ?? 0) + 1
                    nextIndex[site] = index
                    sites[site].fields.append(Field(key: .index(index), line: token.line))
                    current[site] = Pending(site: site, field: sites[site].fields.count - 1, valueStart: i, tokens: 0)
                }
            }
            if let site = constructorOnTop(), current[site] != nil, !(token.kind == .symbol(",") || token.kind == .symbol(";") || token.kind == .symbol("}")) {
                current[site]!.tokens += 1
            }
            switch token.kind {
            case .symbol("{"):
                let returned = i > 0 && tokens[i - 1].kind == .name("return") && stack.isEmpty
                sites.append(Site(file: file, line: token.line, isReturned: returned))
                let index = sites.count - 1
                if let parent = constructorOnTop(), let pending = current[parent], pending.valueStart == i {
                    sites[parent].fields[pending.field].constructor = index
                }
                stack.append(.constructor(index))
                atFieldStart[index] = true
            case .symbol("}"):
                if let site = constructorOnTop() {
                    closeField(site, endingAt: i)
                    stack.removeLast()
                } else if let last = stack.lastIndex(where: { if case .constructor = $0 { true } else { false } }) {
                    stack.removeSubrange(last...)  // unbalanced source: recover
                }
            case .symbol(","), .symbol(";"):
                if let site = constructorOnTop() {
                    closeField(site, endingAt: i)
                    atFieldStart[site] = true
                }
            case .symbol("("):
                stack.append(.paren)
            case .symbol(")"):
                if case .paren? = stack.last { stack.removeLast() }
            case .symbol("["):
                stack.append(.bracket(isKey: false))
            case .symbol("]"):
                if case .bracket(let isKey)? = stack.last {
                    stack.removeLast()
                    if isKey, let site = constructorOnTop(), i + 1 < tokens.count, tokens[i + 1].kind == .symbol("=") {
                        sites[site].fields.append(Field(key: pendingKey[site] ?? .other, line: token.line))
                        current[site] = Pending(site: site, field: sites[site].fields.count - 1, valueStart: i + 2, tokens: 0)
                        i += 2
                        continue
                    }
                }
            case .name("function"), .name("if"), .name("do"), .name("repeat"):
                stack.append(.block)
            case .name("end"), .name("until"):
                if case .block? = stack.last { stack.removeLast() }
            default:
                break
            }
            i += 1
        }
        self.sites = sites
    }
}
