import Testing
import VolunteerDirectory

/// A roster row's skills and languages cells read together (issue 12, items 1 and 6).
@Suite("Roster skills and languages cells")
struct RosterSkillsAndLanguagesTests {
    @Test("a languages cell that answers No, None or N/A records no language, and no Norwegian")
    func noIsNoLanguage() {
        for cell in ["No", "None", "N/A", "nil", "no; none"] {
            let read = RosterSkillsAndLanguages(skills: "", languages: cell)
            #expect(read.languages.isEmpty, "'\(cell)'")
            #expect(read.warnings.isEmpty, "'\(cell)'")
        }
        let yes = RosterSkillsAndLanguages(skills: "", languages: "Yes; Urdu")
        #expect(yes.languages.map(\.language.code) == ["urd"])
        #expect(yes.warnings == ["language 'Yes' is an answer, not a language; nothing recorded for it"])
    }

    @Test("a language in the skills column is a language spoken, with the text kept and a warning")
    func languageInSkills() {
        let read = RosterSkillsAndLanguages(skills: "Driving; BSL; Polish (fluent)", languages: "English")
        #expect(read.skills.map(\.written) == ["Driving"])
        #expect(read.languages.map(\.language.code) == ["eng", "bfi", "pol"])
        #expect(read.languages.map(\.language.written) == ["English", "BSL", "Polish (fluent)"])
        #expect(read.languages.last?.proficiency == .fluent)
        #expect(read.languages.filter(\.interprets).isEmpty)
        #expect(read.warnings.count == 2)
        #expect(read.warnings.first?.contains("skill 'BSL' is a language: read as British Sign Language (bfi)") == true)
    }

    @Test("X interpreter and X translator are the skill as written plus X, interpreted")
    func interpreters() {
        let read = RosterSkillsAndLanguages(
            skills: "Urdu interpreter; Polish translator; BSL interpreter; Interpreting (Tigrinya, Amharic)",
            languages: "Urdu (native)")
        #expect(
            read.skills.map(\.written) == [
                "Urdu interpreter", "Polish translator", "BSL interpreter", "Interpreting (Tigrinya, Amharic)",
            ])
        // Urdu was already in the languages cell: held once, now interpreting, its proficiency kept.
        #expect(read.languages.map(\.language.code) == ["urd", "pol", "bfi", "tir", "amh"])
        #expect(read.languages.map(\.interprets) == [true, true, true, true, true])
        #expect(read.languages.first?.proficiency == .native)
        #expect(read.warnings.contains("skill 'Urdu interpreter' names a language: read as interpreting Urdu (urd)"))
        #expect(read.warnings.count == 5)
    }

    @Test(
        "a skill that only mentions a language, a code or a near miss is a skill",
        arguments: [
            "English teaching", "French cooking", "Arabic calligraphy", "IT", "HR", "PA", "Interpreting",
            "Sign language interpreter",
            "Makaton", "Polsih", "Male", "Translation", "Cooking (Polish)",
        ])
    func notLanguages(item: String) {
        let read = RosterSkillsAndLanguages(skills: item, languages: "")
        #expect(read.languages.isEmpty, "'\(item)' read as \(read.languages.map(\.language.written))")
        #expect(read.skills.count == 1)
        #expect(read.warnings.isEmpty)
    }
}
