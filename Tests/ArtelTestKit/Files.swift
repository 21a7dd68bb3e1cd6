public import Foundation

/// Temporary directories and the project's own files, for tests.
public enum TestFiles: Sendable {
    /// The repository's root, found from this file's path.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of the repository by relative path.
    public static func path(_ relative: String) -> String {
        repository.appendingPathComponent(relative).path
    }

    /// Runs `body` with a new empty directory, removed afterwards.
    public static func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async rethrows -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("artel-test-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }
}
