import Foundation

/// The server's counters, written in Prometheus' text exposition format (version 0.0.4) by hand:
/// a handful of counters and one latency summary need no library (swift-prometheus would add a
/// dependency and its build time for about forty lines).
///
/// `@unchecked Sendable`: every stored value is read and written under `lock`.
final class ServeMetrics: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [String: Int] = [:]  // "method status" → count
    private var latencySum = 0.0
    private var latencyCount = 0
    private var latencyBuckets = Array(repeating: 0, count: ServeMetrics.bounds.count)
    private var budgetErrors = 0
    private var timeouts = 0

    /// Upper bounds (seconds) of the latency histogram's buckets.
    static let bounds: [Double] = [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30]

    func request(method: String, status: Int, seconds: Double) {
        lock.withLock {
            requests["\(method) \(status)", default: 0] += 1
            latencySum += seconds
            latencyCount += 1
            for (i, bound) in Self.bounds.enumerated() where seconds <= bound { latencyBuckets[i] += 1 }
        }
    }

    func budgetError() { lock.withLock { budgetErrors += 1 } }
    func timeout() { lock.withLock { timeouts += 1 } }

    /// The exposition text, with the plugin generations' state.
    func text(generation: Int, reloadsSucceeded: Int, reloadsFailed: Int) -> String {
        lock.withLock {
            var lines: [String] = []
            lines += ["# HELP persona_host_http_requests_total HTTP requests answered, by method and status.",
                      "# TYPE persona_host_http_requests_total counter"]
            for key in requests.keys.sorted() {
                let parts = key.split(separator: " ")
                lines.append("persona_host_http_requests_total{method=\"\(parts[0])\",status=\"\(parts[1])\"} \(requests[key]!)")
            }
            lines += ["# HELP persona_host_http_request_duration_seconds Time to answer a request.",
                      "# TYPE persona_host_http_request_duration_seconds histogram"]
            for (i, bound) in Self.bounds.enumerated() {
                lines.append("persona_host_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(latencyBuckets[i])")
            }
            lines.append("persona_host_http_request_duration_seconds_bucket{le=\"+Inf\"} \(latencyCount)")
            lines.append("persona_host_http_request_duration_seconds_sum \(latencySum)")
            lines.append("persona_host_http_request_duration_seconds_count \(latencyCount)")
            lines += ["# HELP persona_host_plugin_reloads_total Plugin reloads, by result.",
                      "# TYPE persona_host_plugin_reloads_total counter",
                      "persona_host_plugin_reloads_total{result=\"ok\"} \(reloadsSucceeded)",
                      "persona_host_plugin_reloads_total{result=\"failed\"} \(reloadsFailed)",
                      "# HELP persona_host_plugin_generation The plugin generation serving (0: none).",
                      "# TYPE persona_host_plugin_generation gauge",
                      "persona_host_plugin_generation \(generation)",
                      "# HELP persona_host_sandbox_budget_errors_total Requests stopped by a sandbox budget (instructions, memory, time).",
                      "# TYPE persona_host_sandbox_budget_errors_total counter",
                      "persona_host_sandbox_budget_errors_total \(budgetErrors)",
                      "# HELP persona_host_request_timeouts_total Requests answered 503 at the per-request time limit.",
                      "# TYPE persona_host_request_timeouts_total counter",
                      "persona_host_request_timeouts_total \(timeouts)"]
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
