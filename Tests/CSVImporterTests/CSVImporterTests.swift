import Foundation
import Testing
import VolunteerDirectory
import VolunteerDirectoryTestSupport

@testable import CSVImporter

/// The plugin on its own: what it hands the directory for each quirk of rosters-csv.md.
@Suite("CSV importer plugin")
struct CSVImporterTests {
    func read(_ name: String, options: ImportOptions = ImportOptions()) throws -> RecordingSink {
        let url = fixturesFolder().appendingPathComponent(name)
        let sink = RecordingSink()
        try CSVImporter().read(ImportInput(url: url, displayName: name, size: 0), options: options, into: sink)
        return sink
    }

    @Test("header spellings in any case, with punctuation, spaces and (s), all map")
    func headerSpellings() throws {
        let sink = try read("header-spellings.csv")
        let wing = try #require(sink.volunteers.first)
        #expect(wing.name == "Wing Chan")
        #expect(wing.email == "wing@example.org")
        #expect(wing.phone == "07700 905555")
        #expect(wing.postcode == "sk41aa")
        #expect(wing.area == "Heatons North")
        #expect(wing.memberships == [MembershipRecord(network: NetworkReference(name: "SREP"), role: "treasurer")])
        #expect(wing.skills.map(\.written) == ["IT support"])
        #expect(wing.languages.first?.language.code == "yue")
        #expect(wing.languages.first?.proficiency == .native)
        #expect(wing.availability == [Slot(day: .wed, part: .afternoon)])
        #expect(wing.dbs == DBSCheck(level: .standard, issued: CalendarDate(year: 2025, month: 2, day: 1)))
        #expect(wing.consent.contact == true)
        #expect(wing.ageBand == .age65plus)
        #expect(wing.notes == "Retired engineer")
        #expect(sink.warnings.contains { $0.message.contains("'Favourite colour'") })
    }

    @Test("cells repeated row after row read the same each time, and warn on every row")
    func repeatedCells() throws {
        let sink = try read("repeated-cells.csv")
        #expect(sink.volunteers.count == 3)
        for volunteer in sink.volunteers {
            #expect(volunteer.skills.map(\.written) == ["Driving", "Chartered accountant"])
            #expect(volunteer.skills.last?.qualifiedIn == "PK")
            #expect(volunteer.languages.map(\.language.code) == ["urd", "por"])
            #expect(volunteer.languages.first?.proficiency == .fluent)
            #expect(volunteer.languages.last?.language.isCorrection == true)
            #expect(volunteer.availability == [Slot(day: .tue, part: .evening)])
        }
        #expect(sink.volunteers.map(\.source) == ["roster:srep", "roster:srep", "roster:polish saturday school"])
        let unread = sink.warnings.filter { $0.message.contains("'whenever'") }
        #expect(unread.map(\.location?.line) == [2, 3, 4])
    }

    @Test("split name columns are joined; a missing surname is fine")
    func splitNames() throws {
        let sink = try read("split-names.csv", options: ImportOptions(network: "Refugee Support"))
        #expect(sink.volunteers.map(\.name) == ["Shirin Karimi", "Rezan"])
        #expect(sink.volunteers.allSatisfy { $0.memberships.first?.network.name == "Refugee Support" })
        #expect(sink.volunteers.allSatisfy { $0.source == "roster:refugee support" })
    }

    @Test("blank lines and rows of empty cells mean nothing, before or after the header")
    func blankRows() throws {
        let sink = try read("blank-rows.csv")
        #expect(sink.volunteers.map(\.name) == ["Amina Rahman", "Tariq Mahmood"])
        #expect(sink.rejections.isEmpty)
        #expect(sink.records.map(\.location.line) == [6, 10])
    }

    @Test("rows that cannot be read are rejected with their line and reason; the others import")
    func rejections() throws {
        let sink = try read("rejections.csv")
        #expect(sink.volunteers.map(\.name) == ["Good Person", "Also Good"])
        #expect(sink.rejections.map(\.location.line) == [3, 4, 5, 6, 7])
        #expect(sink.rejections[0].reason == "no name")
        #expect(sink.rejections[1].reason.contains("'31/02/2024'"))
        #expect(sink.rejections[2].reason.contains("unknown DBS level 'enhnaced'"))
        #expect(sink.rejections[3].reason.contains("unknown consent 'maybe'"))
        #expect(sink.rejections[4].reason.contains("unknown age band 'sixty'"))
    }

    @Test("--map names columns the spec does not list")
    func mappedColumns() throws {
        let sink = try read(
            "mapped-columns.csv",
            options: ImportOptions(columnMap: ["Languages we speak": "languages", "Can help with": "skills"]))
        let ioana = try #require(sink.volunteers.first)
        #expect(ioana.languages.map(\.language.code) == ["ron", "ita"])
        #expect(ioana.skills.map(\.written) == ["Payroll", "Accountancy (ACCA)"])
        #expect(sink.warnings.isEmpty == false)  // no network
    }

    @Test("a --map to a field that does not exist is refused")
    func badMap() {
        #expect(throws: ImportError.self) {
            try read("mapped-columns.csv", options: ImportOptions(columnMap: ["Languages we speak": "favourite food"]))
        }
    }

    @Test("needs sheets: requirements, proficiency minimums, places, DBS, and rejections")
    func needs() throws {
        let sink = try read("needs.csv")
        #expect(sink.needs.map(\.id) == ["N-1", "N-2"])
        let reading = sink.needs[0]
        #expect(reading.partner == "Schools Team")
        #expect(reading.description == "Two hours, weekly")
        #expect(reading.requiredSkills.map(\.written) == ["Teaching"])
        #expect(reading.preferredSkills.map(\.written) == ["Mentoring"])
        #expect(
            reading.languages == [
                LanguageRequirement(
                    language: LanguageReference(written: "Polish", code: "pol"), minimumProficiency: .fluent,
                    isRequired: true)
            ])
        #expect(reading.postcode == "SK4 1AA")
        #expect(reading.slots == [Slot(day: .wed, part: .afternoon)])
        #expect(reading.places == 3)
        #expect(reading.minimumDBS == .enhanced)
        #expect(sink.needs[1].places == 1)
        #expect(sink.needs[1].languages.map(\.isRequired) == [true, false])
        #expect(sink.rejections.map(\.location.line) == [4, 5])
        #expect(sink.rejections[0].reason.contains("'-2'"))
        #expect(sink.rejections[1].reason == "no partner")
    }

    @Test("a header that does not say what the sheet holds asks for --kind")
    func unclearKind() throws {
        #expect(throws: ImportError.unclearKind(file: "unclear-kind.csv")) { try read("unclear-kind.csv") }
        #expect(throws: ImportError.self) { try read("unclear-kind.csv", options: ImportOptions(kind: .volunteers)) }
    }

    @Test("recognises CSV by extension and content, and never claims XML")
    func recognition() {
        #expect(CSVImporter.recognises(ImportSample(fileName: "a.csv", head: Array("Name,Email\n".utf8))) == .likely)
        #expect(CSVImporter.recognises(ImportSample(fileName: "a.txt", head: Array("Name;Email\n".utf8))) == .likely)
        #expect(CSVImporter.recognises(ImportSample(fileName: "roster", head: Array("Name;Email\n".utf8))) == .possible)
        #expect(
            CSVImporter.recognises(ImportSample(fileName: "feed.csv", head: Array("<?xml version=\"1.0\"?>".utf8)))
                == .no)
    }
}
