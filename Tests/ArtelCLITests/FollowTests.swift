import ArtelTestKit
import Foundation
import Testing

@Suite("Following some kinds of a community", .serialized, .timeLimit(.minutes(5)))
struct FollowTests {
    /// A date within the year a grant may last, as `--until` takes it.
    static func inMonths(_ months: Int) -> String {
        let date = Date().addingTimeInterval(Double(months) * 30 * 86_400)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test("The README's follow example: a job by a granted author reaches a node that follows only jobs")
    func delegatedJobReachesJobFollower() async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            let msk = TestNode(artel: ArtelProcess(data: "\(directory)/msk"), directory: directory)
            try msk.expectSuccess("init", "--name", "tech-leaders-msk")
            let created = try msk.expectSuccess(
                "community",
                "create",
                "--name",
                "Tech Leaders Moscow",
                "--area",
                "Москва",
                "--key-name",
                "tech-leaders"
            )
            let community = TestNode.createdID(created)
            try msk.expectSuccess("keys", "new", "editor", "--role", "author")
            try msk.expectSuccess(
                "grant",
                "Tech Leaders Moscow",
                "editor",
                "--kinds",
                "job",
                "--until",
                Self.inMonths(6)
            )
            try msk.expectSuccess(
                "job",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Модератор чата",
                "--author",
                "editor"
            )

            let association = TestNode(artel: ArtelProcess(data: "\(directory)/association"), directory: directory)
            try association.expectSuccess("init", "--name", "hr-association")
            try association.expectSuccess("follow", community, "--kinds", "job")
            // A replica from before this rule: the job arrived without its grant and waits for it.
            let jobs = "\(directory)/jobs.deltas"
            try msk.expectSuccess("export", "--output", jobs, "--kinds", "job")
            #expect(try association.expectSuccess("apply", jobs).contains("1 wait in quarantine"))

            let source = try ServeProcess(msk.artel)
            defer { source.stop() }
            try association.expectSuccess("peer", "add", source.address, try msk.nodeKey())
            try msk.expectSuccess(
                "job",
                "post",
                "--community",
                "Tech Leaders Moscow",
                "--title",
                "Event-менеджер",
                "--author",
                "editor"
            )
            let follower = try ServeProcess(association.artel)
            defer { follower.stop() }
            #expect(
                try await eventually(120) {
                    let listed = try association.expectSuccess("list", "jobs")
                    return listed.contains("Модератор чата") && listed.contains("Event-менеджер")
                },
                "\(serveLogs([msk, association]))"
            )
            #expect(try association.expectSuccess("quarantine").contains("No delta waits"))
            #expect(try association.expectSuccess("grants", community).contains("valid"))
            #expect(follower.stop() == 0)
            #expect(try association.run("check").status == 0)
        }
    }
}
