import ArtelCore
import ArtelStore
import ArtelTestKit
import Foundation
import Testing

@Suite("KeyStore")
struct KeyStoreTests {
    func withStore(_ body: (KeyStore, String) async throws -> Void) async throws {
        try await TestFiles.withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: "\(directory)/keys", withIntermediateDirectories: true)
            try await body(KeyStore(directory: "\(directory)/keys"), directory)
        }
    }

    @Test("Keys are created with mode 0600, listed, and loaded by name or public-key prefix")
    func createListLoad() async throws {
        try await withStore { store, _ in
            let entry = try store.create(name: "anna-editor", role: .author)
            let mode = try #require(
                try FileManager.default.attributesOfItem(atPath: store.path(of: "anna-editor"))[.posixPermissions]
                    as? Int
            )
            #expect(mode == 0o600)
            #expect(try store.list() == [entry])
            #expect(try store.load("anna-editor").0 == entry)
            #expect(try store.load(String(entry.publicKey.hex.prefix(10))).1.publicKey == entry.publicKey)
            #expect(try store.signingKey(for: entry.publicKey)?.publicKey == entry.publicKey)
            #expect(throws: StoreError.self) { try store.create(name: "anna-editor", role: .author) }
            #expect(throws: StoreError.self) { try store.create(name: "../escape", role: .author) }
        }
    }

    @Test("A key file others may read is refused, naming the file and the chmod that fixes it")
    func loosePermissions() async throws {
        try await withStore { store, _ in
            try store.create(name: "community", role: .community)
            let path = store.path(of: "community")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            let error = try #require(throws: StoreError.self) { try store.load("community") }
            #expect(error.code == .unsafeKeyFile)
            #expect(error.message.contains("chmod 600 \(path)") && error.message.contains("644"))
            #expect(throws: StoreError.self) { try store.list() }
        }
    }

    @Test("Export writes a private copy that imports elsewhere; secrets never appear in errors")
    func exportImport() async throws {
        try await withStore { store, directory in
            let entry = try store.create(name: "tech-leaders", role: .community)
            let copy = "\(directory)/offline.key"
            #expect(try store.export("tech-leaders", to: copy) == entry)
            #expect(throws: StoreError.self) { try store.export("tech-leaders", to: copy) }
            try FileManager.default.createDirectory(atPath: "\(directory)/other", withIntermediateDirectories: true)
            let other = KeyStore(directory: "\(directory)/other")
            #expect(try other.importKey(from: copy, as: "imported").publicKey == entry.publicKey)
            #expect(throws: StoreError.self) { try other.importKey(from: copy, as: "twice") }

            let seed = try String(contentsOfFile: copy, encoding: .utf8).split(separator: "\n").first {
                $0.hasPrefix("seed:")
            }!
            var damaged = try String(contentsOfFile: copy, encoding: .utf8)
            damaged = damaged.replacingOccurrences(of: entry.publicKey.hex, with: String(repeating: "0", count: 64))
            try FileManager.default.removeItem(atPath: copy)
            _ = FileManager.default.createFile(
                atPath: copy,
                contents: Data(damaged.utf8),
                attributes: [.posixPermissions: 0o600]
            )
            let error = try #require(throws: StoreError.self) { try other.importKey(from: copy, as: "damaged") }
            #expect(error.code == .invalidKeyFile && !error.description.contains(seed.dropFirst(6)))
        }
    }
}
