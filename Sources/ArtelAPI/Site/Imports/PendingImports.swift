import ArtelCore
import ArtelStore
import Foundation

/// What an editor uploaded for an import, kept on the node between the dry run and the commit so
/// that the commit imports exactly the file the dry run read, with the same choices.
struct PendingImport: Codable, Sendable {
    /// The account that uploaded it.
    let account: String
    /// A hash of the session's form token: only the session that uploaded it may commit it.
    let session: String
    /// `telegram`, `ics` or `hh`.
    let format: String
    /// The community's key, in hex.
    let community: String
    /// The Telegram channel's username.
    let channel: String
    /// The chat to read when a Telegram export holds several; `nil` for the only channel.
    let chat: String?
    /// Whether a Telegram export's event announcements are imported too.
    let events: Bool
    /// The file's name, as the browser gave it.
    let fileName: String
    /// When it was uploaded, in Unix milliseconds.
    let uploaded: Int64

    /// The hash of a session's form token that binds an upload to it.
    static func binding(_ token: SessionToken) -> String {
        Hex.encode(Blake2b.hash(Array(token.formToken.utf8), outputCount: 16))
    }
}

/// The uploads waiting for their commit: `imports/` in the data directory, each as `TOKEN.upload`
/// (the file) beside `TOKEN.json` (``PendingImport``), named by 16 random bytes in hex, readable by
/// the node's user only. An upload is removed once committed, and any older than ``lifetime``
/// whenever another is kept or committed.
struct PendingImports {
    /// How long an upload waits for its commit: an hour.
    static let lifetime: Int64 = 3_600_000

    /// The folder.
    let folder: String

    /// The uploads of a data directory.
    init(_ directory: DataDirectory) {
        folder = "\(directory.path)/imports"
    }

    /// Keeps an upload; returns the token that names it.
    func keep(_ bytes: [UInt8], _ pending: PendingImport) throws -> String {
        sweep(now: pending.uploaded)
        try FileManager.default.createDirectory(
            atPath: folder,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        let token = Hex.encode(RandomBytes.make(16))
        let metadata = try JSONEncoder().encode(pending)
        for (path, data) in [(filePath(token), Data(bytes)), (metadataPath(token), metadata)] {
            guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
            else {
                remove(token)
                throw StoreError(.io, "cannot write \(path)")
            }
        }
        return token
    }

    /// The upload a token names, when it is this session's and younger than ``lifetime``.
    func take(_ token: String, account: String, session: SessionToken, now: Int64) -> (PendingImport, [UInt8])? {
        guard token.count == 32, Hex.isHexDigits(token),
            let metadata = FileManager.default.contents(atPath: metadataPath(token)),
            let pending = try? JSONDecoder().decode(PendingImport.self, from: metadata),
            pending.account == account, pending.session == PendingImport.binding(session),
            now - pending.uploaded < Self.lifetime,
            let data = FileManager.default.contents(atPath: filePath(token))
        else { return nil }
        return (pending, [UInt8](data))
    }

    /// Removes an upload.
    func remove(_ token: String) {
        try? FileManager.default.removeItem(atPath: filePath(token))
        try? FileManager.default.removeItem(atPath: metadataPath(token))
    }

    /// Removes every upload older than ``lifetime``.
    func sweep(now: Int64) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasSuffix(".json") {
            let token = String(name.dropLast(".json".count))
            let pending = FileManager.default.contents(atPath: metadataPath(token)).flatMap {
                try? JSONDecoder().decode(PendingImport.self, from: $0)
            }
            if now - (pending?.uploaded ?? 0) >= Self.lifetime { remove(token) }
        }
    }

    private func filePath(_ token: String) -> String { "\(folder)/\(token).upload" }
    private func metadataPath(_ token: String) -> String { "\(folder)/\(token).json" }
}
