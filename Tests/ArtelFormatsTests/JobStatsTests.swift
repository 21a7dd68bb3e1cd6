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
    static let techLeaders = "Tech Leaders Moscow"
    static let partnerClub = "Partner Club"
    static let association = "HR Association"

    static func job(
        _ number: UInt64,
        _ community: String,
        _ title: String,
        employer: String,
        posted: (month: Int, day: Int) = (11, 10),
        url: String? = nil,
        salary: (Int64?, Int64?) = (nil, nil),
        currency: String = "RUB",
        period: String = "month",
        gross: Bool? = nil,
        mode: String? = nil,
        employment: [String] = [],
        tags: [String] = [],
        source: String? = nil
    ) -> JobListing {
        let key: UInt8 =
            switch community {
            case techLeaders: 1
            case partnerClub: 2
            default: 3
            }
        var job = JobListing(
            id: DeltaFactory.recordID(number),
            community: TestKeys.key(key).publicKey,
            title: title,
            updated: 0
        )
        job.communityName = community
        job.employer = employer
        job.datePosted = CivilTimeStamp.milliseconds(year: 2026, month: posted.month, day: posted.day)
        job.applyURL = url
        (job.salaryMin, job.salaryMax) = salary
        if salary != (nil, nil) {
            job.salaryCurrency = currency
            job.salaryPeriod = period
            job.salaryGross = gross
        }
        job.workMode = mode
        job.employment = employment
        job.tags = tags
        job.sources = source.map { [$0] } ?? []
        return job
    }

    /// Eleven listings of nine vacancies: a vacancy a community posted and hh.ru also gave (same
    /// link), one two communities posted (same employer and title), seven listed once.
    static let listings: [JobListing] = [
        job(
            1,
            techLeaders,
            "Комьюнити-менеджер",
            employer: "Studio-29",
            url: "https://studio29.example/jobs/cm",
            salary: (80_000, 120_000),
            gross: false,
            mode: "remote",
            employment: ["full_time"],
            tags: ["комьюнити_вакансия"],
            source: "telegram:community_managers/10"
        ),
        {
            var listing = job(
                3,
                association,
                "Community manager",
                employer: "Студия 29",
                posted: (11, 12),
                url: "http://www.studio29.example/jobs/cm/?utm_source=hh",
                salary: (90_000, 130_000),
                gross: true,
                mode: "remote",
                employment: ["full_time"],
                source: "hh:1003 https://hh.ru/vacancy/1003"
            )
            listing.description = "Развивать сообщество клиентов."
            return listing
        }(),
        job(
            4,
            techLeaders,
            "Модератор чата",
            employer: "Яндекс",
            url: "https://y.example/1",
            salary: (50_000, 50_000),
            gross: false,
            mode: "onsite",
            employment: ["part_time"]
        ),
        job(5, partnerClub, "модератор  чата", employer: "ООО «Яндекс»", tags: ["комьюнити_вакансия"]),
        job(
            6,
            techLeaders,
            "SMM-менеджер",
            employer: "Runlab",
            posted: (10, 20),
            salary: (60_000, 80_000),
            gross: false,
            mode: "remote",
            employment: ["full_time"],
            tags: ["smm"],
            source: "telegram:community_managers/11"
        ),
        job(
            7,
            partnerClub,
            "Event-менеджер",
            employer: "Skillbox",
            salary: (1_500, 2_000),
            currency: "USD",
            mode: "hybrid",
            employment: ["full_time"]
        ),
        job(
            8,
            association,
            "Community lead",
            employer: "Ozon",
            salary: (150_000, 200_000),
            gross: true,
            mode: "onsite",
            employment: ["full_time"],
            source: "hh:1008"
        ),
        job(
            9,
            association,
            "Координатор сообщества",
            employer: "Т-Банк",
            salary: (70_000, 90_000),
            gross: true,
            mode: "remote",
            employment: ["full_time"],
            source: "hh:1009"
        ),
        job(10, association, "Менеджер амбассадоров", employer: "Яндекс", source: "hh:1010"),
        job(
            11,
            techLeaders,
            "Ведущий вебинаров",
            employer: "Нетология",
            posted: (12, 1),
            salary: (3_000, 3_000),
            period: "hour",
            gross: false,
            mode: "remote",
            employment: ["part_time"]
        ),
        job(
            12,
            partnerClub,
            "Контент-менеджер",
            employer: "VK",
            salary: (100_000, nil),
            gross: false,
            mode: "onsite",
            employment: ["full_time"]
        ),
    ]

    /// 2026-10-01 to the end of 2026-12-15.
    static let period =
        CivilTimeStamp.milliseconds(
            year: 2026,
            month: 10,
            day: 1
        )...(CivilTimeStamp.milliseconds(
            year: 2026,
            month: 12,
            day: 16
        ) - 1)

    @Test("Eleven listings of nine vacancies count as nine, as the digest has them")
    func vacanciesCountOnce() throws {
        let stats = JobStats(Self.listings, period: Self.period)
        #expect(Self.listings.count == 11)
        #expect(stats.listings == 11 && stats.total.vacancies == 9)
        #expect(DigestComposer.compose(Self.listings).count == 9)
        #expect(stats[.month].map(\.key) == ["2026-10", "2026-11", "2026-12"])
        #expect(stats[.month].map(\.vacancies) == [1, 7, 1])
        #expect(stats[.month].map(\.partial) == [false, false, true], "the period ends on 15 December")
        #expect(
            stats[.community].map { "\($0.key) \($0.vacancies)/\($0.listings)" } == [
                "HR Association 4/4", "Tech Leaders Moscow 4/4", "Partner Club 3/3",
            ]
        )
        let tag = try #require(stats[.tag].first { $0.key == "комьюнити_вакансия" })
        #expect(tag.vacancies == 2)
    }

    @Test("Shares and salaries carry their sample sizes; currencies, periods, gross and take-home stay apart")
    func salariesApart() throws {
        let total = JobStats(Self.listings, period: Self.period).total
        // Work mode stated by 8 of 9 vacancies, 4 remote; employment by 8, 2 part-time.
        #expect(total.remote == JobStats.Share(count: 4, n: 8))
        #expect(total.partTime == JobStats.Share(count: 2, n: 8))
        #expect(
            total.salaries.map { "\($0.currency)/\($0.period)/\($0.basis) n=\($0.count)" } == [
                "RUB/hour/net n=1", "RUB/month/gross n=3", "RUB/month/net n=3", "USD/month/unstated n=1",
            ]
        )
        // Take-home middles 50 000, 70 000, 100 000; gross 80 000, 110 000 (hh.ru's listing, the fullest), 175 000.
        let net = try #require(total.salaries.first { $0.basis == "net" && $0.period == "month" })
        #expect((net.lower, net.median, net.upper) == (60_000, 70_000, 85_000))
        let gross = try #require(total.salaries.first { $0.basis == "gross" })
        #expect((gross.lower, gross.median, gross.upper) == (95_000, 110_000, 142_500))
    }

    @Test("Sources side by side: what communities posted against what hh.ru gave, each with its own listing")
    func sourcesSideBySide() throws {
        let stats = JobStats(Self.listings, period: Self.period)
        #expect(stats[.source].map { "\($0.key) \($0.vacancies)" } == ["communities 6", "hh.ru 4"])
        let communities = stats[.source][0]
        // The Studio-29 vacancy counts with the community's take-home 100 000, not hh.ru's gross.
        let net = try #require(communities.salaries.first { $0.basis == "net" && $0.period == "month" })
        #expect(net.count == 4 && (net.lower, net.median, net.upper) == (65_000, 85_000, 100_000))
        let hh = try #require(stats[.source][1].salaries.first)
        #expect("\(hh.currency)/\(hh.period)/\(hh.basis)" == "RUB/month/gross" && hh.count == 3 && hh.median == 110_000)
    }

    @Test("JSON and CSV carry every figure with its n")
    func machineReadable() throws {
        let stats = JobStats(Self.listings, period: Self.period)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.json.utf8)) as? [String: Any])
        #expect(object["vacancies"] as? Int == 9 && object["listings"] as? Int == 11)
        let months = try #require(object["month"] as? [[String: Any]])
        #expect(months.map { $0["partial"] as? Bool } == [false, false, true])
        let remote = try #require((object["total"] as? [String: Any])?["remote"] as? [String: Any])
        #expect(remote["n"] as? Int == 8 && remote["count"] as? Int == 4)
        #expect(stats.csv.hasPrefix("dimension,group,vacancies,listings,remote_share,remote_n,"))
        #expect(stats.csv.contains("all,all,9,11,0.5000,8,0.2500,8,0,RUB,month,gross,3,95000,110000,142500"))
    }

    @Test("The chart is well-formed SVG with axes, a bar per month, n, and the partial month marked")
    func chart() throws {
        let stats = JobStats(Self.listings, period: Self.period)
        final class Shapes: NSObject, XMLParserDelegate {
            var bars: [String] = []
            var lines = 0
            func parser(
                _ parser: XMLParser,
                didStartElement name: String,
                namespaceURI: String?,
                qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if name == "rect", let fill = attributes["fill"], attributes["width"] == "44" { bars.append(fill) }
                if name == "line" { lines += 1 }
            }
        }
        let parser = XMLParser(data: Data(stats.svg.utf8))
        let shapes = Shapes()
        parser.delegate = shapes
        #expect(parser.parse())
        #expect(shapes.bars == ["#4a7bd0", "#4a7bd0", "url(#partial)"], "three months, December hatched")
        #expect(shapes.lines >= 3, "the y axis and its ticks")
        #expect(stats.svg.contains(">вакансий<") && stats.svg.contains(">месяц публикации<"))
        #expect(stats.svg.contains("9 вакансий из 11 объявлений"))
        // Gross and take-home RUB a month are both given 3 times: the tie goes to gross, alphabetically
        // first. November's gross middles: 80 000, 110 000, 175 000.
        #expect(stats.svg.contains("₽ в месяц, до вычета налогов"))
        #expect(stats.svg.contains(">110 000 (n=3)<"), "\(stats.svg)")
        #expect(stats.svg.contains("неполный"))
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
