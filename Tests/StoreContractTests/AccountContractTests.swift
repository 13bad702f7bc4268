import Foundation
import Testing
import VolunteerDirectory

/// The web app's accounts, sessions and sign-in failures.
@Suite("Store contract: accounts and sessions")
struct AccountContractTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func account(_ name: String, _ role: AccountRole = .coordinator) -> Account {
        Account(name: name, role: role, passwordHash: "$2b$12$hash-of-\(name)", created: now)
    }

    static func session(_ token: String, of account: String, hours: Double = 8) -> WebSession {
        WebSession(
            tokenHash: token, account: account, csrfToken: "csrf-\(token)", created: now,
            expires: now.addingTimeInterval(hours * 3_600))
    }

    @Test(
        "accounts are added, found ignoring case, listed by name, and a taken name is refused",
        arguments: StoreKind.allCases)
    func accounts(kind: StoreKind) async throws {
        // The directory lives to the end of the test: going, it drops a server's database.
        let directory = try kind.make()
        defer { withExtendedLifetime(directory) {} }
        let store = directory.accounts
        try await store.addAccount(Self.account("zoe", .admin))
        try await store.addAccount(Self.account("ann"))
        await #expect(throws: AccountError.exists("ANN")) { try await store.addAccount(Self.account("ANN")) }
        #expect(try await store.accounts().map(\.name) == ["ann", "zoe"])
        #expect(try await store.account(named: "Zoe")?.role == .admin)
        #expect(try await store.account(named: "nobody") == nil)

        try await store.setPassword(of: "ann", hash: "new-hash", mustChange: true, keeping: nil)
        let ann = try #require(try await store.account(named: "ann"))
        #expect(ann.passwordHash == "new-hash")
        #expect(ann.mustChangePassword)
        await #expect(throws: AccountError.noSuchAccount("bob")) {
            try await store.setPassword(of: "bob", hash: "x", mustChange: false, keeping: nil)
        }
    }

    @Test("sessions expire, end, and end with their account or a new password", arguments: StoreKind.allCases)
    func sessions(kind: StoreKind) async throws {
        // The directory lives to the end of the test: going, it drops a server's database.
        let directory = try kind.make()
        defer { withExtendedLifetime(directory) {} }
        let store = directory.accounts
        try await store.addAccount(Self.account("ann"))
        try await store.addAccount(Self.account("ben"))
        try await store.startSession(Self.session("a1", of: "ann"))
        try await store.startSession(Self.session("a2", of: "ann"))
        try await store.startSession(Self.session("a3", of: "ann"))
        try await store.startSession(Self.session("b1", of: "ben", hours: 1))

        #expect(try await store.session(tokenHash: "a1", at: Self.now)?.csrfToken == "csrf-a1")
        #expect(try await store.session(tokenHash: "b1", at: Self.now.addingTimeInterval(3_599)) != nil)
        #expect(try await store.session(tokenHash: "b1", at: Self.now.addingTimeInterval(3_600)) == nil)
        #expect(try await store.session(tokenHash: "nope", at: Self.now) == nil)
        // What every web request asks first: the session and its account, in one go.
        let signedIn = try #require(try await store.signedIn(tokenHash: "b1", at: Self.now))
        #expect(signedIn.session.csrfToken == "csrf-b1")
        #expect(signedIn.account.name == "ben")
        #expect(try await store.signedIn(tokenHash: "b1", at: Self.now.addingTimeInterval(3_600)) == nil)
        #expect(try await store.signedIn(tokenHash: "nope", at: Self.now) == nil)

        try await store.endSession(tokenHash: "a1")
        #expect(try await store.session(tokenHash: "a1", at: Self.now) == nil)

        // A new password ends the account's other sessions, not the one it was changed in,
        // however the name is written.
        try await store.setPassword(of: "ANN", hash: "new", mustChange: false, keeping: "a2")
        #expect(try await store.session(tokenHash: "a2", at: Self.now) != nil)
        #expect(try await store.session(tokenHash: "a3", at: Self.now) == nil)

        #expect(try await store.removeAccount(named: "ann"))
        #expect(try await store.removeAccount(named: "ann") == false)
        #expect(try await store.session(tokenHash: "a2", at: Self.now) == nil)
        #expect(try await store.session(tokenHash: "b1", at: Self.now) != nil)
        #expect(try await store.accounts().map(\.name) == ["ben"])
    }

    @Test("sign-in failures are counted within the window and cleared", arguments: StoreKind.allCases)
    func signInFailures(kind: StoreKind) async throws {
        // The directory lives to the end of the test: going, it drops a server's database.
        let directory = try kind.make()
        defer { withExtendedLifetime(directory) {} }
        let store = directory.accounts
        let minute: TimeInterval = 60
        let window = Self.now.addingTimeInterval(-15 * minute)
        #expect(
            try await store.recordSignInFailure(
                key: "ann", at: Self.now.addingTimeInterval(-20 * minute),
                since: Self.now.addingTimeInterval(-30 * minute)) == 1)
        #expect(
            try await store.recordSignInFailure(key: "ann", at: Self.now.addingTimeInterval(-2 * minute), since: window)
                == 1)
        #expect(
            try await store.recordSignInFailure(key: "ANN", at: Self.now.addingTimeInterval(-minute), since: window)
                == 2)
        #expect(try await store.recordSignInFailure(key: "ben", at: Self.now, since: window) == 1)
        #expect(try await store.signInFailures(key: "ann", since: window) == 2)
        #expect(try await store.signInFailures(key: "ann", since: Self.now.addingTimeInterval(-90)) == 1)
        try await store.clearSignInFailures(key: "Ann")
        #expect(try await store.signInFailures(key: "ann", since: window) == 0)
        #expect(try await store.signInFailures(key: "ben", since: window) == 1)
    }

    @Test("writers working at once all land", arguments: StoreKind.allCases)
    func concurrentWriters(kind: StoreKind) async throws {
        // The directory lives to the end of the test: going, it drops a server's database.
        let directory = try kind.make()
        defer { withExtendedLifetime(directory) {} }
        let store = directory.accounts
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<24 {
                group.addTask {
                    try await store.addAccount(Self.account("user\(number)"))
                    _ = try await store.recordSignInFailure(key: "shared", at: Self.now, since: Self.now)
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.accounts().count == 24)
        #expect(try await store.signInFailures(key: "shared", since: Self.now) == 24)
    }
}

/// Several app servers on one directory: what one server's user starts, every server sees.
@Suite("Store contract: accounts and sessions shared by several servers")
struct SharedAccountContractTests {
    @Test(
        "a session, its CSRF token and sign-in failures recorded by one store are seen by another on the same directory",
        arguments: StoreKind.shared)
    func sessionsShared(kind: StoreKind) async throws {
        let directory = try kind.make()
        defer { withExtendedLifetime(directory) {} }
        let first = directory.accounts
        let open = try #require(directory.another)
        let second = try open()
        let now = AccountContractTests.now
        try await first.addAccount(AccountContractTests.account("ann"))
        #expect(try await second.account(named: "ANN")?.name == "ann")
        try await first.startSession(AccountContractTests.session("a1", of: "ann"))

        // Signed in on the first server, signed in on the second, with the same CSRF token.
        let signedIn = try #require(try await second.signedIn(tokenHash: "a1", at: now))
        #expect(signedIn.account.name == "ann")
        #expect(signedIn.session.csrfToken == "csrf-a1")

        // Throttling counts the attempts made on either server.
        let window = now.addingTimeInterval(-900)
        #expect(try await first.recordSignInFailure(key: "ann", at: now, since: window) == 1)
        #expect(try await second.recordSignInFailure(key: "ANN", at: now, since: window) == 2)
        try await second.clearSignInFailures(key: "ann")
        #expect(try await first.signInFailures(key: "ann", since: window) == 0)

        // Signed out on the second server, signed out on the first.
        try await second.endSession(tokenHash: "a1")
        #expect(try await first.signedIn(tokenHash: "a1", at: now) == nil)
    }
}
