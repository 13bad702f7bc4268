import Foundation
import Testing
import VolunteerDirectory

/// Countries where a qualification was gained: codes kept, names shown (issue 12, item 5).
@Suite("Countries")
struct CountriesTests {
    @Test(
        "an ISO 3166 code is shown as the name coordinators know",
        arguments: [
            ("ER", "Eritrea"), ("PK", "Pakistan"), ("IR", "Iran"), ("SY", "Syria"), ("KR", "South Korea"),
            ("GB", "United Kingdom"),
            ("CD", "Democratic Republic of the Congo"), ("VN", "Vietnam"), ("pk", "Pakistan"), ("XK", "Kosovo"),
        ])
    func names(code: String, name: String) {
        #expect(Countries.name(of: code) == name)
    }

    @Test("a code that names no country has no name")
    func unknownCode() {
        #expect(Countries.name(of: "ZZ") == nil)
        #expect(Countries.name(of: "") == nil)
    }

    @Test("ISO's names, official names and the names people write all find the code")
    func codesByName() {
        for (text, code) in [
            ("Eritrea", "ER"), ("Iran, Islamic Republic of", "IR"), ("Islamic Republic of Iran", "IR"),
            ("Republic of Korea", "KR"),
            ("State of Eritrea", "ER"), ("Falkland Islands", "FK"), ("Türkiye", "TR"), ("Syrian Arab Republic", "SY"),
        ] {
            #expect(Countries.code(named: text) == code, "\(text)")
        }
    }

    @Test("every place that shows a skill names the country; JSON keeps the code")
    func skillDisplay() throws {
        var skill = Skill(written: "Nursing", level: .professional)
        skill.qualifiedIn = "ER"
        #expect(skill.displayText == "Nursing (professional, qualified in Eritrea)")
        let volunteer = Volunteer(id: 1, name: "Saba Tesfay", skills: [skill])
        let table = try Presentation.volunteer(volunteer, as: .table)
        #expect(table.contains("qualified in Eritrea") && !table.contains("qualified in ER"))
        let json = try Presentation.volunteer(volunteer, as: .json)
        #expect(json.contains("\"qualifiedIn\" : \"ER\""))
        #expect(!json.contains("Eritrea"))
    }
}
