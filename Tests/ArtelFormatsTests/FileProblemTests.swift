import ArtelFormats
import Testing

/// A file of another kind than its format is named as such, so that the web face can say so in
/// the reader's language; a fault inside a file of the right kind names its place instead.
@Suite("Files of another kind")
struct FileProblemTests {
    /// The file problem a reading names, or `nil` when its fault is inside the file.
    func problem(of read: () throws -> Void) -> FormatError.FileProblem? {
        do {
            try read()
            Issue.record("the file was read")
        } catch let error as FormatError {
            return error.fileProblem
        } catch {
            Issue.record("not a FormatError: \(error)")
        }
        return nil
    }

    @Test("a file that is not JSON, given to each JSON reader")
    func notJSON() {
        for text in ["hello, this is not JSON", "{\"items\": [1, 2,"] {
            let bytes = Array(text.utf8)
            #expect(problem { _ = try HHReader.jobs(in: bytes) } == .notJSON, "hh.ru: \(text)")
            #expect(problem { _ = try SchemaOrgReader.records(in: bytes) } == .notJSON, "schema.org: \(text)")
            #expect(
                problem { _ = try TelegramReader.jobs(in: bytes, channel: "community_managers") } == .notJSON,
                "Telegram: \(text)"
            )
        }
    }

    @Test("JSON that is no Telegram export")
    func notTelegramExport() {
        for text in ["[1, 2]", "{\"name\": \"Комьюнити-менеджеры\"}"] {
            #expect(
                problem { _ = try TelegramReader.jobs(in: Array(text.utf8), channel: "community_managers") }
                    == .notTelegramExport,
                "\(text)"
            )
        }
    }

    @Test("a vCard given as a calendar, and a calendar whose text is not UTF-8")
    func notICalendar() {
        #expect(
            problem { _ = try ICalendarReader.read(Array("BEGIN:VCARD\r\nEND:VCARD\r\n".utf8)) } == .notICalendar
        )
        let latin1 = Array("BEGIN:VCALENDAR\r\nX-NAME:".utf8) + [0xC0, 0xE4] + Array("\r\nEND:VCALENDAR\r\n".utf8)
        #expect(problem { _ = try ICalendarReader.read(latin1) } == .notUTF8)
    }

    @Test("a fault inside a file of the right kind is no file problem")
    func faultInside() {
        let noID = "{\"messages\": [{\"type\": \"message\", \"text\": \"x\"}]}"
        #expect(problem { _ = try TelegramReader.jobs(in: Array(noID.utf8), channel: "community_managers") } == nil)
        let openEvent = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        #expect(problem { _ = try ICalendarReader.read(Array(openEvent.utf8)) } == nil)
    }
}
