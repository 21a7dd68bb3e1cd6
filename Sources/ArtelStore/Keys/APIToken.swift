import Foundation

/// The bearer token that HTTP API writes need: 32 random bytes in hex, in `api.token` in the data
/// directory, readable by its owner only. `artel init` creates it; a node started on an older data
/// directory creates it then.
public enum APIToken {
    /// The file's name in the data directory.
    public static let fileName = "api.token"

    /// The token of a data directory, created (mode 0600) when it has none.
    public static func loadOrCreate(in directory: String) throws -> String {
        let path = "\(directory)/\(fileName)"
        if let data = FileManager.default.contents(atPath: path),
            let token = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            token.count >= 32
        {
            return token
        }
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
