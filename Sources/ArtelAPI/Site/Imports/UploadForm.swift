import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import NIOHTTP1

/// A form with a file that a browser posted, `multipart/form-data`: its text fields and its files,
/// each part with its name and, for a file, the name the browser gave it.
struct UploadForm {
    /// The largest upload the site reads, the file and the fields together: 20 MB, room for a
    /// Telegram channel's years of posts.
    static let maximumSize = 20 * 1024 * 1024

    /// An upload over ``maximumSize``.
    struct TooLarge: Error {}

    /// One part of the form.
    struct Part {
        /// The field's name.
        let name: String
        /// The file's name, for a file.
        let fileName: String?
        /// The bytes.
        let body: [UInt8]
    }

    /// The parts in order.
    let parts: [Part]

    /// The text of the last field of this name, `""` when it is absent or not UTF-8.
    subscript(_ name: String) -> String {
        parts.last { $0.name == name }.flatMap { String(bytes: $0.body, encoding: .utf8) } ?? ""
    }

    /// The last file sent under this name, `nil` when none was chosen (a browser then sends an
    /// empty part without a file name).
    func file(_ name: String) -> Part? {
        parts.last { $0.name == name && !($0.fileName ?? "").isEmpty && !$0.body.isEmpty }
    }

    /// Reads a request's form.
    ///
    /// - Throws: ``TooLarge`` for a form over ``maximumSize``; ``APIError`` 415 for another media
    ///   type, 400 for a body that is not multipart.
    static func read(_ request: Request) async throws -> UploadForm {
        let type = request.headers[.contentType] ?? ""
        let parameters = type.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data",
            let boundary = parameters.dropFirst().first(where: { $0.lowercased().hasPrefix("boundary=") })
                .map({
                    String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }),
            !boundary.isEmpty
        else {
            throw APIError(
                .unsupportedMediaType,
                "unsupported_media_type",
                "a file is sent as multipart/form-data with a boundary"
            )
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumSize)
        } catch {
            throw TooLarge()
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { collector.headers.add(name: $0, value: $1) }
        parser.onBody = { collector.body += $0.readableBytesView }
        parser.onPartComplete = { collector.complete() }
        do {
            try parser.execute(buffer)
        } catch {
            throw APIError(.badRequest, "invalid_form", "the form is not multipart/form-data: \(error)")
        }
        return UploadForm(parts: collector.parts)
    }

    /// Gathers the parts as the parser reads them.
    private final class Collector {
        var headers = HTTPHeaders()
        var body: [UInt8] = []
        var parts: [Part] = []

        func complete() {
            let disposition = Self.parameters(headers.first(name: "Content-Disposition") ?? "")
            if let name = disposition["name"] {
                parts.append(Part(name: name, fileName: disposition["filename"], body: body))
            }
            headers = HTTPHeaders()
            body = []
        }

        /// `form-data; name="file"; filename="result.json"` → `["name": "file", "filename": "result.json"]`.
        static func parameters(_ header: String) -> [String: String] {
            var found: [String: String] = [:]
            var rest = Substring(header)
            while let semicolon = rest.firstIndex(of: ";") {
                rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
                guard let equals = rest.firstIndex(of: "=") else { break }
                let key = rest[..<equals].lowercased()
                rest = rest[rest.index(after: equals)...]
                if rest.first == "\"" {
                    let value = rest.dropFirst().prefix { $0 != "\"" }
                    found[key] = String(value)
                    rest = rest.dropFirst(value.count + 2)
                } else {
                    let value = rest.prefix { $0 != ";" }
                    found[key] = value.trimmingCharacters(in: .whitespaces)
                    rest = rest.dropFirst(value.count)
                }
            }
            return found
        }
    }
}
