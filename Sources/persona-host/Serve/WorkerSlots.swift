/// At most `count` pipelines at once (one per pooled plugin set); the others wait their turn in
/// arrival order. An async semaphore: waiting suspends the request's task, no thread blocks.
actor WorkerSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = max(1, count) }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
