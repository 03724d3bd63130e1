import Foundation
import Testing
import Builtins
import Plugins
import TestSupport
@testable import Host

/// `runs report`: the page of a real saved run (generated users, the shipped plugins).
@Suite(.serialized) struct RunReportTests {
    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func onePersonaCardEachWithNameChartsAndLabelsAndTheSameBytesTwice() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let report = try fixture.report()
        let html = report.html
        #expect(count("<article class=\"persona\"", in: html) == report.run.personas.count)
        for p in report.run.personas { #expect(html.contains("\(p.index). \(HTMLText.escaped(p.name))</h3>")) }
        guard case .shown(let scatter) = report.scatter else { Issue.record("no scatter: \(report.scatter)"); return }
        #expect(scatter.points.count == min(report.run.matchedRows, RunReport.sampleLimit))
        #expect(count("<circle", in: html) == scatter.points.count + report.run.personas.count)
        // Every chart is an image with a title and a label, and a table in <details>.
        let charts = count("<svg class=\"chart", in: html)
        #expect(charts == report.run.personas.count + 2)
        #expect(count("role=\"img\" aria-label=\"", in: html) == charts)
        #expect(count("<details>", in: html) == charts)
        #expect(html.contains("principal component 1 (") && html.contains("Silhouette score for each number of clusters"))
        #expect(report.scatterNotes.isEmpty)
        #expect(try fixture.report().html == html)
        // Self-contained: no URL, no script, no external source.
        for banned in ["http://", "https://", "src=", "<script", "<link", "url("] { #expect(!html.contains(banned), "\(banned)") }
    }

    @Test func aPersonaNameIsEscaped() throws {
        let fixture = try ReportFixture(rename: "<script>alert('x')</script> & Co")
        defer { fixture.remove() }
        let html = try fixture.report().html
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
    }

    @Test func changedFormulasAreSaidAndABrokenOrMissingDomainLeavesOnlyTheScatterOut() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        try fixture.editDomain(appending: "\n-- edited after the run\n")
        let changed = try fixture.report()
        guard case .shown = changed.scatter else { Issue.record("no scatter: \(changed.scatter)"); return }
        #expect(changed.html.contains("the parenting plugin&#39;s files changed since run \(fixture.runID): the users&#39; features are computed with the current formulas"))

        try fixture.editDomain(appending: "\nthis is not lua\n")
        let broken = try fixture.report()
        let html = broken.html
        #expect(html.contains("No member scatter: run \(fixture.runID) used the parenting plugin, which fails to load now ("))
        #expect(count("<article class=\"persona\"", in: html) == broken.run.personas.count)
        #expect(count("<svg class=\"chart scatter", in: html) == 0 && html.contains("<svg class=\"chart kselection"))

        try FileManager.default.removeItem(at: fixture.plugins.appendingPathComponent("parenting"))
        let missing = try fixture.report().html
        #expect(missing.contains("No member scatter: run \(fixture.runID) used the parenting plugin, which is not loaded now"))
    }

    @Test func anUnknownRunIsTheUsersError() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let loader = PluginLoader()
        #expect {
            _ = try RunReport.html(runID: 999, database: fixture.database, plugins: try loader.loadAll(from: fixture.plugins), loader: loader)
        } throws: { error in
            (error as? RunLookupError) == .noRun(999, existing: [fixture.runID]) && (error as? UserFacingError)?.exitStatus == .usage
        }
    }
}
