public import ArtelCore
import Foundation

/// A delta to be signed on another machine, by a key this node does not hold (typically a community
/// key kept offline): the text `ARTEL-SIGNING-REQUEST/1`, a newline, and the delta's unsigned bytes
/// in hexadecimal (protocol/encoding.md §9).
public enum SigningRequest: Sendable {
    /// The first line of a request.
    public static let header = "ARTEL-SIGNING-REQUEST/1"

    /// The text of a request for a delta.
    public static func encode(_ delta: Delta) throws(DeltaError) -> String {
        "\(header)\n\(Hex.encode(try delta.encodedUnsignedBytes()))\n"
    }

    /// Reads a request back into the delta it asks to sign, checked as a delta of its kind.
    ///
    /// - Throws: ``StoreError`` when the text is not a request, ``DeltaError`` when its delta is malformed.
    public static func decode(_ text: String) throws -> Delta {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == header, lines.count == 2, let unsigned = Hex.decode(lines[1]) else {
            throw StoreError(.invalidInput, "not a signing request: expected a line \(header), then one line of hex")
        }
        // Decoding checks the canonical form; the placeholder signature is replaced when signing.
        let delta = try SignedDelta.decode(unsigned + [UInt8](repeating: 0, count: Signature.count)).delta
        try delta.kind.schema.validate(delta)
        switch delta.kind {
        case .grant: try Grant.check(delta)
        case .revocation: try Revocation.check(delta)
        default: break
        }
        return delta
    }
}
