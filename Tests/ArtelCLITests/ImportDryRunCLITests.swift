import ArtelTestKit
import Foundation
import Testing

/// `artel import ics|hh --dry-run`: what the import would do with each record, the site's dry run
/// at the command line, and nothing stored.
@Suite("artel import ics|hh --dry-run")
struct ImportDryRunCLITests {
    @Test("The dry run names each record's outcome and stores nothing; after the import it says unchanged")
    func dryRunThenImport() async throws {
        try await TestNode.with { node in
            @discardableResult func run(_ arguments: [String]) throws -> String {
                let result = try node.artel.run(arguments + ["--community", "Tech Leaders Moscow"])
                #expect(result.status == 0, "\(arguments): \(result.error)")
                return result.output
            }
            let vacancies = TestFiles.path("Tests/Fixtures/hh/search-page.json")
            let planned = try run(["import", "hh", vacancies, "--dry-run"])
            #expect(planned.contains("vacancy 3 (id 93500100): Координатор сообщества амбассадоров: new"), "\(planned)")
            #expect(
                planned.contains("3 in all, 3 new, 0 updated, 0 unchanged") && planned.contains("Nothing was stored")
            )
            #expect((try node.json("list", "jobs") as? [Any])?.isEmpty == true)
            try run(["import", "hh", vacancies])
            let again = try run(["import", "hh", vacancies, "--dry-run"])
            #expect(again.contains("Координатор сообщества амбассадоров: unchanged") && again.contains("3 unchanged"))

            let calendar = TestFiles.path("Tests/Fixtures/ics/google.ics")
            let json = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try run(["import", "ics", calendar, "--dry-run", "--json"]).utf8)
                )
                    as? [String: Any]
            )
            #expect(json["created"] as? Int == 3 && json["stored"] as? Bool == false)
            #expect((try node.json("list", "events", "--until", "2099-01-01") as? [Any])?.isEmpty == true)
        }
    }
}
