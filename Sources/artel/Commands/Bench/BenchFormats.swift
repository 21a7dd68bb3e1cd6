import ArgumentParser
import ArtelCore
import ArtelFormats
import ArtelImports
import ArtelStore
import Foundation

struct BenchFormats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "Measure importing hh.ru vacancies and exporting events to iCalendar, end to end.",
        discussion: """
            Writes a page of hh.ru-shaped vacancies (title, employer, salary, schedule, experience, \
            skills, snippets, dates), then times: reading it, importing it into a fresh replica \
            (draft, check, authorize, sign on every core, store), and importing it again (nothing \
            changes). Then it stores as many events and times writing them as an iCalendar feed. The \
            signature verify limit of the same run is printed for scale.

            Example:
              artel bench formats --count 100000
              artel bench formats --count 20000 --json
            """
    )

    @Option(help: "How many vacancies and events.") var count: Int = 100_000
    @OptionGroup var options: OutputOptions

    func validate() throws {
        guard count >= 1_000 else { throw ValidationError("--count must be at least 1000") }
    }

    func run() async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let now = UInt64(Date().timeIntervalSince1970 * 1000)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("artel-bench-formats-\(now)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = BenchOutput(options)
        output.say("Artel formats benchmark: \(count) records, \(cores) cores\n")
        output.record("records", BenchOutput.count(count))
        output.record("cores", BenchOutput.count(cores))
        func line(_ key: String, _ name: String, _ seconds: Double, cpu: Double? = nil, goal: String = "") {
            output.say(
                "  \(name.padding(toLength: 46, withPad: " ", startingAt: 0))\(Measure.rate(Double(count) / seconds))\(goal)"
            )
            var figures: [(String, JSON)] = [
                ("per_second", BenchOutput.rate(Double(count) / seconds)),
                ("seconds", BenchOutput.seconds(seconds)),
            ]
            if let cpu {
                let microseconds = cpu / Double(count) * 1e6
                output.say(String(format: "    CPU %.1f µs a record, every thread of this process", microseconds))
                figures.append(("cpu_microseconds_per_record", .decimal(microseconds, digits: 1)))
            }
            output.record(key, .object(figures))
        }

        let page = Data(SampleVacancies.page(count: count, now: now).utf8)
        let key = SigningKey.generate()
        let replica = try Replica.create(at: "\(directory)/import.sqlite")
        defer { try? replica.close() }
        let publisher = Publisher(replica: replica, key: key)
        let readCPUBefore = Measure.processCPUSeconds()
        let (items, readSeconds) = try Measure.timed { try HHReader.jobs(in: [UInt8](page)).map(ImportItem.init) }
        let readCPU = Measure.processCPUSeconds() - readCPUBefore
        output.record("hh_bytes", BenchOutput.count(page.count))
        line("read_hh", "read hh.ru JSON (\(page.count / 1_000_000) MB)", readSeconds, cpu: readCPU)
        let (importSeconds, importCPU) = try await Measure.timedWithCPU {
            let counts = try await publisher.importRecords(items, community: key.publicKey, now: now, source: "bench")
            precondition(counts[.created] == count, "every vacancy must be new")
        }
        line("import", "import: draft, check, sign, store", importSeconds, cpu: importCPU)
        line(
            "read_and_import",
            "read and import, end to end",
            readSeconds + importSeconds,
            cpu: readCPU + importCPU,
            goal: "  (goal ≥ 20 000/s)"
        )
        let againSeconds = try await Measure.timedAsync {
            let counts = try await publisher.importRecords(items, community: key.publicKey, now: now, source: "bench")
            precondition(counts[.unchanged] == count, "importing again must change nothing")
        }
        line("import_again", "import again: every record unchanged", againSeconds)

        let events = (0..<count).map { index in
            var event = CalendarEvent(
                uid: "bench-\(index)@artel",
                summary: "Встреча лидеров сообществ №\(index)",
                start: Int64(now) + Int64(index) * 3_600_000
            )
            event.end = event.start + 5_400_000
            event.description = "Мастермайнд: разбираем кейсы участников, делимся опытом; регистрация по ссылке."
            event.location = "Москва, ул. Льва Толстого, 16"
            event.sequence = 1
            return event
        }
        let eventItems = events.map {
            ImportItem(
                kind: .event,
                record: $0.recordID,
                operations: $0.operations,
                controlled: CalendarEvent.importedFields,
                label: $0.uid
            )
        }
        _ = try await publisher.importRecords(eventItems, community: key.publicKey, now: now, source: "bench")
        var query = RecordQuery(kind: .event)
        query.limit = count
        var feed = ""
        let exportSeconds = try await Measure.timedAsync {
            let stored = try await replica.records(query).compactMap { CalendarEvent(record: $0.id, state: $0.state) }
            precondition(stored.count == count, "every event must be exported")
            feed = ICalendarWriter.feed(stored, name: "bench", now: Int64(now))
        }
        output.record("ics_bytes", BenchOutput.count(feed.utf8.count))
        line("export_ics", "export events to iCalendar (\(feed.utf8.count / 1_000_000) MB)", exportSeconds)

        let sample = try SampleJobs.make(count: min(count, 10_000), key: key, start: now)
        let verify = await Measure.timedAsync { _ = await Measure.verifyInParallel(sample, cores: cores) }
        output.say(
            String(
                format: "\n  for scale: libsodium verifies %.0f signatures/s on %d cores",
                Double(sample.count) / verify,
                cores
            )
        )
        output.record("verify_limit_per_second", BenchOutput.rate(Double(sample.count) / verify))
        output.finish()
    }
}

/// hh.ru-shaped vacancies for the benchmark.
enum SampleVacancies {
    static func page(count: Int, now: UInt64) -> String {
        let titles = [
            "Комьюнити-менеджер", "Координатор сообщества", "Менеджер программы амбассадоров", "Community lead",
        ]
        let employers = ["Яндекс", "Т-Банк", "Runlab", "Studio-29", "Skillbox", "Ozon"]
        let cities = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск"]
        var items: [String] = []
        items.reserveCapacity(count)
        for index in 0..<count {
            let salary = 50_000 + (index % 15) * 10_000
            items.append(
                """
                {"id": "\(90_000_000 + index)", "name": "\(titles[index % titles.count]) №\(index)", \
                "area": {"id": "1", "name": "\(cities[index % cities.count])"}, \
                "salary": {"from": \(salary), "to": \(salary + 40_000), "currency": "RUR", "gross": false}, \
                "published_at": "2026-11-\(10 + index % 10)T10:15:00+0300", "archived": false, \
                "alternate_url": "https://hh.ru/vacancy/\(90_000_000 + index)", \
                "employer": {"id": "\(index % 97)", "name": "\(employers[index % employers.count])"}, \
                "snippet": {"requirement": "Опыт развития <highlighttext>сообществ</highlighttext> от года.", \
                "responsibility": "Проводить мероприятия, вовлекать участников, считать метрики."}, \
                "schedule": {"id": "\(index % 3 == 0 ? "remote" : "fullDay")", "name": "x"}, \
                "experience": {"id": "between1And3", "name": "От 1 года до 3 лет"}, \
                "employment": {"id": "\(index % 4 == 0 ? "part" : "full")", "name": "x"}, \
                "key_skills": [{"name": "Управление сообществом"}, {"name": "Организация мероприятий"}]}
                """
            )
        }
        return "{\"items\": [" + items.joined(separator: ",\n") + "], \"found\": \(count)}"
    }
}
