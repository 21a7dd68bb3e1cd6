import ArgumentParser
import ArtelCore
import ArtelStore
import Foundation

/// The field options of one record kind, shared by its create and edit commands.
protocol FieldGroup: ParsableArguments, Sendable {
    associatedtype Kind: KindMarker
    /// The verb that creates a record of the kind (`post`, `add`, `create`).
    static var createVerb: String { get }
    /// A complete example of the create command, for its help.
    static var createExample: String { get }
    /// An example of the edit command, for its help.
    static var editExample: String { get }
    /// Adds an operation for every field given on the command line.
    func apply(to builder: inout OperationBuilder, context: FieldContext) async throws
}

/// What field options may need to become operations.
struct FieldContext {
    let resolver: Resolver
    /// The record being edited, if any.
    let current: StoredRecord?
    /// The wall clock in Unix milliseconds.
    let now: UInt64

    /// The time zone in which moments without an offset are read: the given one, else the
    /// record's own, else UTC.
    func timeZone(given: String?) -> TimeZone {
        if let given, let zone = TimeZone(identifier: given) { return zone }
        if case .string(let stored) = current?.view?.value(of: "timezone").flatMap(Self.single),
            let zone = TimeZone(identifier: stored)
        {
            return zone
        }
        return TimeZone(identifier: "UTC")!
    }

    private static func single(_ value: RecordView.FieldValue) -> Value? {
        if case .single(let value) = value { return value }
        return nil
    }
}

extension FieldGroup {
    /// Refuses a time zone that this machine's time zone database does not know.
    static func checkTimeZone(_ name: String?) throws {
        if let name, TimeZone(identifier: name) == nil {
            throw ValidationError("--timezone \(name) is not an IANA time zone such as Europe/Moscow")
        }
    }
}
