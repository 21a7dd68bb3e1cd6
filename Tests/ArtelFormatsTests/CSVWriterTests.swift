import ArtelCore
import ArtelFormats
import ArtelTestKit
import Foundation
import Testing

@Suite("CSV that Excel and Google Sheets open right, read back by Python's csv module", .serialized)
struct CSVWriterTests {
    /// A vacancy whose text holds what breaks naive CSV: quotes, semicolons, commas, line breaks
    /// (LF and CRLF), a formula-like contact.
    static func awkward() -> JobListing {
        var job = ExportFormatTests.job(1)
        job.title = "Комьюнити-менеджер; \"лид\""
        job.description = "Мы — Studio-29.\nПишите: \"да\"; или нет,\r\nспасибо!"
        job.duties = "- вести чат;\n- писать посты"
        job.requirements = "=SUM(1;2)"
        job.salaryMax = 120_000
        job.sources = ["hh:93354567 https://hh.ru/vacancy/93354567", "telegram:community_managers/812"]
        job.tags = ["комьюнити", "удалёнка"]
        return job
    }

    /// The rows Python's csv module reads from a file of this text.
    static func readBack(_ text: String) async throws -> (bom: Bool, delimiter: String, rows: [[String]]) {
        try await TestFiles.withTemporaryDirectory { directory in
            let path = "\(directory)/jobs.csv"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let read = try #require(try PythonTools.check("read_csv.py", path) as? [String: Any])
            return (
                try #require(read["bom"] as? Bool), try #require(read["delimiter"] as? String),
                try #require(read["rows"] as? [[String]])
            )
        }
    }

    @Test("--excel writes a UTF-8 byte order mark and ;, and Python reads back every field as written")
    func excelRoundTrip() async throws {
        let jobs = [Self.awkward(), ExportFormatTests.job(2)]
        let text = CSVWriter.jobs(jobs, dialect: .excel)
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let (bom, delimiter, rows) = try await Self.readBack(text)
        #expect(bom && delimiter == ";")
        #expect(rows.count == 3, "one row per vacancy, whatever line breaks its description holds")
        #expect(rows[0] == CSVWriter.jobColumns)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        let job = jobs[0]
        #expect(row["title"] == job.title)
        #expect(row["employer"] == job.employer)
        #expect(row["description"] == job.description, "quotes, ; and line breaks come back as written")
        #expect(row["duties"] == "'- вести чат;\n- писать посты", "text that would start a formula is guarded")
        #expect(row["requirements"] == "'=SUM(1;2)")
        #expect(row["salary_min"] == "50000" && row["salary_max"] == "120000", "numbers as bare numbers")
        #expect(row["tags"] == "комьюнити, удалёнка")
        #expect(row["source"] == "hh:93354567, telegram:community_managers/812")
        #expect(row["source_url"] == "https://hh.ru/vacancy/93354567")
        #expect(row["date_posted"] == "2026-11-19")
        let second = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[2]))
        #expect(second["salary_max"] == "" && second["source"] == "")
    }

    @Test("Plain CSV stays RFC 4180: commas, no byte order mark, text as it is, read back the same")
    func plainRoundTrip() async throws {
        let text = CSVWriter.jobs([Self.awkward()])
        #expect(!text.hasPrefix("\u{FEFF}"))
        let (bom, delimiter, rows) = try await Self.readBack(text)
        #expect(!bom && delimiter == ",")
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["description"] == Self.awkward().description)
        #expect(row["requirements"] == "=SUM(1;2)")
        #expect(row["tags"] == "комьюнити;удалёнка")
    }

    @Test("A field holding only CRLF line breaks is quoted too")
    func crlfIsQuoted() {
        var job = ExportFormatTests.job(1)
        job.description = "одна\r\nдве"
        #expect(CSVWriter.jobs([job], dialect: .excel).contains(";\"одна\r\nдве\";"))
    }
}
