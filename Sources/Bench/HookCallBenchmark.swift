import Builtins
import BenchFloor
import Host
import Plugins
import LuaBridge

/// Cost of one hook call from Swift (three numbers in, one out) next to the same call made
/// from plain C against the same liblua: the floor.
///
/// Besides the floor proper, the C side is also run with the host's sandbox pieces added one by
/// one (the instruction-count hook, the budgeted allocator with `clua_begin_call`/`clua_end_call`,
/// then both), so a gap between Swift and the floor can be put down to the bridge or to the sandbox.
/// All series are interleaved in short rounds, so a noisy neighbour hits them alike.
struct HookCallBenchmark {
    /// The formula every series calls.
    static let source = "return function(a, b, c) return a * 0.4 + b * 0.3 + c * 0.3 end"
    /// The Swift call may cost at most this many times the C floor.
    static let targetRatio = 1.2

    /// Calls per repetition.
    var calls = 2_000_000
    /// Repetitions per series (the figure is their median).
    var repetitions = 7
    /// Rounds each repetition is cut into.
    static let blocks = 16

    /// One C series: a floor state with some of the sandbox's pieces.
    private struct CSeries {
        var name: String
        var options: Int32
    }

    private static let cSeries = [
        CSeries(name: "hook call, plain C floor", options: Int32(BENCH_FLOOR_PLAIN)),
        CSeries(name: "C + the host's count hook", options: Int32(BENCH_FLOOR_COUNT_HOOK)),
        CSeries(name: "C + the host's budgeted allocator and begin/end call", options: Int32(BENCH_FLOOR_BUDGET)),
        CSeries(name: "C + both (the host's sandbox state)", options: Int32(BENCH_FLOOR_COUNT_HOOK | BENCH_FLOOR_BUDGET)),
    ]

    func run() -> BenchmarkResult {
        let runtime: LuaRuntime
        let function: LuaFunctionRef
        do {
            runtime = try LuaRuntime()
            let chunk = try runtime.compile(HookCallBenchmark.source, chunkName: "bench")
            guard let f = try runtime.call(chunk).first?.functionValue else { fail("the formula chunk returned no function") }
            function = f
        } catch {
            fail("cannot set up the Swift runtime: \(error)")
        }
        let floors = HookCallBenchmark.cSeries.map { series -> OpaquePointer in
            guard let floor = bench_floor_create(HookCallBenchmark.source, series.options) else {
                fail("cannot create a C floor state (\(series.name))")
            }
            if let error = bench_floor_error(floor) { fail("C floor (\(series.name)): \(String(cString: error))") }
            return floor
        }
        defer { floors.forEach { bench_floor_destroy($0) } }

        // Warm-up: caches, branch predictors, the CPU's clock.
        let block = calls / HookCallBenchmark.blocks
        _ = swiftLoop(runtime, function, calls: block)
        for floor in floors { _ = cLoop(floor, calls: block) }

        // Each repetition is `blocks` rounds; every round runs one block of every series, so a
        // noisy neighbour that comes and goes within a repetition hits all series alike.
        var swiftSamples: [Double] = []
        var cSamples = Array(repeating: [Double](), count: floors.count)
        // Per repetition, each series minus the floor: paired, so load that shifts both cancels out.
        var overFloor = Array(repeating: [Double](), count: floors.count + 1)  // Swift, then the C series
        for _ in 0..<repetitions {
            var swift = (nanoseconds: 0.0, sum: 0.0)
            var c = Array(repeating: (nanoseconds: 0.0, sum: 0.0), count: floors.count)
            for _ in 0..<HookCallBenchmark.blocks {
                let run = swiftLoop(runtime, function, calls: block)
                swift = (swift.nanoseconds + run.nanoseconds, swift.sum + run.sum)
                for (index, floor) in floors.enumerated() {
                    let run = cLoop(floor, calls: block)
                    c[index] = (c[index].nanoseconds + run.nanoseconds, c[index].sum + run.sum)
                }
            }
            for (index, series) in c.enumerated() where series.sum != swift.sum {
                fail("\(HookCallBenchmark.cSeries[index].name) summed \(series.sum), the Swift path \(swift.sum): not the same work")
            }
            let perCall = Double(block * HookCallBenchmark.blocks)
            swiftSamples.append(swift.nanoseconds / perCall)
            for index in c.indices { cSamples[index].append(c[index].nanoseconds / perCall) }
            let floorPerCall = c[0].nanoseconds / perCall
            overFloor[0].append(swift.nanoseconds / perCall - floorPerCall)
            for index in c.indices { overFloor[index + 1].append(c[index].nanoseconds / perCall - floorPerCall) }
        }

        let reps = "median of \(repetitions) × \(Format.grouped(block * HookCallBenchmark.blocks)) calls"
        let swift = Timing.median(swiftSamples)
        let cMedians = cSamples.map(Timing.median)
        let floor = cMedians[0]
        var figures = [
            Figure(name: "hook call, Swift `LuaRuntime.callNumber`", value: swift, unit: "ns", target: nil, repetitions: reps),
            Figure(name: HookCallBenchmark.cSeries[0].name, value: floor, unit: "ns", target: nil, repetitions: reps),
            Figure(name: "hook call, Swift / C floor", value: swift / floor, unit: "x", target: HookCallBenchmark.targetRatio,
                   repetitions: "ratio of the two medians"),
        ]
        for index in 1..<floors.count {
            figures.append(Figure(name: HookCallBenchmark.cSeries[index].name, value: cMedians[index], unit: "ns",
                                  target: nil, repetitions: reps))
        }
        let notes = [
            "Hook call: `\(HookCallBenchmark.source)` called with 3 numbers, 1 number back; every series makes the same calls "
                + "(their results sum to the same value), interleaved in \(HookCallBenchmark.blocks) rounds per repetition.",
            "Cost per call over the floor (medians of the per-repetition differences): the Swift path "
                + "\(format(Timing.median(overFloor[0]))) ns; the host's count hook alone \(format(Timing.median(overFloor[2]))) ns; "
                + "the budgeted allocator with begin/end call \(format(Timing.median(overFloor[3]))) ns; both together "
                + "\(format(Timing.median(overFloor[4]))) ns. With any hook set, Lua 5.4 runs every VM instruction of the call "
                + "through `luaG_traceexec` (its \"trap\" mode), which is what the count hook costs.",
        ]
        return BenchmarkResult(figures: figures, notes: notes)
    }

    /// `calls` calls through the Swift bridge; the time and the sum of the results.
    @inline(never)
    private func swiftLoop(_ runtime: LuaRuntime, _ function: LuaFunctionRef, calls: Int) -> (nanoseconds: Double, sum: Double) {
        let (nanoseconds, sum) = Timing.measure { () -> Double in
            var sum = 0.0
            for i in 0..<calls {
                do {
                    sum += try runtime.callNumber(function, Double(i & 1023) * (1.0 / 1024), 0.5, 0.25)
                } catch {
                    fail("Swift hook call failed: \(error)")
                }
            }
            return sum
        }
        return (nanoseconds, sum)
    }

    /// `calls` calls made by the C floor; the time and the sum of the results.
    @inline(never)
    private func cLoop(_ floor: OpaquePointer, calls: Int) -> (nanoseconds: Double, sum: Double) {
        let (nanoseconds, sum) = Timing.measure { bench_floor_run(floor, Int64(calls)) }
        if sum.isNaN { fail("C floor call failed: \(bench_floor_error(floor).map { String(cString: $0) } ?? "?")") }
        return (nanoseconds, sum)
    }

    private func format(_ nanoseconds: Double) -> String { Format.fixed(nanoseconds, 1) }
}
