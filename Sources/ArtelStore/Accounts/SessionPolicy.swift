/// How long a signed-in browser stays signed in: a session ends after a spell without requests
/// (``idle``) and, however busy, some time after sign-in (``lifetime``), and at sign-out, when its
/// account's password changes and when its account is disabled.
public struct SessionPolicy: Sendable, Hashable {
    /// Milliseconds without a request after which a session ends.
    public let idle: Int64
    /// Milliseconds after sign-in after which a session ends.
    public let lifetime: Int64

    /// A policy.
    public init(idle: Int64, lifetime: Int64) {
        self.idle = idle
        self.lifetime = lifetime
    }

    /// Twelve hours idle, seven days in all: a working day's gap signs nobody out, a lost laptop
    /// is signed out within a week.
    public static let standard = SessionPolicy(idle: 12 * 3_600_000, lifetime: 7 * 86_400_000)

    /// How often a session's last request is written down: a busy editor costs a write a minute,
    /// not one per page.
    static let touchInterval: Int64 = 60_000
}
