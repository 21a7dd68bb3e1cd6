import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

@Suite("Open jobs: what feeds, exports and the default job list show")
struct OpenJobsTests {
    let moscow = DeltaFactory(key: TestKeys.techLeaders)
    let now = DeltaFactory.epoch + 1_000
    let day: Int64 = 86_400_000

    /// Jobs in every state: no status, open, filled, closed, past their valid-through date.
    func jobs() -> [SignedDelta] {
        let epoch = Int64(DeltaFactory.epoch)
        return [
            moscow.job(1, title: "Без статуса", []),
            moscow.job(2, title: "Открыта", [Fields.set(.job, "status", "open")]),
            moscow.job(3, title: "Закрыта", [Fields.set(.job, "status", "closed")]),
            moscow.job(4, title: "Найден кандидат", [Fields.set(.job, "status", "filled")]),
            moscow.job(
                5,
                title: "Истекла",
                [
                    Fields.set(.job, "date_posted", .timestamp(epoch - 40 * day)),
                    Fields.set(.job, "valid_through", .timestamp(epoch - day)),
                ]
            ),
            moscow.job(6, title: "Ещё открыта", [Fields.set(.job, "valid_through", .timestamp(epoch + 10 * day))]),
        ]
    }

    func titles(_ replica: Replica, _ configure: (inout RecordQuery) -> Void) async throws -> Set<String> {
        var query = RecordQuery(kind: .job)
        configure(&query)
        return Set(try await replica.list(query).compactMap { $0.string("title") })
    }

    @Test("status=open also matches jobs that state no status")
    func openMatchesNoStatus() async throws {
        try await TestReplicas.withReplica { replica in
            _ = try await replica.apply(jobs().map(\.bytes), now: now, source: "test")
            #expect(
                try await titles(replica) { $0.status = "open" } == [
                    "Без статуса", "Открыта", "Истекла", "Ещё открыта",
                ]
            )
        }
    }

    @Test("Open at a moment: filled, closed and expired jobs are left out")
    func openAtMoment() async throws {
        try await TestReplicas.withReplica { replica in
            _ = try await replica.apply(jobs().map(\.bytes), now: now, source: "test")
            #expect(
                try await titles(replica) { $0.openAt = Int64(DeltaFactory.epoch) } == [
                    "Без статуса", "Открыта", "Ещё открыта",
                ]
            )
            #expect(try await titles(replica) { _ in }.count == 6, "without it, every job is listed")
        }
    }
}
