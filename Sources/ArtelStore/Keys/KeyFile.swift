import ArtelCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The text form of a key file and the permission rules around it.
///
/// ```
/// # Artel secret key. Whoever holds this file can sign as this key: keep it mode 0600, never share it.
/// role: community
/// name: tech-leaders
/// public: 3d4017c3…
/// seed: 4ccd089b…
/// ```
enum KeyFile {
    static let header =
        "# Artel secret key. Whoever holds this file can sign as this key: keep it mode 0600, never share it."

    static func render(_ entry: KeyEntry, key: SigningKey) -> String {
        """
        \(header)
        role: \(entry.role.rawValue)
        name: \(entry.name)
        public: \(entry.publicKey.hex)
        seed: \(Hex.encode(key.seed))

        """
    }

    /// Reads and checks a key file: owner-only permissions, known role, and a seed that matches the
    /// public key. Errors name the file, never its secret.
    static func read(at path: String) throws -> (KeyEntry, SigningKey) {
        try checkPermissions(of: path)
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw StoreError(.invalidKeyFile, "cannot read key file \(path): it is missing or not UTF-8 text")
        }
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            fields[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        guard let role = fields["role"].flatMap(KeyRole.init(rawValue:)) else {
            throw StoreError(
                .invalidKeyFile,
                "key file \(path) has no valid role: line (node, community, author or subject)"
            )
        }
        guard let seedText = fields["seed"], let seed = Hex.decode(seedText), let key = SigningKey(seed: seed) else {
            throw StoreError(.invalidKeyFile, "key file \(path) has no valid seed: line (64 hex digits)")
        }
        if let publicText = fields["public"], PublicKey(hex: publicText) != key.publicKey {
            throw StoreError(
                .invalidKeyFile,
                "key file \(path): its seed does not belong to its public key; the file is damaged"
            )
        }
        let name = fields["name"] ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return (KeyEntry(name: name, role: role, publicKey: key.publicKey), key)
    }

    /// Writes a new key file readable only by its owner; refuses to overwrite.
    static func write(_ entry: KeyEntry, key: SigningKey, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw StoreError(.keyExists, "\(path) already exists; choose another name or path") }
            throw StoreError(.io, "cannot create key file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(render(entry, key: key).utf8)
        guard Glibc.write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw StoreError(.io, "cannot write key file \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Refuses a secret's file (a key, by default) that anyone but its owner may read or write.
    static func checkPermissions(of path: String, naming what: String = "key file") throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw StoreError(.keyNotFound, "\(what) \(path) does not exist")
        }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw StoreError(
                .unsafeKeyFile,
                "\(what) \(path) has mode \(String(mode, radix: 8)), so others can read it; "
                    + "make it private with: chmod 600 \(path)"
            )
        }
    }
}
