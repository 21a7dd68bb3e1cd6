import ArtelCore
import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Market figures")
struct JobStatsTests {
    static func job(
        _ number: UInt64,
        community: String,
        month: Int,
        salary: (Int64?, Int64?),
        remote: Bool = false,
        tags: [String] = []
    ) -> JobListing {
        var job = JobListing(
            id: DeltaFactory.recordID(number),
            community: TestKeys.techLeaders.publicKey,
            title: "КМ",
            updated: 0
        )
        job.communityName = community
        job.datePosted = CivilTimeStamp.milliseconds(year: 2026, month: month, day: 10)
        (job.salaryMin, job.salaryMax) = salary
        job.salaryCurrency = "RUB"
        job.salaryPeriod = "month"
        job.workMode = remote ? "remote" : "onsite"
        job.employment = number.isMultiple(of: 2) ? ["part_time"] : ["full_time"]
        job.tags = tags
        return job
    }

    @Test("Quartiles of range middles per month and community, shares of remote and part-time work, top tags")
    func figures() {
        let jobs = [
            Self.job(1, community: "A", month: 10, salary: (40_000, 60_000), remote: true, tags: ["smm"]),
            Self.job(2, community: "A", month: 10, salary: (80_000, nil), tags: ["smm", "events"]),
            Self.job(3, community: "B", month: 10, salary: (nil, 120_000), remote: true, tags: ["events"]),
            Self.job(4, community: "B", month: 10, salary: (nil, nil), tags: ["events"]),
            Self.job(5, community: "B", month: 11, salary: (100_000, 100_000)),
        ]
        let stats = JobStats(jobs)
        #expect(
            stats.rows.map { "\($0.month) \($0.community ?? "all")" } == [
                "2026-10 all", "2026-10 A", "2026-10 B", "2026-11 all", "2026-11 B",
            ]
        )
        let october = stats.rows[0]
        #expect(october.vacancies == 4 && october.remoteShare == 0.5 && october.partTimeShare == 0.5)
        let salary = october.salaries.first!
        // Middles 50 000, 80 000, 120 000: quartiles by linear interpolation.
        #expect(salary.count == 3 && salary.lower == 65_000 && salary.median == 80_000 && salary.upper == 100_000)
        #expect(october.topTags.map(\.tag) == ["events", "smm"] && october.topTags.map(\.count) == [3, 2])
        #expect(stats.csv.split(separator: "\r\n").count == 6)
    }

    @Test("The chart is well-formed SVG with a bar per month")
    func chart() {
        let stats = JobStats([
            Self.job(1, community: "A", month: 10, salary: (50_000, 70_000)),
            Self.job(2, community: "A", month: 11, salary: (nil, nil)),
        ])
        final class Bars: NSObject, XMLParserDelegate {
            var rectangles = 0
            func parser(
                _ parser: XMLParser,
                didStartElement name: String,
                namespaceURI: String?,
                qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == "rect" { rectangles += 1 }
            }
        }
        let parser = XMLParser(data: Data(stats.svg.utf8))
        let bars = Bars()
        parser.delegate = bars
        #expect(parser.parse())
        #expect(bars.rectangles == 3, "a background and two bars")
        #expect(stats.svg.contains(">60 000<"), "the median above October's bar")
    }
}

/// Unix milliseconds of a UTC date, through Foundation, independent of the code under test.
enum CivilTimeStamp {
    static func milliseconds(year: Int, month: Int, day: Int) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Int64(
            calendar.date(from: DateComponents(year: year, month: month, day: day))!.timeIntervalSince1970 * 1000
        )
    }
}
