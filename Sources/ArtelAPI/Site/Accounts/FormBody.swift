import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore

/// A form a browser posted, `application/x-www-form-urlencoded`, decoded as the query of a page is
/// (``URI/formParameters``): `+` a space, names and values percent-decoded.
struct FormBody {
    /// The largest form the site reads: a job's every field fits, percent-encoded as browsers send
    /// it. A Cyrillic letter takes six bytes there, so a description's 20 000 characters take 120 KB.
    static let maximumSize = 256 * 1024

    /// The fields in order.
    let fields: [(name: String, value: String)]

    /// The last value of a field, `""` when it is absent.
    subscript(_ name: String) -> String { fields.last { $0.name == name }?.value ?? "" }

    /// Every value of a field, in order (a set field's checkboxes).
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// Reads a request's form.
    ///
    /// - Throws: ``APIError`` 415 for another media type, 413 for a form over ``maximumSize``,
    ///   400 for bytes that are not UTF-8 text.
    static func read(_ request: Request) async throws -> FormBody {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
        guard type?.lowercased() == "application/x-www-form-urlencoded" else {
            throw APIError(
                .unsupportedMediaType,
                "unsupported_media_type",
                "the site's forms are sent as application/x-www-form-urlencoded"
            )
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumSize)
        } catch {
            throw APIError(.contentTooLarge, "too_large", "a form holds at most \(maximumSize / 1024) KiB")
        }
        guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8) else {
            throw APIError(.badRequest, "invalid_form", "the form is not UTF-8 text")
        }
        return FormBody(fields: URI.formFields(text))
    }
}
