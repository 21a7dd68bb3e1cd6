import ArtelCore
import Testing

@Suite("PasswordHash")
struct PasswordHashTests {
    @Test("A password is stored as an Argon2id string with a fresh salt, and verifies")
    func hashesWithArgon2id() {
        let first = PasswordHash.hash("correct horse battery")
        let second = PasswordHash.hash("correct horse battery")
        #expect(first.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
        #expect(first != second, "each hash has its own salt")
        #expect(PasswordHash.verify("correct horse battery", against: first))
        #expect(PasswordHash.verify("correct horse battery", against: second))
    }

    @Test("A wrong password, an empty one and a damaged hash verify nothing")
    func refusesWrongPasswords() {
        let stored = PasswordHash.hash("correct horse battery")
        #expect(!PasswordHash.verify("correct horse batterY", against: stored))
        #expect(!PasswordHash.verify("", against: stored))
        #expect(!PasswordHash.verify("correct horse battery", against: "plain text"))
        #expect(!PasswordHash.verify("correct horse battery", against: String(stored.dropLast(3))))
        #expect(!PasswordHash.verify("correct horse battery", against: PasswordHash.decoy))
    }

    @Test("Weak passwords are named for what is wrong with them")
    func namesWeakness() {
        #expect(PasswordHash.weakness(of: "") == "the password is empty")
        #expect(PasswordHash.weakness(of: "short") == "the password has 5 characters; use at least 10")
        #expect(PasswordHash.weakness(of: "aaaaaaaaaaaa")?.contains("repeats") == true)
        #expect(PasswordHash.weakness(of: String(repeating: "ab3", count: 400))?.contains("1024 bytes") == true)
        #expect(PasswordHash.weakness(of: "пароль из слов") == nil)
    }
}
