import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import VolunteerDirectory
import VolunteerDirectoryWeb

/// Who may reach what: signing in, roles on pages and the API alike, and the security headers.
@Suite struct AccessTests {
    @Test func signedOutPagesGoToSignInAndTheAPIAnswers401() async throws {
        let fixture = try await WebFixture(samples: false)
        try await fixture.test { client in
            let page = try await client.execute(uri: "/search?language=Polish", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=%2Fsearch")
            let api = try await client.execute(uri: "/api/search?language=Polish", method: .get)
            #expect(api.status == .unauthorized)
            #expect(api.text.contains("\"error\""))
            let unknown = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try await WebFixture(samples: false)
        try await fixture.test { client in
            for path in ["/login", "/search", "/no/such/page", "/static/app.css"] {
                let response = try await client.execute(uri: path, method: .get)
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(!policy.contains("unsafe-inline"))
                #expect(policy.contains("script-src 'self'"))
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
        }
    }

    @Test func theSessionCookieIsHttpOnlyAndLaxAndSecureOnlyBehindTLS() async throws {
        for behindTLS in [false, true] {
            let fixture = try await WebFixture(
                configuration: WebConfiguration(behindTLSProxy: behindTLS, bcryptCost: 4), samples: false)
            try await fixture.test { client in
                let session = Session(client)
                let response = try await session.signIn("cora", password: WebFixture.password)
                let cookie = try #require(
                    response.headers[values: .setCookie].first { $0.hasPrefix("voldir_session=") })
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                #expect(cookie.contains("Secure") == behindTLS)
            }
        }
    }

    @Test func aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() async throws {
        let fixture = try await WebFixture(
            configuration: WebConfiguration(signInAttempts: 3, bcryptCost: 4), samples: false)
        try await fixture.test { client in
            let session = Session(client)
            for _ in 0..<3 {
                let wrong = try await session.signIn("cora", password: "not the password at all")
                #expect(wrong.status == .unauthorized)
                #expect(wrong.text.contains("The account name or password is not right."))
                #expect(session.cookies["voldir_session"] == nil)
            }
            // Now even the right password waits out the window.
            let throttled = try await session.signIn("cora", password: WebFixture.password)
            #expect(throttled.status == .tooManyRequests)
            #expect(session.cookies["voldir_session"] == nil)
            // Another account is not throttled by cora's failures.
            let other = try await session.signIn("ada", password: WebFixture.password)
            #expect(other.status == .seeOther)
        }
    }

    @Test func signingInWithoutTheFormsTokenIsRefused() async throws {
        let fixture = try await WebFixture(samples: false)
        try await fixture.test { client in
            let session = Session(client)
            // No GET /login first: no sign-in cookie to match the token against.
            let response = try await session.post(
                "/login", ["name": "cora", "password": WebFixture.password], csrf: "forged")
            #expect(response.status == .forbidden)
            #expect(session.cookies["voldir_session"] == nil)
        }
    }

    @Test func aStateChangingRequestWithoutItsCSRFTokenChangesNothing() async throws {
        let fixture = try await WebFixture(samples: false)
        try await fixture.test { client in
            let session = try await Session.signedIn(client, as: "cora")
            let fields: KeyValuePairs<String, String> = [
                "id": "N-900", "partner": "Stockport Homes", "title": "Gardening",
            ]
            let forged = try await session.post("/needs", fields, csrf: "")
            #expect(forged.status == .forbidden)
            let wrong = try await session.post(
                "/needs", fields, csrf: String(repeating: "x", count: session.csrf.count))
            #expect(wrong.status == .forbidden)
            #expect(try fixture.directory.store.needs().isEmpty)
            let api = try await session.postJSON("/api/match", "{}", csrf: false)
            #expect(api.status == .forbidden)
            let real = try await session.post("/needs", fields)
            #expect(real.status == .seeOther)
            #expect(try fixture.directory.store.needs().map(\.id) == ["N-900"])
        }
    }

    @Test func aPartnerIsRefusedImportsEditsAndAccounts() async throws {
        let fixture = try await WebFixture(samples: false)
        try await fixture.test { client in
            let partner = try await Session.signedIn(client, as: "hospital")
            for path in ["/imports", "/needs/new", "/admin/users"] {
                #expect(try await partner.get(path).status == .forbidden, "\(path)")
            }
            let create = try await partner.post(
                "/needs", ["id": "N-1", "partner": "Stepping Hill Hospital", "title": "x"])
            #expect(create.status == .forbidden)
            let upload = try await partner.upload("/imports", fileName: "r.csv", contents: "Name\nA\n")
            #expect(upload.status == .forbidden)
            #expect(try fixture.directory.store.needs().isEmpty)
            #expect(try fixture.directory.store.batches().isEmpty)
            let coordinator = try await Session.signedIn(client, as: "cora")
            #expect(try await coordinator.get("/admin/users").status == .forbidden)
        }
    }

    @Test func aPartnerSeesNoContactDetailsAndOnlyItsOwnNeeds() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let partner = try await Session.signedIn(client, as: "hospital")
            let everyone = try fixture.directory.everyone()
            let shared = everyone.filter { $0.consent.share == .partners }
            let notShared = try #require(everyone.first { $0.consent.share != .partners })
            #expect(!shared.isEmpty)
            var pages: [String] = []
            for path in [
                "/search?text=a", "/search?area=SK4", "/api/search?area=SK1", "/needs", "/api/needs", "/networks",
            ] {
                let response = try await partner.get(path)
                #expect(response.status == .ok, "\(path)")
                pages.append(response.text)
            }
            for person in shared {
                let page = try await partner.get("/volunteers/\(person.id)")
                #expect(page.status == .ok)
                pages.append(page.text)
                pages.append(try await partner.get("/api/volunteers/\(person.id)").text)
            }
            #expect(try await partner.get("/volunteers/\(notShared.id)").status == .notFound)
            #expect(try await partner.get("/api/volunteers/\(notShared.id)").status == .notFound)
            let held = everyone.flatMap { [$0.email, $0.phone] }.compactMap { $0 }
            for text in pages {
                #expect(!text.contains("@example"), "an email address reached a partner")
                for detail in held { #expect(!text.contains(detail), "\(detail) reached a partner") }
            }
            let needs = try fixture.directory.store.needs()
            let own = needs.filter { $0.partner == "Stepping Hill Hospital" }
            let others = needs.filter { $0.partner != "Stepping Hill Hospital" }
            #expect(!own.isEmpty && !others.isEmpty)
            let list = try await partner.get("/needs").text
            for need in own { #expect(list.contains(need.title.htmlEscaped)) }
            for need in others { #expect(!list.contains(">\(need.id)<"), "partner sees \(need.id)") }
        }
    }
}

extension String {
    var htmlEscaped: String { HTML.escape(self) }
}
