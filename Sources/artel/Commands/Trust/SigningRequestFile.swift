import ArtelCore
import ArtelStore
import Foundation

/// Signing requests on disk.
enum SigningRequestFile {
    /// Writes a request for a delta; refuses to overwrite a file.
    static func write(_ delta: Delta, to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.invalidInput, "\(path) already exists; choose another file")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(try SigningRequest.encode(delta).utf8)) else {
            throw StoreError(.io, "cannot write \(path)")
        }
    }

    /// Reads the delta a request asks to sign.
    static func read(_ path: String) throws -> Delta {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError(.io, "cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError(.invalidInput, "\(path) is not a signing request (not text)")
        }
        do {
            return try SigningRequest.decode(text)
        } catch let error as DeltaError {
            throw StoreError(.invalidInput, "\(path): the delta to sign is malformed: \(error)")
        }
    }
}
