/// Calls a progress closure about every 1 % of `total`.
struct ProgressReporter {
    let total: Int
    let progress: UserStore.Progress?
    private var next = 0

    init(total: Int, progress: UserStore.Progress?) {
        self.total = max(total, 1)
        self.progress = progress
        progress?(0, self.total)
        next = self.total / 100
    }

    @inline(__always) mutating func report(_ done: Int) {
        guard done >= next, let progress else { return }
        progress(min(done, total), total)
        next = done + total / 100
    }

    func finish() {
        progress?(total, total)
    }
}
