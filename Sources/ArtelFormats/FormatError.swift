/// Input that a format reader cannot take, with the place it went wrong.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where: `line 12`, `vacancy 3, salary`.
    public let place: String
    /// What is wrong, for people.
    public let message: String

    /// An error at a place.
    public init(_ place: String, _ message: String) {
        self.place = place
        self.message = message
    }

    public var description: String { "\(place): \(message)" }
}
