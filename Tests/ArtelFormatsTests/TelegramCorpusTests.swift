import ArtelCore
import ArtelTestKit
import Foundation
import Testing

@testable import ArtelFormats

/// The corpus of `Tests/Fixtures/telegram/corpus`: 51 messages in the layouts channels use, with
/// the vacancies and fields expected of each written by hand in `expected.json`.
@Suite("Telegram corpus")
struct TelegramCorpusTests {
    static let directory = "Tests/Fixtures/telegram/corpus"

    static func report() throws -> TelegramReader.Report {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestFiles.path("\(directory)/result.json"))))
        return try TelegramReader.read(bytes, channel: "cm_jobs")
    }

    static func expected() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.path("\(directory)/expected.json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["posts"] as? [[String: Any]])
    }

    /// What a record holds in a field: a single value, or the elements of a set, as JSON would say it.
    static func actual(_ record: ImportedRecord, _ name: String) -> Any? {
        let field = RecordKind.job.schema[name]
        if case .set = field.cardinality {
            return record.operations.compactMap { operation -> String? in
                guard case .add(field.id, .string(let value)) = operation else { return nil }
                return value
            }.sorted()
        }
        for case .set(field.id, let value) in record.operations {
            switch value {
            case .string(let text): return text
            case .integer(let number): return Int(number)
            case .boolean(let flag): return flag
            default: return "\(value)"
            }
        }
        return nil
    }

    @Test("Every message of the corpus gives the vacancies written down for it, or is skipped for the reason given")
    func counts() throws {
        let report = try Self.report()
        let expected = try Self.expected()
        #expect(report.posts.map(\.id) == expected.map { ($0["id"] as! NSNumber).int64Value })
        #expect(expected.count >= 40)
        for (post, wanted) in zip(report.posts, expected) {
            let vacancies = wanted["vacancies"] as? [[String: Any]] ?? []
            #expect(post.jobs.count == vacancies.count, "post \(post.id): \(post.jobs.map(\.label))")
            #expect(post.notes.count == wanted["notes"] as? Int ?? 0, "post \(post.id): \(post.notes)")
            if let reason = wanted["skipped"] as? String {
                #expect(post.skipped?.hasPrefix(reason) == true, "post \(post.id): \(post.skipped ?? "read")")
            } else {
                #expect(post.skipped == nil, "post \(post.id): \(post.skipped ?? "")")
            }
        }
    }

    @Test("Every expected field of every vacancy is read as written down; null fields are absent")
    func fields() throws {
        let report = try Self.report()
        var checked = 0
        for wanted in try Self.expected() {
            let id = (wanted["id"] as! NSNumber).int64Value
            let post = try #require(report.posts.first { $0.id == id })
            let vacancies = wanted["vacancies"] as? [[String: Any]] ?? []
            for (number, (job, fields)) in zip(post.jobs, vacancies).enumerated() {
                for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
                    let found = Self.actual(job, name)
                    let place = "post \(id), vacancy \(number + 1), \(name)"
                    if value is NSNull {
                        #expect(found == nil || (found as? [String])?.isEmpty == true, "\(place): \(found!)")
                    } else if let list = value as? [String] {
                        #expect(found as? [String] == list.sorted(), "\(place)")
                    } else {
                        switch RecordKind.job.schema[name].type {
                        case .boolean:
                            #expect(found as? Bool == value as? Bool, "\(place): \(String(describing: found))")
                        case .integer: #expect(found as? Int == value as? Int, "\(place): \(String(describing: found))")
                        default: #expect(found as? String == value as? String, "\(place): \(String(describing: found))")
                        }
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 300)
    }

    @Test("Every vacancy of the corpus is a valid job, under its own record id")
    func valid() throws {
        let jobs = try Self.report().jobs
        #expect(Set(jobs.map(\.record)).count == jobs.count)
        let key = TestKeys.techLeaders.publicKey
        for job in jobs {
            let delta = Delta(
                kind: .job,
                community: key,
                author: key,
                record: job.record,
                timestamp: HLC(milliseconds: DeltaFactory.epoch),
                expiry: DeltaFactory.epoch + 86_400_000,
                operations: job.operations
            )
            #expect(throws: Never.self, "\(job.label)") { try RecordKind.job.schema.validate(delta) }
        }
    }
}
