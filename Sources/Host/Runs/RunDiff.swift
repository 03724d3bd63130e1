import Builtins

/// `runs diff A B`: how the personas of two saved runs correspond, from their stored members.
///
/// The personas are matched one to one by member overlap with an optimal assignment
/// (``OptimalAssignment``, the Hungarian method) on the overlap matrix: the pairing that keeps
/// the most users together, which a greedy largest-overlap-first pairing can miss. A pair that
/// shares no user is no match. Every user of either run is then counted once:
///
/// - in both runs, in matched personas: `stayed`;
/// - in both runs, in personas that are not each other's match: `moved` (listed in `moves`,
///   from the first run's persona to the second's);
/// - in one run only: `onlyFirst`, `onlySecond`.
///
/// So for each persona of the first run, size = overlap + moved out + left (not in the second
/// run), and for the second run's, size = overlap + moved in + joined; the totals add up the
/// same way (`stayed + moved + onlyFirst` = the first run's members).
public struct RunDiff: Sendable, Encodable {
    /// One run's side.
    public struct Side: Sendable, Encodable {
        public var run: Int64
        public var goal: String
        public var members: Int
        public var personas: Int
    }

    /// A persona of either run.
    public struct PersonaRef: Sendable, Encodable, Equatable {
        /// `run:RUN/N`.
        public var id: String
        public var name: String
        public var size: Int
    }

    /// A persona of the first run and its match in the second (either is nil when unmatched).
    public struct Pair: Sendable, Encodable {
        public var first: PersonaRef?
        public var second: PersonaRef?
        /// Users in both.
        public var overlap: Int
        /// overlap / users in either (Jaccard): 1 when the two have exactly the same members.
        public var overlapShare: Double
        /// second size − first size.
        public var sizeChange: Int
        /// Members of `first` now in another persona of the second run.
        public var movedOut: Int
        /// Members of `second` that were in another persona of the first run.
        public var movedIn: Int
        /// Members of `first` not in the second run at all.
        public var left: Int
        /// Members of `second` not in the first run at all.
        public var joined: Int
    }

    /// Users who went from a persona of the first run to a persona of the second that is not its match.
    public struct Move: Sendable, Encodable {
        public var from: PersonaRef
        public var to: PersonaRef
        public var users: Int
    }

    public var first: Side
    public var second: Side
    /// Matched pairs (in the first run's order), then the first run's unmatched personas, then the second's.
    public var pairs: [Pair]
    /// Largest first.
    public var moves: [Move]
    public var stayed: Int
    public var moved: Int
    public var onlyFirst: Int
    public var onlySecond: Int

    /// Compares saved runs `first` and `second`.
    public static func compare(_ first: Int64, _ second: Int64, in runs: SavedRuns) throws -> RunDiff {
        let a = try runs.goalRun(first), b = try runs.goalRun(second)
        return RunDiff(first: a, firstMembers: try runs.store.memberships(runID: first),
                       second: b, secondMembers: try runs.store.memberships(runID: second))
    }

    /// Compares two runs given their personas and memberships.
    public init(first a: GoalRun, firstMembers ma: RunMemberships, second b: GoalRun, secondMembers mb: RunMemberships) {
        func refs(_ run: GoalRun) -> [PersonaRef] {
            run.personas.map { PersonaRef(id: RunPersonaID(run: run.runID ?? 0, number: $0.index).description, name: $0.name, size: $0.size) }
        }
        let left = refs(a), right = refs(b)
        // Persona index (1-based) → position in `personas`.
        let positionA = Dictionary(uniqueKeysWithValues: a.personas.enumerated().map { ($1.index, $0) })
        let positionB = Dictionary(uniqueKeysWithValues: b.personas.enumerated().map { ($1.index, $0) })

        // One merge over the two ascending member lists.
        var overlap = [[Int]](repeating: [Int](repeating: 0, count: right.count), count: left.count)
        var onlyA = [Int](repeating: 0, count: left.count), onlyB = [Int](repeating: 0, count: right.count)
        var i = 0, j = 0
        while i < ma.count || j < mb.count {
            if j >= mb.count || (i < ma.count && ma.userIDs[i] < mb.userIDs[j]) {
                if let p = positionA[Int(ma.personaIndexes[i])] { onlyA[p] += 1 }
                i += 1
            } else if i >= ma.count || mb.userIDs[j] < ma.userIDs[i] {
                if let q = positionB[Int(mb.personaIndexes[j])] { onlyB[q] += 1 }
                j += 1
            } else {
                if let p = positionA[Int(ma.personaIndexes[i])], let q = positionB[Int(mb.personaIndexes[j])] { overlap[p][q] += 1 }
                i += 1
                j += 1
            }
        }

        let assigned = OptimalAssignment.maximizing(overlap.map { $0.map(Double.init) })
        var match = [Int?](repeating: nil, count: left.count)
        for (p, q) in assigned.enumerated() where q.map({ overlap[p][$0] > 0 }) == true { match[p] = q }
        var matchOf = [Int?](repeating: nil, count: right.count)
        for (p, q) in match.enumerated() { if let q { matchOf[q] = p } }

        var pairs: [Pair] = []
        var moves: [Move] = []
        var stayed = 0, moved = 0
        for p in left.indices {
            for q in right.indices where match[p] != q && overlap[p][q] > 0 {
                moves.append(Move(from: left[p], to: right[q], users: overlap[p][q]))
                moved += overlap[p][q]
            }
        }
        func pair(_ p: Int?, _ q: Int?) -> Pair {
            let shared = p.flatMap { p in q.map { overlap[p][$0] } } ?? 0
            let sizeA = p.map { overlap[$0].reduce(0, +) + onlyA[$0] } ?? 0
            let sizeB = q.map { q in left.indices.reduce(0) { $0 + overlap[$1][q] } + onlyB[q] } ?? 0
            let union = sizeA + sizeB - shared
            return Pair(first: p.map { left[$0] }, second: q.map { right[$0] }, overlap: shared,
                        overlapShare: union > 0 ? Double(shared) / Double(union) : 0, sizeChange: sizeB - sizeA,
                        movedOut: p.map { overlap[$0].reduce(0, +) - shared } ?? 0,
                        movedIn: q.map { q in left.indices.reduce(0) { $0 + overlap[$1][q] } - shared } ?? 0,
                        left: p.map { onlyA[$0] } ?? 0, joined: q.map { onlyB[$0] } ?? 0)
        }
        for p in left.indices {
            if let q = match[p] {
                pairs.append(pair(p, q))
                stayed += overlap[p][q]
            }
        }
        for p in left.indices where match[p] == nil { pairs.append(pair(p, nil)) }
        for q in right.indices where matchOf[q] == nil { pairs.append(pair(nil, q)) }
        moves.sort { ($0.users, $1.from.id, $1.to.id) > ($1.users, $0.from.id, $0.to.id) }

        first = Side(run: a.runID ?? 0, goal: a.goal, members: ma.count, personas: left.count)
        second = Side(run: b.runID ?? 0, goal: b.goal, members: mb.count, personas: right.count)
        self.pairs = pairs
        self.moves = moves
        self.stayed = stayed
        self.moved = moved
        onlyFirst = onlyA.reduce(0, +)
        onlySecond = onlyB.reduce(0, +)
    }
}
