import Foundation

/// The bearer token that HTTP API writes need: 32 random bytes in hex, in `api.token` in the data
/// directory, readable by its owner only. `artel init` creates it; a node started on an older data
/// directory creates it then. A token file that others may read, or that holds no usable token, is
/// refused as a key file is, never silently replaced: scripts may hold the token it had.
public enum APIToken {
    /// The file's name in the data directory.
    public static let fileName = "api.token"

    /// The fewest characters a token may have: 128 bits as hex.
    public static let minimumLength = 32

    /// The token of a data directory, created (mode 0600) when it has none.
    ///
    /// - Throws: ``StoreError`` when the file can be read by others (with the `chmod` that fixes
    ///   it), holds fewer than ``minimumLength`` characters, or cannot be written.
    public static func loadOrCreate(in directory: String) throws -> String {
        let path = "\(directory)/\(fileName)"
        guard FileManager.default.fileExists(atPath: path) else { return try create(at: path) }
        try KeyFile.checkPermissions(of: path, naming: "the API token file")
        let token = FileManager.default.contents(atPath: path)
            .flatMap { String(data: $0, encoding: .utf8) }?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let token, token.count >= minimumLength, !token.contains(where: \.isWhitespace) else {
            throw StoreError(
                .invalidKeyFile,
                "the API token file \(path) holds no token of at least \(minimumLength) characters; "
                    + "delete it and the node makes a new one, or write one: openssl rand -hex 32 > \(path)"
            )
        }
        return token
    }

    private static func create(at path: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        guard
            FileManager.default.createFile(
                atPath: path,
                contents: Data((token + "\n").utf8),
                attributes: [.posixPermissions: 0o600]
            )
        else {
            throw StoreError(.io, "cannot write the API token to \(path)")
        }
        return token
    }
}
