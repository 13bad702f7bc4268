import Foundation
import Testing

/// `voldir languages` and `voldir skills`, and the taxonomy files coordinators add.
extension CommandLineTests {
    @Test("languages QUERY --format json says how a string is understood, with null when it is not")
    func languageQuery() throws {
        let farsi = try voldir("languages", "Farsi", "--format", "json")
        #expect(farsi.status == 0)
        let object = try #require(try json(farsi.stdout) as? [String: Any])
        #expect(object["query"] as? String == "Farsi")
        #expect(object["code"] as? String == "fas")
        #expect(object["match"] as? String == "alias")
        #expect(Set(object["related"] as? [String] ?? []) == ["pes", "prs"])

        let typo = try #require(
            try json(try voldir("languages", "Portugese", "--format", "json").stdout) as? [String: Any])
        #expect(typo["code"] as? String == "por")
        #expect(typo["match"] as? String == "misspelling")

        let iranian = try voldir("languages", "Iranian", "--format", "json")
        #expect(iranian.status == 0)
        #expect(iranian.stdout.contains("\"code\" : null"))
        #expect(iranian.stdout.contains("\"related\" : []"))
        // Asking how a word is read touches no database.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("voldir.sqlite").path))
    }

    @Test("skills QUERY --format json lists the skills it names, then narrower and related ones")
    func skillQuery() throws {
        let result = try voldir("skills", "ACCA qualified", "--format", "json")
        #expect(result.status == 0)
        let object = try #require(try json(result.stdout) as? [String: Any])
        let skills = try #require(object["skills"] as? [[String: String]])
        #expect(skills.first == ["key": "accountancy", "label": "Accountancy", "match": "synonym"])
        #expect(skills.contains { $0["key"] == "bookkeeping" && $0["match"] == "related" })
        let legal = try #require(
            try json(try voldir("skills", "legal advice", "--format", "json").stdout) as? [String: Any])
        #expect(
            (legal["skills"] as? [[String: String]])?.contains { $0["key"] == "solicitor" && $0["match"] == "narrower" }
                == true)
    }

    @Test(
        "a taxonomy file in Imports teaches new words at once; --unmapped lists what it still misses; coverage counts speakers"
    )
    func taxonomyFileAndCoverage() throws {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Imports"), withIntermediateDirectories: true)
        _ = try write(
            "Imports/roster.csv",
            "Name,Email,Network,Skills,Languages,Consent\n"
                + "Rubina Akhtar,rubina@example.org,SREP,Apiarist; Chartered accountant,Panjabi (native); Sorani (fluent),yes\n"
                + "Tomasz Nowak,tomasz@example.org,SREP,Woodturning,Polski (native),yes\n")
        #expect(try voldir("import").status == 0)
        let unmapped = try json(try voldir("skills", "--unmapped", "--format", "json").stdout) as? [[String: Any]]
        #expect(Set(unmapped?.compactMap { $0["written"] as? String } ?? []) == ["Apiarist", "Woodturning"])

        let coverage = try json(try voldir("languages", "--format", "json").stdout) as? [[String: Any]]
        let punjabi = coverage?.first { $0["code"] as? String == "pan" }
        #expect(punjabi?["native"] as? Int == 1)
        #expect(coverage?.first { $0["code"] as? String == "ckb" }?["fluent"] as? Int == 1)

        // Kurdish finds the Sorani speaker, labelled narrower.
        let kurdish =
            try json(try voldir("search", "--language", "Kurdish", "--format", "json").stdout) as? [[String: Any]]
        #expect(kurdish?.first?["name"] as? String == "Rubina Akhtar")
        #expect(kurdish?.first?["match"] as? String == "narrower")

        _ = try write(
            "Imports/local.taxonomy.yaml",
            "version: 1\nskills:\n  - key: beekeeping\n    label: Beekeeping\n    synonyms: [apiarist]\n")
        let after = try json(try voldir("skills", "--unmapped", "--format", "json").stdout) as? [[String: Any]]
        #expect(after?.compactMap { $0["written"] as? String } == ["Woodturning"])
        let bees =
            try json(try voldir("search", "--skill", "beekeeping", "--format", "json").stdout) as? [[String: Any]]
        #expect(bees?.first?["name"] as? String == "Rubina Akhtar")
        #expect(bees?.first?["match"] as? String == "synonym")
        // The taxonomy file is not a roster: import leaves it alone.
        let again = try voldir("import")
        #expect(again.status == 0)
        #expect(!again.stderr.contains("local.taxonomy.yaml"))
    }

    @Test("a broken taxonomy file stops the command with its file, line and reason")
    func brokenTaxonomy() throws {
        _ = try write("mine.taxonomy.yaml", "version: 1\nskills:\n  - key: Bee Keeping\n    label: x\n")
        let result = try voldir("skills", "bees", "--taxonomy", "mine.taxonomy.yaml")
        #expect(result.status == 1)
        #expect(result.stderr.contains("mine.taxonomy.yaml:3:"))
        #expect(result.stderr.contains("lower case words joined by hyphens"))
    }
}

extension CommandLineTests {
    @Test("a corrected misspelling is imported and reported, so the roster can be fixed")
    func misspellingWarning() throws {
        _ = try write(
            "roster.csv",
            "Name,Email,Network,Languages,Consent\nAna Silva,ana@example.org,SREP,Portugese (fluent),yes\n")
        let result = try voldir("import", "roster.csv", "--format", "json")
        #expect(result.status == 0)
        #expect((result.stdout + result.stderr).contains("language 'Portugese' read as Portuguese"))
        let found = try voldir("search", "--language", "Portuguese", "--format", "json")
        #expect((try json(found.stdout) as? [[String: Any]])?.first?["name"] as? String == "Ana Silva")
        let typed = try voldir("search", "--language", "Portugese")
        #expect(typed.stderr.contains("read as Portuguese (por)"))
    }
}

extension CommandLineTests {
    @Test("'languages No' is not understood, and a search for 'no' says so rather than searching Norwegian")
    func answersAreNotLanguages() throws {
        let no = try voldir("languages", "No")
        #expect(no.status == 0)
        #expect(no.stdout.contains("'No' is not a language: it answers a question"))
        #expect(try voldir("languages", "the").stdout.contains("'the' is not a language the catalogue knows"))
        let yes = try #require(try json(try voldir("languages", "Yes", "--format", "json").stdout) as? [String: Any])
        #expect(yes["code"] is NSNull)

        _ = try write(
            "roster.csv",
            "Name,Email,Network,Languages,Consent\nOla Nordmann,ola@example.org,SREP,Norsk,yes\nAmina Rahman,amina@example.org,SREP,No,yes\n"
        )
        #expect(try voldir("import", "roster.csv").status == 0)
        let search = try voldir("search", "--language", "no", "--format", "json")
        #expect(search.status != 0)
        #expect(search.stderr.contains("'no' is not a language but an answer"))
        #expect(!search.stdout.contains("Ola Nordmann"))
        let norwegian = try voldir("search", "--language", "Norwegian", "--format", "json")
        #expect((try json(norwegian.stdout) as? [[String: Any]])?.map { $0["name"] as? String } == ["Ola Nordmann"])
    }

    @Test("show and tables name the country a qualification was gained in")
    func qualificationCountry() throws {
        _ = try write(
            "roster.csv",
            "Name,Email,Network,Skills,Consent\nSaba Tesfay,saba@example.org,SREP,Nursing (professional; Eritrea),yes\n"
        )
        #expect(try voldir("import", "roster.csv").status == 0)
        let table = try voldir("search", "--skill", "Nursing")
        #expect(table.stdout.contains("qualified in Eri"))  // the column is cut to fit
        let csv = try voldir("search", "--skill", "Nursing", "--format", "csv")
        #expect(csv.stdout.contains("qualified in Eritrea"))
        let shown = try voldir("show", "1")
        #expect(shown.stdout.contains("Nursing (professional, qualified in Eritrea)"))
        let json = try voldir("show", "1", "--format", "json")
        #expect(json.stdout.contains("\"qualifiedIn\" : \"ER\""))
    }
}
