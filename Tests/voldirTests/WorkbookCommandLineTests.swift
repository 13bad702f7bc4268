import Foundation
import Testing

/// `voldir import` on workbooks, as a coordinator runs it on the file a network sent.
extension CommandLineTests {
    /// Copies a workbook fixture into the test folder under `name`.
    func workbook(_ fixture: String, as name: String) throws -> String {
        let source = packageRoot.appendingPathComponent("Tests/WorkbookImporterTests/Fixtures/\(fixture)")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
        return name
    }

    @Test(
        "voldir import members.xlsx and members.ods work like a CSV import, naming sheet and row",
        arguments: ["xlsx", "ods"])
    func importWorkbook(_ format: String) throws {
        let file = try workbook("members-libreoffice.\(format)", as: "members.\(format)")
        let result = try voldir("import", file, "--format", "json")
        #expect(result.status == 2)
        let report = try #require(try json(result.stdout) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.first?["plugin"] as? String == "workbook")
        #expect(files.first?["created"] as? Int == 3)
        let rejected = try #require(files.first?["rejected"] as? [[String: Any]])
        #expect(rejected.first?["line"] as? Int == 8)
        #expect(rejected.first?["sheet"] as? String == "Volunteers")
        #expect(rejected.first?["reason"] as? String == "no name")

        let found = try voldir("search", "--language", "Welsh", "--format", "json")
        let people = try #require(try json(found.stdout) as? [[String: Any]])
        #expect(people.compactMap { $0["name"] as? String } == ["Megan Ashworth"])

        let again = try voldir("import", file, "--db", "second.sqlite")
        #expect(again.stdout.contains(#"members.\#(format), sheet "Volunteers", row 8: no name"#))
        #expect(
            again.stdout.contains(
                #"members.\#(format), sheet "Volunteers", row 5: phone '7700900123' was stored as a number"#))
    }

    @Test("--sheet reads the sheet it names, hidden or not")
    func importNamedSheet() throws {
        let file = try workbook("members-excel.xlsx", as: "members.xlsx")
        let result = try voldir("import", file, "--sheet", "Old list", "--network", "Old")
        #expect(result.status == 0)
        let missing = try voldir("import", file, "--sheet", "Nope", "--db", "second.sqlite")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no sheet named 'Nope'"))
    }

    @Test(
        "a workbook roster is its network's list of members now: a newer one that leaves people out ends their membership"
    )
    func workbookRosterDepartures() throws {
        let first = try workbook("members-excel.xlsx", as: "spring.xlsx")
        let second = try workbook("members-libreoffice.xlsx", as: "summer.xlsx")
        for (file, daysAgo) in [(first, 2.0), (second, 1.0)] {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -daysAgo * 86_400)],
                ofItemAtPath: folder.appendingPathComponent(file).path)
        }
        #expect(try voldir("import", first).status == 2)
        let later = try voldir("import", second, "--sheet", "Old list", "--network", "Hope Valley Mutual Aid")
        #expect(later.status == 0)
        #expect(
            later.stdout.contains(
                "3 people are no longer on this roster: their membership of Hope Valley Mutual Aid ended"))
    }

    @Test("a workbook saved with a password or as .xls exits 1 with what to do, and writes nothing")
    func refusedWorkbooks() throws {
        let locked = try voldir("import", try workbook("password.xlsx", as: "locked.xlsx"))
        #expect(locked.status == 1)
        #expect(
            locked.stderr.contains(
                "locked.xlsx: cannot be read: the workbook was saved with a password; save a copy without one"))
        let legacy = try voldir("import", try workbook("legacy.xls", as: "old.xls"))
        #expect(legacy.status == 1)
        #expect(
            legacy.stderr.contains("old.xls: cannot be read: it is an Excel 97-2003 workbook (.xls): save it as .xlsx"))
        #expect(try voldir("search", "--format", "json").stdout == "[]\n")
        #expect(try voldir("plugins").stdout.contains("workbook"))
    }
}
