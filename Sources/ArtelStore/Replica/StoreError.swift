/// The error of the store: what failed, on which path or record, and how to fix it when a fix is known.
///
/// Messages never contain secret keys or signed bytes. Two errors are equal when their codes are.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, comparable cause.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notADataDirectory = "not_a_data_directory"
            case alreadyInitialized = "already_initialized"
            case corruptReplica = "corrupt_replica"
            case newerReplica = "newer_replica"
            case unsafeKeyFile = "unsafe_key_file"
            case invalidKeyFile = "invalid_key_file"
            case keyNotFound = "key_not_found"
            case keyExists = "key_exists"
            case notFound = "not_found"
            case ambiguous = "ambiguous"
            case invalidInput = "invalid_input"
            case io = "io"
            case database = "database"
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        public var description: String { base.rawValue }

        /// The path is missing, is not a directory, or holds no replica.
        public static let notADataDirectory = Code(.notADataDirectory)
        /// `init` found a replica already there.
        public static let alreadyInitialized = Code(.alreadyInitialized)
        /// The replica file is not an SQLite database, or is damaged.
        public static let corruptReplica = Code(.corruptReplica)
        /// The replica was written by a newer version of Artel.
        public static let newerReplica = Code(.newerReplica)
        /// A key file may be read by others than its owner.
        public static let unsafeKeyFile = Code(.unsafeKeyFile)
        /// A key file does not hold a key this version can read.
        public static let invalidKeyFile = Code(.invalidKeyFile)
        /// No key with that name or public key is in the key store.
        public static let keyNotFound = Code(.keyNotFound)
        /// A key with that name already exists.
        public static let keyExists = Code(.keyExists)
        /// No record matches.
        public static let notFound = Code(.notFound)
        /// An id prefix or name matches more than one record.
        public static let ambiguous = Code(.ambiguous)
        /// A value given by the user cannot be used.
        public static let invalidInput = Code(.invalidInput)
        /// A file operation failed.
        public static let io = Code(.io)
        /// SQLite failed in a way none of the other codes describes.
        public static let database = Code(.database)
    }

    /// The cause.
    public let code: Code
    /// What failed and how to fix it.
    public let message: String
    /// The underlying error, if any.
    public let cause: (any Error)?

    /// Makes an error.
    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message) (\(cause))"
    }

    public static func == (lhs: StoreError, rhs: StoreError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
