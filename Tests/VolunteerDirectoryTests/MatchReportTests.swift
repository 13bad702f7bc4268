import Testing
import VolunteerDirectory

@Suite("Matching report")
struct MatchReportTests {
    static func person(
        _ id: VolunteerID, _ name: String, skills: [Skill], languages: [(String, Proficiency)],
        share: ShareScope = .partners,
        dbs: DBSLevel = .enhanced, email: String? = nil
    ) -> Volunteer {
        Volunteer(
            id: id, name: name, email: email ?? "\(name.lowercased().filter(\.isLetter))@example.org",
            phone: "07700 90000\(id)",
            postcode: "SK4 1AA", skills: skills,
            languages: languages.map { SpokenLanguage(language: .resolving($0.0), proficiency: $0.1) },
            availability: [Slot(day: .any, part: .any)], dbs: DBSCheck(level: dbs),
            consent: Consent(contact: true, share: share))
    }

    static let volunteers = [
        person(
            1, "Zoe Nowak", skills: [Skill(written: "Teaching", level: .professional)], languages: [("pl", .native)]),
        person(
            2, "Private Person", skills: [Skill(written: "Teaching")], languages: [("pl", .fluent)], share: .sector3),
        person(
            3, "Amina Rahman",
            skills: [
                {
                    var s = Skill(written: "Accountancy", level: .professional)
                    s.qualifiedIn = "PK"
                    return s
                }()
            ], languages: [("ur", .native)]),
        person(4, "Dawit Tesfaye", skills: [Skill(written: "Interpreting")], languages: [("ti", .native)], dbs: .basic),
        person(
            5, "=HYPERLINK(\"http://evil\")", skills: [Skill(written: "Teaching")], languages: [("pl", .fluent)],
            share: .partners),
    ]

    static let needs = [
        Need(
            id: "N-1", partner: "Schools", title: "Reading support",
            skills: [SkillRequirement(skill: Skill(written: "Teaching"), isRequired: true)],
            languages: [
                LanguageRequirement(language: .resolving("Polish"), minimumProficiency: .fluent, isRequired: true)
            ],
            postcode: "SK4 2BB", places: 3),
        Need(
            id: "N-2", partner: "Hospital", title: "Tigrinya interpreter",
            skills: [SkillRequirement(skill: Skill(written: "Interpreting"), isRequired: true)],
            languages: [
                LanguageRequirement(language: .resolving("Tigrinya"), minimumProficiency: .fluent, isRequired: true)
            ],
            places: 1, minimumDBS: .enhanced),
    ]

    func report(_ audience: MatchReport.Audience, alternates: Int = 2) throws -> MatchReport {
        let index = MatchIndex(volunteers: Self.volunteers, needs: Self.needs)
        let criteria = try MatchCriteria()
        let result = Matcher(criteria: criteria).match(index)
        return MatchReport(result: result, index: index, criteria: criteria, alternates: alternates, audience: audience)
    }

    @Test("coverage counts the members of a macrolanguage as speakers of it, as matching does")
    func coverageOfMacrolanguages() throws {
        let volunteers = [
            Self.person(1, "Rezan", skills: [], languages: [("Kurmanji", .native)]),
            Self.person(2, "Soran", skills: [], languages: [("Sorani", .fluent)]),
            Self.person(3, "Layla", skills: [], languages: [("Arabic", .native)]),
        ]
        let need = Need(
            id: "K", partner: "Homes", title: "Tenants' meetings",
            languages: [LanguageRequirement(language: .resolving("Kurdish"), isRequired: true)], places: 1)
        let index = MatchIndex(volunteers: volunteers, needs: [need])
        let criteria = try MatchCriteria()
        let report = MatchReport(
            result: Matcher(criteria: criteria).match(index), index: index, criteria: criteria, alternates: 0,
            audience: .coordinator)
        #expect(report.coverage.map(\.language) == ["Kurdish"])
        #expect(report.coverage.map(\.speakers) == [2])
        #expect(report.coverage.map(\.proposed) == [1])
    }

    @Test("proposals with reasons, unfilled places with reasons, coverage and under-used talent")
    func contents() throws {
        let report = try report(.coordinator)
        #expect(report.needs.map(\.need.id) == ["N-1", "N-2"])
        #expect(report.needs[0].proposed.map(\.volunteer.id) == [1, 2, 5])
        #expect(report.needs[0].proposed[0].reasons.contains("speaks Polish (native) — required"))
        #expect(report.needs[0].proposed[0].reasons.contains("lives in SK4"))
        let gap = try #require(report.needs[1].unfilled)
        #expect(
            gap.reasons == [
                "no volunteer who may be contacted speaks Tigrinya (fluent), has Interpreting and holds an enhanced DBS check",
                "1 volunteer meets every other requirement but not: holds an enhanced DBS check",
            ])
        #expect(report.coverage.map(\.language) == ["Polish", "Tigrinya"])
        #expect(report.coverage.map(\.placesAsking) == [3, 1])
        #expect(report.coverage.map(\.speakers) == [3, 1])
        #expect(report.talent.map(\.volunteer.name) == ["Amina Rahman"])
        let markdown = report.markdown()
        #expect(markdown.contains("1 place unfilled:"))
        // Reports name the country a qualification was gained in.
        for text in [markdown, report.html(), report.csv()] {
            #expect(text.contains("qualified in Pakistan") && !text.contains("qualified in PK"))
        }
        #expect(markdown.contains("zoenowak@example.org"))
    }

    @Test("for partners: no contact details, and no one who did not agree to be shared")
    func partnerRedaction() throws {
        let report = try report(.partner)
        #expect(report.needs[0].proposed.map(\.volunteer.id) == [1, 5])
        #expect(report.needs[0].withheld == 1)
        #expect(!report.result.assignments.contains { $0.volunteer == 2 })
        #expect(!report.result.candidates.contains { $0.volunteer == 2 })
        for text in [report.markdown(), report.html(), report.csv(), try report.json()] {
            #expect(!text.contains("Private Person"))
            #expect(!text.contains("@example.org"))
            #expect(!text.contains("07700"))
        }
        #expect(report.html().contains("not agreed to be shared with partners"))
        // One person withheld is a small number: published as "fewer than 5", never as 1.
        #expect(report.markdown().contains("- fewer than 5 further volunteers proposed, not shown"))
        #expect(report.html().contains("<p>fewer than 5 further volunteers proposed"))
    }

    @Test("HTML is one self-contained, accessible page")
    func html() throws {
        let html = try report(.coordinator).html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(!html.contains("<link"))
        #expect(html.contains("<svg role=\"img\" aria-labelledby=\"coverage-title coverage-desc\""))
        #expect(html.contains("<caption>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("=HYPERLINK(&quot;http://evil&quot;)"))
    }

    @Test("CSV cells that could run as formulas are neutralised")
    func csv() throws {
        let csv = try report(.coordinator).csv()
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
        #expect(!csv.contains(",=HYPERLINK"))
        #expect(csv.hasPrefix("row,need,partner,title,volunteer,name,contact,score,places,details\r\n"))
    }

    @Test("JSON has the documented shape")
    func json() throws {
        let json = try report(.coordinator).json()
        for key in [
            "\"assignments\"", "\"candidates\"", "\"unfilled\"", "\"totalScore\"", "\"need\"", "\"volunteer\"",
            "\"score\"", "\"reasons\"", "\"places\"",
        ] {
            #expect(json.contains(key))
        }
    }
}
