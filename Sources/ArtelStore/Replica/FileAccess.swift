import Foundation

/// How this process may open a replica file: written, read beside a live node, or read as a frozen file.
enum FileAccess: Equatable {
    /// The file and its directory are writable: the normal case.
    case readWrite
    /// Read-only, while a node may be writing it: its write-ahead log exists and is read too.
    case readOnlyLive
    /// Read-only with no write-ahead log beside it (a backup on read-only media): opened `immutable`,
    /// so SQLite neither locks it nor creates files next to it.
    case readOnlyFrozen

    /// The access the file allows this process.
    init(replica path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        if access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0 {
            self = .readWrite
        } else if FileManager.default.fileExists(atPath: "\(path)-wal") {
            self = .readOnlyLive
        } else {
            self = .readOnlyFrozen
        }
    }

    /// The name SQLite opens: the path, or for a frozen file a `file:` URI with `immutable=1`.
    func sqlitePath(_ path: String) -> String {
        guard self == .readOnlyFrozen else { return path }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var escaped = ""
        for character in absolute.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
    }
}
