import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import GRDB
import Testing

/// A search narrowed by work mode, employment or currency is narrowed inside the full-text index
/// first (`SearchFacets`), and its prefixes are spelt out as the index's words (`SearchMatch`);
/// these tests hold both to the answer the filters and prefixes give one by one.
@Suite("Search narrowed in the index")
struct SearchFacetTests {
    let factory = DeltaFactory(key: TestKeys.techLeaders)
    let now = DeltaFactory.epoch + 1_000

    /// What a job is made of, for the test to work out by hand which jobs a query finds.
    struct Job {
        let number: UInt64
        let word: String
        let workMode: String?
        let employment: [String]
        let currency: String?
        let salaryMin: Int64?
        let salaryMax: Int64?

        var title: String { "\(word) \(number)" }
        var top: Int64? { salaryMax ?? salaryMin }
    }

    /// Jobs whose salaries sit on both sides of the buckets' floors, with and without each field.
    static let jobs: [Job] = {
        let words = ["разработчик", "менеджер"]
        let modes: [String?] = ["remote", "hybrid", "onsite", nil]
        let employments = [["full_time"], ["part_time", "contract"], [], ["internship"]]
        let currencies: [String?] = ["RUB", "EUR", nil]
        let salaries: [(Int64?, Int64?)] = [
            (nil, nil), (999, nil), (1_000, nil), (nil, 1_001), (90_000, 119_999), (120_000, nil),
            (100_000, 120_001), (150_000, 150_000), (nil, 2_000_000), (119_999, nil), (0, nil),
        ]
        return (0..<66).map { index in
            let salary = salaries[index % salaries.count]
            return Job(
                number: UInt64(index + 1),
                word: words[index % words.count],
                workMode: modes[index / 2 % modes.count],
                employment: employments[index / 3 % employments.count],
                currency: currencies[index / 5 % currencies.count],
                salaryMin: salary.0,
                salaryMax: salary.1
            )
        }
    }()

    func delta(_ job: Job, offset: UInt64 = 0) -> SignedDelta {
        var fields: [ArtelCore.Operation] = []
        if let mode = job.workMode { fields.append(Fields.set(.job, "work_mode", mode)) }
        fields += job.employment.map { Fields.add(.job, "employment", $0) }
        if let currency = job.currency { fields.append(Fields.set(.job, "salary_currency", currency)) }
        if let least = job.salaryMin { fields.append(Fields.set(.job, "salary_min", .integer(least))) }
        if let most = job.salaryMax { fields.append(Fields.set(.job, "salary_max", .integer(most))) }
        return factory.job(job.number, title: job.title, offset: offset, fields)
    }

    func titles(_ replica: Replica, _ query: RecordQuery) async throws -> [String] {
        try await replica.list(query).compactMap { $0.string("title") }.sorted()
    }

    @Test("Words and filters together find exactly the jobs each finds on its own")
    func sameAnswerAsTheFilters() async throws {
        try await TestReplicas.withReplica { replica in
            _ = try await replica.apply(Self.jobs.map { delta($0).bytes }, now: now, source: "test")
            for word in ["разработчик", "менеджеры"] {
                for modes in [[], ["remote"], ["remote", "hybrid"]] {
                    for employments in [[], ["part_time"], ["full_time", "internship"]] {
                        for currency in [nil, "RUB"] {
                            for least in [nil, 0, 999, 1_000, 1_001, 119_999, 120_000, 120_001, 2_000_001] as [Int64?] {
                                var query = RecordQuery(kind: .job)
                                query.text = word
                                query.workModes = modes
                                query.employments = employments
                                query.currency = currency
                                query.salaryAtLeast = least
                                query.limit = 1_000
                                let expected = Self.jobs.filter { job in
                                    job.word.hasPrefix(String(word.prefix(8)))
                                        && (modes.isEmpty || job.workMode.map(modes.contains) == true)
                                        && (employments.isEmpty || !Set(employments).isDisjoint(with: job.employment))
                                        && (currency == nil || job.currency == currency)
                                        && (least == nil || job.top.map { $0 >= least! } == true)
                                }
                                .map(\.title).sorted()
                                let found = try await titles(replica, query)
                                #expect(
                                    found == expected,
                                    "\(word) \(modes) \(employments) \(currency ?? "-") \(least.map(String.init) ?? "-")"
                                )
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("A prefix spelt out as words finds what the prefix finds, in any script, however many words it stands for")
    func prefixesSpeltOut() async throws {
        // Thirty words that begin alike: more than a prefix is spelt out as.
        let many = (0..<30).map { "программ\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\($0)" }
        let names =
            [
                "Казань", "Казани", "казанский", "Café", "cafeteria", "Łódź", "İstanbul", "разработчик", "Разработка",
                "JAVA", "javascript", "Ёлка", "елки",
            ] + many
        try await TestReplicas.withReplica { replica in
            let jobs = names.enumerated().map { factory.job(UInt64($0.offset + 1), title: $0.element) }
            _ = try await replica.apply(jobs.map(\.bytes), now: now, source: "test")
            func found(_ text: String) async throws -> [String] {
                var query = RecordQuery(kind: .job)
                query.text = text
                query.limit = 1_000
                return try await titles(replica, query)
            }
            #expect(try await found("Казани") == ["Казани", "Казань", "казанский"])
            #expect(try await found("казань") == ["Казани", "Казань", "казанский"])
            #expect(try await found("cafe") == ["Café", "cafeteria"])
            #expect(try await found("café") == ["Café", "cafeteria"])
            #expect(try await found("łódź") == ["Łódź"])
            #expect(try await found("РАЗРАБОТ") == ["Разработка", "разработчик"])
            #expect(try await found("java") == ["JAVA", "javascript"])
            #expect(try await found("ёлка") == ["Ёлка"])
            #expect(try await found("ЕЛ") == ["Ёлка", "елки"])
            #expect(try await found("программ").count == 30)
            #expect(try await found("программb") == ["программb1", "программb27"])
            #expect(try await found("программb2 программ") == ["программb27"])
            #expect(try await found("казанова").isEmpty)
            #expect(try await found("zzzz").isEmpty)
            // A word no longer held leaves the index's list of words late, and finds nothing meanwhile.
            let deleted = factory.sign(factory.delta(.job, record: DeltaFactory.recordID(2), offset: 10, [.delete]))
            _ = try await replica.apply([deleted.bytes], now: now, source: "test")
            #expect(try await found("Казани") == ["Казань", "казанский"])
        }
    }

    @Test("A page's total counts every match, with words or without, hidden records left out, past the last page too")
    func pageTotals() async throws {
        try await TestReplicas.withReplica { replica in
            _ = try await replica.apply(Self.jobs.map { delta($0).bytes }, now: now, source: "test")
            let hidden = Reference(community: TestKeys.techLeaders.publicKey, record: DeltaFactory.recordID(3))
            #expect(try await replica.hide(.job, hidden, now: now))
            for text in [nil, "разработчик"] as [String?] {
                for modes in [[], ["remote"]] {
                    var query = RecordQuery(kind: .job)
                    query.text = text
                    query.workModes = modes
                    query.limit = 1_000
                    let all = try await titles(replica, query)
                    #expect(!all.contains(Self.jobs[2].title))
                    for order in RecordQuery.Order.allCases {
                        query.order = order
                        query.offset = 0
                        query.limit = 1_000
                        let ordered = try await replica.list(query).compactMap { $0.string("title") }
                        query.limit = 5
                        for offset in [0, 5, all.count + 5] {
                            query.offset = offset
                            let (views, total) = try await replica.page(query)
                            #expect(total == all.count, "\(text ?? "-") \(modes) \(order) at \(offset)")
                            // A page is the same slice of the same order, however the total is counted.
                            #expect(
                                views.compactMap { $0.string("title") }
                                    == Array(ordered.dropFirst(offset).prefix(5))
                            )
                        }
                    }
                }
            }
        }
    }

    @Test("A job edited into other filters is found by its new ones only, and the index stays sound")
    func editsMoveAJob() async throws {
        try await TestReplicas.withReplica { replica in
            let before = Job(
                number: 1,
                word: "аналитик",
                workMode: "remote",
                employment: ["full_time"],
                currency: "RUB",
                salaryMin: 100_000,
                salaryMax: nil
            )
            let after = Job(
                number: 1,
                word: "аналитик",
                workMode: "hybrid",
                employment: ["part_time"],
                currency: "RUB",
                salaryMin: 130_000,
                salaryMax: nil
            )
            _ = try await replica.apply([delta(before).bytes], now: now, source: "test")
            var query = RecordQuery(kind: .job)
            query.text = "аналитик"
            query.salaryAtLeast = 120_000
            #expect(try await titles(replica, query).isEmpty)
            let edit = factory.job(
                1,
                title: after.title,
                offset: 10,
                [
                    Fields.set(.job, "work_mode", "hybrid"), Fields.remove(.job, "employment", "full_time"),
                    Fields.add(.job, "employment", "part_time"), Fields.set(.job, "salary_min", .integer(130_000)),
                ]
            )
            _ = try await replica.apply([edit.bytes], now: now, source: "test")
            #expect(try await titles(replica, query) == [after.title])
            query.workModes = ["remote"]
            #expect(try await titles(replica, query).isEmpty)
            query.workModes = ["hybrid"]
            query.employments = ["full_time"]
            #expect(try await titles(replica, query).isEmpty)
            query.employments = ["part_time"]
            #expect(try await titles(replica, query) == [after.title])
            let problems = try await replica.check().problems
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    @Test("A replica made before the facets gets them when it opens, from its jobs' deltas")
    func migrationIndexesTheJobsAgain() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/artel.sqlite"
            let replica = try Replica.create(at: path)
            _ = try await replica.apply(Self.jobs.map { delta($0).bytes }, now: now, source: "test")
            try replica.close()
            // The index as it was before the facets: no `facets` column, and the migrations from
            // then on not run.
            let queue = try DatabaseQueue(path: path, configuration: SearchTokenizer.configuration)
            try await queue.write { db in
                try db.execute(
                    sql: """
                        DROP TABLE jobs_search;
                        CREATE VIRTUAL TABLE jobs_search USING fts5 (
                            title, employer, description, duties, requirements, skills, tags, location_city,
                            content = '', tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0
                        );
                        DROP TABLE jobs_search_terms;
                        DROP TABLE events_search_terms;
                        DELETE FROM grdb_migrations WHERE identifier IN (
                            '2026-12-10 search facets and terms', '2026-12-11 search words read through a table'
                        );
                        """
                )
            }
            try queue.close()
            let reopened = try Replica.open(at: path)
            var query = RecordQuery(kind: .job)
            query.text = "разработчик"
            query.workModes = ["remote"]
            query.limit = 1_000
            let expected = Self.jobs.filter { $0.word == "разработчик" && $0.workMode == "remote" }.map(\.title)
            #expect(try await titles(reopened, query) == expected.sorted())
            let problems = try await reopened.check().problems
            #expect(problems.isEmpty, "\(problems)")
            try reopened.close()
        }
    }
}
