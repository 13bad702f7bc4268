import Foundation
import Testing

/// The shipped vCard example, an external importer plugin in Python, used as a coordinator
/// would: found through `$VOLDIR_PLUGIN_PATH`, listed by `voldir plugins`, and imported like a
/// roster, the same people merging with a roster's.
extension CommandLineTests {
    var vcardPluginFolder: String {
        packageRoot.appendingPathComponent("Plugins/examples/voldir-import-vcard").path
    }

    @Test("voldir plugins lists the built-in plugins and the external ones with where each was found")
    func pluginsListsExternalOnes() throws {
        let listed = try voldir("plugins", "--format", "json", environment: ["VOLDIR_PLUGIN_PATH": vcardPluginFolder])
        #expect(listed.status == 0)
        let plugins = try #require(try json(listed.stdout) as? [[String: Any]])
        #expect(plugins.compactMap { $0["id"] as? String } == ["csv", "sector3", "workbook", "vcard"])
        let vcard = try #require(plugins.last)
        #expect(vcard["location"] as? String == vcardPluginFolder + "/voldir-import-vcard")
        #expect((vcard["extensions"] as? [String]) == ["vcard", "vcf"])
        #expect(plugins.first?["location"] as? String == "built in")
    }

    @Test("a phone's contacts import through the vCard plugin and merge with a roster's people")
    func importsContacts() throws {
        let environment = ["VOLDIR_PLUGIN_PATH": vcardPluginFolder]
        _ = try write(
            "roster.csv", "Name,Email,Languages,Consent\nZoë Nowak,ZOE.NOWAK@example.org,Polish,yes\n")
        #expect(
            try voldir("import", "roster.csv", "--network", "Stockport Polish Community", environment: environment)
                .status == 0)
        let contacts = try Data(contentsOf: URL(fileURLWithPath: vcardPluginFolder + "/fixtures/iphone-3.0.vcf"))
        try contacts.write(to: folder.appendingPathComponent("contacts.vcf"))
        let imported = try voldir(
            "import", "contacts.vcf", "--network", "Heaton Moor Helpers", "--format", "json", environment: environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        let reports = try #require((try json(imported.stdout) as? [String: Any])?["files"] as? [[String: Any]])
        let report = try #require(reports.first)
        #expect(report["plugin"] as? String == "vcard")
        #expect(report["created"] as? Int == 1)
        #expect(report["updated"] as? Int == 1)
        #expect(imported.stderr.contains("vcard: 2 contact(s) read"))

        let everyone = try voldir("search", "--include-no-consent", "--format", "json", environment: environment)
        let people = try #require(try json(everyone.stdout) as? [[String: Any]])
        let zoe = try #require(people.first { $0["name"] as? String == "Zoë Nowak" })
        #expect((zoe["networks"] as? [String])?.sorted() == ["Heaton Moor Helpers", "Stockport Polish Community"])
        #expect(people.count == 2)
    }

    @Test("a plugin that fails writes nothing and exits 1 with its last messages; a bad timeout is refused")
    func failingPlugin() throws {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = bin.appendingPathComponent("voldir-import-broken")
        try Data(
            """
            #!/bin/sh
            if [ "$1" = "--describe" ]; then echo '{"protocol": 1, "identifier": "broken", "summary": "Breaks"}'; exit 0; fi
            if [ "$1" = "--recognise" ]; then echo certain; exit 0; fi
            echo '{"type": "volunteer", "name": "Half Written", "email": "half@example.org"}'
            echo 'cannot read row 2: the file is locked' >&2
            exit 3
            """.utf8
        ).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        _ = try write("people.brk", "anything")
        let environment = ["VOLDIR_PLUGIN_PATH": bin.path]
        let failed = try voldir("import", "people.brk", environment: environment)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("the importer plugin 'broken' exited with status 3"))
        #expect(failed.stderr.contains("broken: cannot read row 2: the file is locked"))
        let search = try voldir("search", "--include-no-consent", "--format", "json", environment: environment)
        #expect(search.stdout.contains("Half Written") == false)

        let refused = try voldir("import", "people.brk", "--plugin-timeout", "0", environment: environment)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--plugin-timeout '0' is out of range"))
    }
}
