import ArtelCore
import ArtelTestKit
import Foundation
import Testing

@Suite("protocol/encoding.md agrees with the code")
struct ProtocolDocumentTests {
    let document = try! String(contentsOfFile: TestFiles.path("protocol/encoding.md"), encoding: .utf8)

    /// The body rows (no header, no separator) of the first markdown table after a heading line.
    func rows(after heading: String) -> [[String]] {
        guard let start = document.range(of: heading + "\n") else { return [] }
        let lines = document[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
        let table = lines.drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return table.dropFirst(2).map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test("Every kind's field table lists exactly the registered fields, with their ids, types and cardinality")
    func fieldRegistry() {
        for kind in RecordKind.allCases {
            let table = rows(after: "### \(kind.name) (kind \(kind.rawValue))")
            let schema = kind.schema
            #expect(table.count == schema.fields.count, "\(kind)")
            for row in table {
                let field = schema.field(named: row[1])
                #expect(field?.id.rawValue == UInt16(row[0]), "\(kind).\(row[1])")
                #expect(field?.type.description == row[2], "\(kind).\(row[1])")
                #expect((field?.cardinality == .set ? "set" : "single") == row[3], "\(kind).\(row[1])")
                #expect(field?.isRequired == row[4].hasPrefix("required"), "\(kind).\(row[1])")
            }
        }
    }

    @Test("The refusal code table lists every code with its number and name")
    func refusalCodes() {
        let table = rows(after: "## 10. Refusal codes")
        #expect(table.count == DeltaError.Code.all.count)
        for row in table {
            let code = DeltaError.Code(rawValue: UInt16(row[0]) ?? 0)
            #expect(code.isKnown && code.name == row[1], "code \(row[0])")
        }
    }

    @Test("The kind table numbers every kind")
    func kinds() {
        let table = rows(after: "## 7. Record kinds and fields")
        #expect(table.map { RecordKind(name: $0[1])?.rawValue } == RecordKind.allCases.map(\.rawValue))
        #expect(table.map { UInt8($0[0]) } == RecordKind.allCases.map(\.rawValue))
    }
}
