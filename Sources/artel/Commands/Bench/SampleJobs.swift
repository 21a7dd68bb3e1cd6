import ArtelCore

/// Realistic job deltas for benchmarks, shaped like the vacancy digests of community channels.
enum SampleJobs {
    private static let titles = [
        "Комьюнити-менеджер", "Координатор сообщества", "Модератор чата", "Менеджер программы амбассадоров",
        "Руководитель сообщества лидеров", "Event-менеджер сообщества", "Community lead",
        "Менеджер по работе с партнёрами",
    ]
    private static let employers = ["Яндекс", "Т-Банк", "Runlab", "Studio-29", "ФКС России", "Skillbox", "Ozon", "VK"]
    private static let duties = [
        "создавать и развивать экосистему для лидеров; проводить мероприятия онлайн и офлайн; анализировать метрики вовлечённости",
        "общаться с участниками, обрабатывать обратную связь, публиковать новости в Discord и Telegram, готовить отчётность",
        "развивать программу амбассадоров бренда, организовывать встречи, лекции и тренировки, растить лояльное сообщество",
    ]
    private static let cities = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург"]

    /// The texts the full-text index takes from the `index`th job: title, employer, duties, city and
    /// tag.
    static func searchTexts(_ index: Int) -> [String] {
        [
            titles[index % titles.count], employers[index % employers.count], duties[index % duties.count],
            cities[index % cities.count], "комьюнити",
        ]
    }

    /// A vacancy post's text, as long as a community channel's (1.3 KB).
    static let post = Array(repeating: duties.joined(separator: ". "), count: 2).joined(separator: "\n\n")

    /// Signs `count` job deltas, each creating its own record, stamped one millisecond apart from `start`,
    /// in `community` (default: the community whose key signs).
    static func make(count: Int, key: SigningKey, community: PublicKey? = nil, start: UInt64) throws -> [SignedDelta] {
        let schema = RecordKind.job.schema
        func field(_ name: String) -> FieldID { schema[name].id }
        var generator = SystemRandomNumberGenerator()
        var deltas: [SignedDelta] = []
        deltas.reserveCapacity(count)
        for index in 0..<count {
            let stamped = start + UInt64(index)
            let salary = Int64(40_000 + (index % 12) * 10_000)
            let operations: [Operation] = [
                .set(field("title"), .string(titles[index % titles.count])),
                .set(field("employer"), .string(employers[index % employers.count])),
                .set(field("duties"), .string(duties[index % duties.count])),
                .set(field("salary_min"), .integer(salary)),
                .set(field("salary_max"), .integer(salary + 30_000)),
                .set(field("salary_currency"), .string("RUB")),
                .set(field("salary_period"), .string("month")),
                .set(field("work_mode"), .string(index.isMultiple(of: 3) ? "remote" : "hybrid")),
                .set(field("location.city"), .string(cities[index % cities.count])),
                .add(field("tags"), .string("комьюнити")),
                .set(field("date_posted"), .timestamp(Int64(stamped))),
            ]
            let delta = Delta(
                kind: .job,
                community: community ?? key.publicKey,
                author: key.publicKey,
                record: RecordID.version7(milliseconds: stamped, using: &generator),
                timestamp: HLC(milliseconds: stamped),
                expiry: stamped + 90 * 86_400_000,
                operations: operations
            )
            deltas.append(try SignedDelta.sign(delta, with: key))
        }
        return deltas
    }
}

extension SampleJobs {
    /// Signs `count` job deltas as ``make(count:key:start:)`` does, split over `cores` tasks.
    static func makeInParallel(count: Int, key: SigningKey, start: UInt64, cores: Int) async throws -> [SignedDelta] {
        let size = (count + cores - 1) / cores
        return try await withThrowingTaskGroup(of: (Int, [SignedDelta]).self) { group in
            for first in stride(from: 0, to: count, by: size) {
                group.addTask {
                    (first, try make(count: min(size, count - first), key: key, start: start + UInt64(first)))
                }
            }
            var parts: [(Int, [SignedDelta])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
