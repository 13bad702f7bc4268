import CSVImporter
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import VolunteerDirectory
import VolunteerDirectoryWeb

/// The pages do what the CLI does: search by the CLI's parameters, show what they show escaped,
/// save needs only when valid, import only when confirmed, match and record decisions.
@Suite struct PageTests {
    @Test func searchTakesTheCLIsParametersAndMatchesTheCLIsJSON() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let session = try await Session.signedIn(client, as: "cora")
            let page = try await session.get("/search?language=Polish&dbs=enhanced")
            #expect(page.status == .ok)
            #expect(page.text.contains("Zoë Nowak"))
            #expect(page.text.contains("<table id=\"results\">"))
            let api = try await session.get("/api/search?language=Polish&dbs=enhanced")
            let query = VolunteerQuery(languages: [.resolving("Polish")], minimumDBS: .enhanced)
            let expected = try Presentation.volunteers(try fixture.directory.store.search(query), as: .json)
            #expect(api.text == expected + "\n")
            let bad = try await session.get("/search?limit=0&available=someday")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("id=\"limit-error\""))
            #expect(bad.text.contains("id=\"available-error\""))
            #expect(try await session.get("/search?language=no").status == .badRequest)
        }
    }

    @Test func whatAPageShowsIsEscaped() async throws {
        let fixture = try await WebFixture(samples: false)
        let roster = try fixture.directory.file(
            "evil.csv", "Name,Email,Skills\n<script>alert(1)</script>,x@example.org,\"<img src=x onerror=alert(2)>\"\n")
        _ = try fixture.directory.service.importFile(
            at: roster, request: ImportRequest(options: ImportOptions(network: "Net \"<b>\"")))
        try await fixture.test { client in
            let session = try await Session.signedIn(client, as: "cora")
            let id = try #require(try fixture.directory.everyone().first?.id)
            for path in ["/search?text=alert", "/volunteers/\(id)", "/networks", "/skills"] {
                let text = try await session.get(path).text
                #expect(!text.contains("<script>alert"), "\(path)")
                #expect(!text.contains("<img src=x"), "\(path)")
                #expect(!text.contains("<b>"), "\(path)")
            }
            #expect(try await session.get("/volunteers/\(id)").text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test func aBadNeedComesBackWithTheProblemBesideItsFieldAndNothingSaved() async throws {
        let fixture = try await WebFixture(samples: false)
        try await fixture.test { client in
            let session = try await Session.signedIn(client, as: "cora")
            let bad = try await session.post(
                "/needs",
                ["id": "N-7", "partner": "Stockport Homes", "title": "Decorating", "places": "lots", "dbs": "gold"])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("id=\"places-error\""))
            #expect(bad.text.contains("id=\"dbs-error\""))
            #expect(bad.text.contains("value=\"Decorating\""))
            #expect(try fixture.directory.store.needs().isEmpty)
            // A limit broken inside a list is shown beside the list's field.
            let longSkill = try await session.post(
                "/needs",
                [
                    "id": "N-7", "partner": "Stockport Homes", "title": "Decorating",
                    "required-skills": String(repeating: "x", count: 400),
                ])
            #expect(longSkill.status == .badRequest)
            #expect(longSkill.text.contains("id=\"required-skills-error\""))
            #expect(try fixture.directory.store.needs().isEmpty)
            let good = try await session.post(
                "/needs",
                [
                    "id": "N-7", "partner": "Stockport Homes", "title": "Decorating", "places": "2",
                    "required-languages": "Polish (fluent)", "when": "Sat morning",
                ])
            #expect(good.status == .seeOther)
            let need = try #require(try fixture.directory.store.needs().first)
            #expect(need.places == 2)
            #expect(need.languages.first?.language.code == "pol")
            #expect(need.languages.first?.minimumProficiency == .fluent)
            // The same id again is refused; an edit keeps the id and changes the rest.
            #expect(
                try await session.post("/needs", ["id": "N-7", "partner": "P", "title": "T"]).status == .badRequest)
            _ = try await session.get("/needs/N-7/edit")
            let edit = try await session.post(
                "/needs/N-7", ["id": "N-8", "partner": "Stockport Homes", "title": "Painting"])
            #expect(edit.status == .seeOther)
            #expect(try fixture.directory.store.needs().map(\.id) == ["N-7"])
            #expect(try fixture.directory.store.needs().first?.title == "Painting")
            // Closing keeps it, closed, and matching leaves it out.
            _ = try await session.get("/needs")
            #expect(try await session.post("/needs/N-7/close").status == .seeOther)
            #expect(try fixture.directory.store.needs().first?.closed != nil)
            #expect(
                try MatchRun(store: fixture.directory.store).report(alternates: 0, audience: .coordinator).needs.isEmpty
            )
        }
    }

    @Test func anUploadIsCheckedFirstAndWrittenOnceWhenConfirmed() async throws {
        let fixture = try await WebFixture(samples: false)
        try await fixture.test { client in
            let session = try await Session.signedIn(client, as: "cora")
            _ = try await session.get("/imports")
            let roster =
                "Name,Email,Skills,Languages\nAmina Rahman,amina@example.org,Bookkeeping,Urdu\n,nobody@example.org,,\n"
            let uploaded = try await session.upload(
                "/imports", fileName: "srep.csv", contents: roster, fields: ["network": "SREP"])
            #expect(uploaded.status == .seeOther)
            let job = try #require(uploaded.location)
            var page = ""
            try await eventually("the dry run") {
                page = try await session.get(job).text
                return page.contains("id=\"dry-run\"") || page.contains("import-failed")
            }
            #expect(page.contains("id=\"confirm-import\""))
            #expect(page.contains("id=\"rejected\""))
            #expect(try fixture.directory.store.batches().isEmpty)
            #expect(try fixture.directory.everyone().isEmpty)
            // Two confirmations (a double click) write once.
            #expect(try await session.post(job + "/confirm").status == .seeOther)
            #expect(try await session.post(job + "/confirm").status == .seeOther)
            try await eventually("the import") { try await session.get(job).text.contains("id=\"import-result\"") }
            #expect(try fixture.directory.store.batches().count == 1)
            #expect(try fixture.directory.everyone().map(\.name) == ["Amina Rahman"])
            let done = try await session.get("/imports").text
            #expect(done.contains("srep.csv"))
        }
    }

    @Test func aTooLargeUploadIsRefusedWithNothingWritten() async throws {
        let fixture = try await WebFixture(
            configuration: WebConfiguration(uploadLimit: 1024, bcryptCost: 4), samples: false)
        try await fixture.test { client in
            let session = try await Session.signedIn(client, as: "cora")
            _ = try await session.get("/imports")
            let big = "Name,Email\n" + (0..<200).map { "Person \($0),p\($0)@example.org" }.joined(separator: "\n")
            let response = try await session.upload("/imports", fileName: "big.csv", contents: big)
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("larger than this server accepts"))
            #expect(try fixture.directory.store.batches().isEmpty)
        }
    }

    @Test func matchingRunsInTheBackgroundAndProposalsCanBeConfirmed() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let session = try await Session.signedIn(client, as: "cora")
            _ = try await session.get("/match")
            let started = try await session.post("/match", ["weight-nearness": "2"])
            #expect(started.status == .seeOther)
            let run = try #require(started.location)
            var page = ""
            try await eventually("the matching run") {
                page = try await session.get(run).text
                return page.contains("confirm-placement") || page.contains("Matching failed")
            }
            let proposed = try fixture.directory.store.placements().filter { $0.status == .proposed }
            let first = try #require(proposed.last)
            let decided = try await session.post("/placements/\(first.id)/confirm", ["return": run])
            #expect(decided.location == run)
            #expect(try fixture.directory.store.placements().first { $0.id == first.id }?.status == .confirmed)
            #expect(try await session.get(run).text.contains("Confirmed"))
            for format in ["html", "csv", "json"] {
                let download = try await session.get(run + "/report.\(format)")
                #expect(download.status == .ok)
                #expect(download.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            }
            let api = try await session.postJSON("/api/match", "{\"weights\": {\"nearness\": 2}}")
            #expect(api.status == .ok)
            #expect(api.text.hasPrefix("{") && api.text.contains("\"reasons\""))
            let badWeights = try await session.postJSON("/api/match", "{\"weights\": {\"nearness\": -1}}")
            #expect(badWeights.status == .badRequest)
        }
    }

    @Test func aConfirmationForANeedWithNoPlaceLeftIsRefusedSayingWhy() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let session = try await Session.signedIn(client, as: "cora")
            _ = try await session.get("/match")
            let store = fixture.directory.store
            let people = try store.search(VolunteerQuery(includeWithoutConsent: true)).map(\.volunteer.id)
            // N-103 has one place.
            let proposed = try store.propose([("N-103", people[0], 0.9), ("N-103", people[1], 0.8)])
            #expect(try await session.post("/placements/\(proposed[0].id)/confirm").status == .seeOther)
            let refused = try await session.post("/placements/\(proposed[1].id)/confirm")
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("already has all 1 of its place(s) confirmed"))
            #expect(try store.placements().first { $0.id == proposed[1].id }?.status == .proposed)
        }
    }

    @Test func aPartnersMatchingRunCoversItsOwnNeedsAndRecordsNothing() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let partner = try await Session.signedIn(client, as: "hospital")
            _ = try await partner.get("/match")
            let started = try await partner.post("/match")
            let run = try #require(started.location)
            var page = ""
            try await eventually("the partner's run") {
                page = try await partner.get(run).text
                return !page.contains("match-progress")
            }
            #expect(!page.contains("confirm-placement"))
            let others = try fixture.directory.store.needs().filter { $0.partner != "Stepping Hill Hospital" }
            for need in others { #expect(!page.contains(">\(need.id):"), "partner's report shows \(need.id)") }
            #expect(!page.contains("@example"))
            #expect(try fixture.directory.store.placements().isEmpty)
            // A coordinator's run is not the partner's to read.
            let coordinator = try await Session.signedIn(client, as: "cora")
            _ = try await coordinator.get("/match")
            let theirs = try #require(try await coordinator.post("/match").location)
            #expect(try await partner.get(theirs).status == .notFound)
        }
    }

    @Test func anAdminAddsAndRemovesAccounts() async throws {
        let fixture = try await WebFixture(samples: false)
        try await fixture.test { client in
            let admin = try await Session.signedIn(client, as: "ada")
            _ = try await admin.get("/admin/users")
            let missingPartner = try await admin.post("/admin/users", ["account-name": "school", "role": "partner"])
            #expect(missingPartner.status == .badRequest)
            #expect(missingPartner.text.contains("id=\"partner-error\""))
            let added = try await admin.post(
                "/admin/users",
                ["account-name": "school", "role": "partner", "partner": "Stockport Council Schools Team"])
            #expect(added.status == .ok)
            let account = try #require(try await fixture.directory.store.account(named: "school"))
            #expect(account.mustChangePassword)
            #expect(!account.passwordHash.isEmpty && !added.text.contains(account.passwordHash))
            #expect(try await admin.post("/admin/users/school/remove").status == .seeOther)
            #expect(try await fixture.directory.store.account(named: "school") == nil)
        }
    }

    @Test func readsAreRecordedInTheAuditLogUnderTheAccount() async throws {
        let fixture = try await WebFixture()
        try await fixture.test { client in
            let session = try await Session.signedIn(client, as: "cora")
            _ = try await session.get("/search?language=Polish")
            await fixture.app.flushAudit()
            let entries = try fixture.directory.store.auditEntries(AuditFilter())
            #expect(entries.contains { $0.actor == "web:cora" && $0.action == "web search" })
            #expect(!entries.contains { ($0.detail ?? "").contains(WebFixture.password) })
        }
    }

    @Test func theOpenAPIDocumentDescribesTheAPI() async throws {
        let fixture = try await WebFixture(samples: false)
        try await fixture.test { client in
            let response = try await client.execute(uri: "/api/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            #expect(document?["openapi"] as? String == "3.1.0")
            let paths = try #require(document?["paths"] as? [String: Any])
            #expect(Set(paths.keys) == ["/api/search", "/api/volunteers/{id}", "/api/needs", "/api/match"])
        }
    }
}
