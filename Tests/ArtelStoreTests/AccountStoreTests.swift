import ArtelCore
import ArtelStore
import ArtelTestKit
import Testing

@Suite("Accounts and sessions in the replica")
struct AccountStoreTests {
    static let policy = SessionPolicy(idle: 60 * 60_000, lifetime: 24 * 60 * 60_000)
    static let start: Int64 = 1_800_000_000_000

    static func add(_ replica: Replica, _ name: String, role: Account.Role = .moderator) async throws {
        try await replica.addAccount(
            Account(name: name, role: role, created: start),
            passwordHash: PasswordHash.hash("correct horse battery"),
            audit: AuditEntry(time: start, account: nil, action: "user.add", target: name)
        )
    }

    static func signIn(_ replica: Replica, _ name: String, at time: Int64 = start) async throws -> SessionToken {
        let token = SessionToken.make()
        try await replica.openSession(
            token,
            for: name,
            policy: policy,
            audit: AuditEntry(time: time, account: name, action: "signin", target: name)
        )
        return token
    }

    @Test("A name is taken in any case, and a refused account stores nothing")
    func namesAreUnique() async throws {
        try await TestReplicas.withReplica { replica in
            try await Self.add(replica, "anna")
            await #expect(throws: StoreError.self) { try await Self.add(replica, "ANNA") }
            #expect(try await replica.accounts().map(\.name) == ["anna"])
            #expect(try await replica.auditLog().map(\.action) == ["user.add"])
        }
    }

    @Test("A session ends after its idle time and after its lifetime, however busy")
    func sessionsExpire() async throws {
        try await TestReplicas.withReplica { replica in
            try await Self.add(replica, "anna")
            let token = try await Self.signIn(replica, "anna")
            let minute: Int64 = 60_000
            #expect(
                try await replica.session(token, policy: Self.policy, now: Self.start + 59 * minute)?.name == "anna"
            )
            // Used at 59 minutes, so still alive 59 minutes later: idleness counts from the last use.
            #expect(try await replica.session(token, policy: Self.policy, now: Self.start + 118 * minute) != nil)
            #expect(try await replica.session(token, policy: Self.policy, now: Self.start + 179 * minute) == nil)

            let busy = try await Self.signIn(replica, "anna")
            var now = Self.start
            while now < Self.start + Self.policy.lifetime - 30 * minute {
                now += 30 * minute
                #expect(try await replica.session(busy, policy: Self.policy, now: now) != nil)
            }
            #expect(try await replica.session(busy, policy: Self.policy, now: Self.start + Self.policy.lifetime) == nil)
            #expect(try await replica.session(SessionToken.make(), policy: Self.policy, now: Self.start) == nil)
        }
    }

    @Test("Sign-out, a new password and disabling end sessions; enabling does not revive them")
    func sessionsAreRevoked() async throws {
        try await TestReplicas.withReplica { replica in
            try await Self.add(replica, "anna")
            let now = Self.start + 1
            let closed = try await Self.signIn(replica, "anna")
            try await replica.closeSession(
                closed,
                audit: AuditEntry(time: now, account: "anna", action: "signout", target: "anna")
            )
            #expect(try await replica.session(closed, policy: Self.policy, now: now) == nil)

            let beforePassword = try await Self.signIn(replica, "anna")
            try await replica.setPassword(
                of: "anna",
                hash: PasswordHash.hash("another good one"),
                audit: AuditEntry(time: now, account: nil, action: "user.passwd", target: "anna")
            )
            #expect(try await replica.session(beforePassword, policy: Self.policy, now: now) == nil)
            #expect(
                try await replica.credentials(of: "anna").map {
                    PasswordHash.verify("another good one", against: $0.passwordHash)
                } == true
            )

            let beforeDisable = try await Self.signIn(replica, "anna")
            try await replica.setDisabled(
                "anna",
                true,
                audit: AuditEntry(time: now, account: nil, action: "user.disable", target: "anna")
            )
            await #expect(throws: StoreError.self) { _ = try await Self.signIn(replica, "anna") }
            try await replica.setDisabled(
                "anna",
                false,
                audit: AuditEntry(time: now, account: nil, action: "user.enable", target: "anna")
            )
            #expect(try await replica.session(beforeDisable, policy: Self.policy, now: now) == nil)
            #expect(
                try await replica.auditLog().map(\.action)
                    == [
                        "user.enable", "user.disable", "signin", "user.passwd", "signin", "signout", "signin",
                        "user.add",
                    ]
            )
        }
    }

    @Test("Removing an account ends its sessions and keeps its lines in the audit log")
    func removalKeepsTheAudit() async throws {
        try await TestReplicas.withReplica { replica in
            try await Self.add(replica, "anna")
            let token = try await Self.signIn(replica, "anna")
            try await replica.removeAccount(
                named: "anna",
                audit: AuditEntry(time: Self.start, account: nil, action: "user.remove", target: "anna")
            )
            #expect(try await replica.session(token, policy: Self.policy, now: Self.start) == nil)
            #expect(try await replica.accounts().isEmpty)
            #expect(try await replica.auditLog().map(\.target) == ["anna", "anna", "anna"])
            await #expect(throws: StoreError.self) {
                try await replica.removeAccount(
                    named: "anna",
                    audit: AuditEntry(time: Self.start, account: nil, action: "user.remove", target: "anna")
                )
            }
        }
    }

    @Test("A form token belongs to its session and is not the cookie")
    func formTokens() {
        let token = SessionToken.make()
        #expect(token.accepts(formToken: token.formToken))
        #expect(!token.accepts(formToken: SessionToken.make().formToken))
        #expect(!token.accepts(formToken: ""))
        #expect(!token.text.contains(token.formToken))
        #expect(SessionToken(text: token.text) == token)
        #expect(SessionToken(text: "not hex") == nil)
    }
}
