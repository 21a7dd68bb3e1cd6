import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

@Suite("JSON-LD job postings as Google's guidance asks")
struct SchemaOrgJobTests {
    static func posting(_ configure: (inout JobListing) -> Void) throws -> [String: Any] {
        var job = ExportFormatTests.job(1)
        configure(&job)
        let document = SchemaOrgWriter.document(jobs: [job], events: [])
        let object = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any]
        return try #require((object?["@graph"] as? [[String: Any]])?.first)
    }

    @Test("validThrough comes from the expiry when the job states none, and never lies beyond it")
    func validThroughFromExpiry() throws {
        let posting = try Self.posting {
            $0.validThrough = nil
            $0.expires = 1_800_000_000_000
        }
        #expect(posting["validThrough"] as? String == "2027-01-15T08:00:00Z")
        let later = try Self.posting {
            $0.validThrough = 1_900_000_000_000
            $0.expires = 1_800_000_000_000
        }
        #expect(later["validThrough"] as? String == "2027-01-15T08:00:00Z")
    }

    @Test("hiringOrganization always: a job without an employer is offered by its community")
    func hiringOrganizationAlways() throws {
        let posting = try Self.posting { $0.employer = nil }
        #expect((posting["hiringOrganization"] as? [String: Any])?["name"] as? String == "Tech Leaders Moscow")
    }

    @Test("TELECOMMUTE only for remote jobs; a hybrid job keeps its location")
    func locations() throws {
        let remote = try Self.posting {
            $0.workMode = "remote"
            $0.city = "Москва"
        }
        #expect(remote["jobLocationType"] as? String == "TELECOMMUTE" && remote["jobLocation"] == nil)
        let hybrid = try Self.posting {
            $0.workMode = "hybrid"
            $0.city = "Москва"
        }
        #expect(hybrid["jobLocationType"] == nil)
        let address = (hybrid["jobLocation"] as? [String: Any])?["address"] as? [String: Any]
        #expect(address?["addressLocality"] as? String == "Москва")
    }

    @Test("The description is HTML, its text escaped and its lines kept")
    func htmlDescription() throws {
        let posting = try Self.posting {
            $0.description = "Мы <лучшие> & дружные.\n\nПриходите."
            $0.duties = "писать посты;\nвести чат"
            $0.requirements = nil
        }
        #expect(
            posting["description"] as? String
                == "<p>Мы &lt;лучшие&gt; &amp; дружные.</p><p>Приходите.</p>"
                + "<p><strong>Что нужно делать:</strong></p><p>писать посты;<br>вести чат</p>"
        )
    }
}
