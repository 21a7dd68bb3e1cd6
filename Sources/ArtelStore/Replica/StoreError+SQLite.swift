import Foundation
import GRDB

extension StoreError {
    /// Wraps an SQLite error in the code that tells the operator what to do.
    ///
    /// - Parameters:
    ///   - doing: what failed, in words ("opening /var/lib/artel/artel.sqlite").
    ///   - file: the replica's file; when SQLite reports an I/O error and the file system holding it
    ///     has no room left, the error says the disk is full (SQLite cannot tell: its shared-memory
    ///     index fails to grow before any write does).
    static func from(_ error: any Error, doing: String, file: String) -> StoreError {
        guard let sqlite = error as? DatabaseError else {
            return StoreError(.database, "\(doing) failed", cause: error)
        }
        switch sqlite.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(
                .corruptReplica,
                "\(doing) failed: the file is not an SQLite database or is damaged; restore a backup, "
                    + "or move it aside and run `artel init`",
                cause: sqlite
            )
        case .SQLITE_FULL:
            return diskFull(doing, sqlite)
        case .SQLITE_IOERR where hasNoRoom(besides: file):
            return diskFull(doing, sqlite)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return StoreError(
                .io,
                "\(doing) failed: the file cannot be opened for writing; check its permissions",
                cause: sqlite
            )
        default:
            return StoreError(.database, "\(doing) failed", cause: sqlite)
        }
    }

    private static func diskFull(_ doing: String, _ cause: DatabaseError) -> StoreError {
        StoreError(
            .io,
            "\(doing) failed: the disk is full. Free space on it and run again; nothing stored before was lost",
            cause: cause
        )
    }

    /// Whether the file system holding `file` has less room than one SQLite shared-memory page (32 KiB).
    private static func hasNoRoom(besides file: String) -> Bool {
        var status = statvfs()
        let directory = (file as NSString).deletingLastPathComponent
        guard statvfs(directory.isEmpty ? "." : directory, &status) == 0 else { return false }
        return UInt64(status.f_bavail) * UInt64(status.f_frsize) < 32_768
    }
}
