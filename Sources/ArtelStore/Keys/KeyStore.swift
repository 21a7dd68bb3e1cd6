public import ArtelCore
import Foundation

/// The keys of a node: one `<name>.key` file each, mode 0600, in the data directory's `keys/`.
///
/// Secret keys never leave this type in text form except into a new key file (``export(_:to:)``).
public struct KeyStore: Sendable {
    /// The directory holding the key files.
    public let directory: String

    /// The name of the node's own key.
    public static let nodeKeyName = "node"

    /// A key store over a directory.
    public init(directory: String) {
        self.directory = directory
    }

    /// Makes a new key and stores it.
    ///
    /// - Parameters:
    ///   - name: the file name, letters, digits, `-`, `_` and `.`.
    ///   - role: what the key is for.
    /// - Returns: the new key's entry.
    @discardableResult
    public func create(name: String, role: KeyRole) throws -> KeyEntry {
        try store(SigningKey.generate(), name: name, role: role)
    }

    /// Stores a key made elsewhere in this process.
    ///
    /// - Parameters:
    ///   - key: the key.
    ///   - name: the file name, letters, digits, `-`, `_` and `.`.
    ///   - role: what the key is for.
    @discardableResult
    public func store(_ key: SigningKey, name: String, role: KeyRole) throws -> KeyEntry {
        try Self.checkName(name)
        let entry = KeyEntry(name: name, role: role, publicKey: key.publicKey)
        try KeyFile.write(entry, key: key, to: path(of: name))
        return entry
    }

    /// Every stored key, by name. A key file with loose permissions fails the whole listing, so
    /// that the operator hears of it.
    public func list() throws -> [KeyEntry] {
        try fileNames().map { try KeyFile.read(at: path(of: $0)).0 }
    }

    /// A key by name, or by a unique prefix of its public key in hex.
    ///
    /// - Parameter reference: a name or a public-key prefix.
    /// - Returns: the entry and the signing key.
    public func load(_ reference: String) throws -> (KeyEntry, SigningKey) {
        if try fileNames().contains(reference) { return try KeyFile.read(at: path(of: reference)) }
        let matches = try fileNames().map { try KeyFile.read(at: path(of: $0)) }
            .filter { Hex.isHexDigits(reference) && $0.0.publicKey.hex.hasPrefix(reference.lowercased()) }
        guard let match = matches.first else {
            throw StoreError(
                .keyNotFound,
                "no key named or starting with \"\(reference.prefix(64))\" in \(directory); see `artel keys list`"
            )
        }
        guard matches.count == 1 else {
            throw StoreError(
                .ambiguous,
                "\"\(reference)\" starts \(matches.count) public keys; give more digits or the name"
            )
        }
        return match
    }

    /// The key stored under a name, or `nil` when there is none; a key file that is unsafe or
    /// damaged is an error, not an absence.
    public func entry(named name: String) throws -> KeyEntry? {
        guard try fileNames().contains(name) else { return nil }
        return try KeyFile.read(at: path(of: name)).0
    }

    /// The signing key for a public key, if this node holds it.
    public func signingKey(for publicKey: PublicKey) throws -> SigningKey? {
        try fileNames().lazy.map { try KeyFile.read(at: self.path(of: $0)) }.first { $0.0.publicKey == publicKey }?.1
    }

    /// Copies a key, secret included, to a new private file elsewhere (to move a community key
    /// offline, or onto another machine).
    ///
    /// - Parameters:
    ///   - reference: the key's name or public-key prefix.
    ///   - destination: a path where no file exists yet; it is created with mode 0600.
    public func export(_ reference: String, to destination: String) throws -> KeyEntry {
        let (entry, key) = try load(reference)
        try KeyFile.write(entry, key: key, to: destination)
        return entry
    }

    /// Adds a key from a key file made by ``export(_:to:)`` (or by `artel keys new` elsewhere).
    ///
    /// - Parameters:
    ///   - source: the key file; it must be private (mode 0600).
    ///   - name: the name to store it under; the name in the file when `nil`.
    public func importKey(from source: String, as name: String? = nil) throws -> KeyEntry {
        let (found, key) = try KeyFile.read(at: source)
        if let existing = try list().first(where: { $0.publicKey == found.publicKey }) {
            throw StoreError(.keyExists, "this key is already stored as \"\(existing.name)\"")
        }
        return try store(key, name: name ?? found.name, role: found.role)
    }

    /// The path of a key file by name.
    public func path(of name: String) -> String { "\(directory)/\(name).key" }

    private func fileNames() throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw StoreError(.io, "cannot read the key directory \(directory)", cause: error)
        }
        return names.filter { $0.hasSuffix(".key") }.map { String($0.dropLast(4)) }.sorted()
    }

    private static func checkName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_.".unicodeScalars.contains($0)
        }
        guard !name.isEmpty, name.count <= 64, allowed, !name.hasPrefix(".") else {
            throw StoreError(
                .invalidInput,
                "key name \"\(name.prefix(64))\" may use only letters, digits, -, _ and . (at most 64)"
            )
        }
    }
}
