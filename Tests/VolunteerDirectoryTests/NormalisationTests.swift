import Testing
import VolunteerDirectory

@Suite("Normalisation")
struct NormalisationTests {
    @Test(
        "UK phone numbers become E.164",
        arguments: [
            ("07700 900123", "+447700900123"), ("+44 (0)7700 900123", "+447700900123"),
            ("0044 7700 900123", "+447700900123"),
            ("447700900123", "+447700900123"), ("7700900123", "+447700900123"), ("(0161) 496 0001", "+441614960001"),
            ("+44 7700-900-123", "+447700900123"), ("+48 601 234 567", "+48601234567"),
        ])
    func phones(text: String, expected: String) {
        #expect(ContactKeys.phoneKey(text) == expected)
    }

    @Test("text that is not a phone number has no key", arguments: ["", "n/a", "123", "ask at office"])
    func notPhones(text: String) {
        #expect(ContactKeys.phoneKey(text) == nil)
    }

    @Test("emails compare ignoring case and spaces")
    func emails() {
        #expect(ContactKeys.emailKey(" Amina.Rahman@Example.ORG ") == "amina.rahman@example.org")
        #expect(ContactKeys.emailKey("not an email") == nil)
        #expect(ContactKeys.emailKey("amina@") == nil)
        #expect(ContactKeys.emailKey(nil) == nil)
    }

    @Test("postcodes and districts")
    func postcodes() {
        #expect(Postcode.normalised("sk41aa") == "SK4 1AA")
        #expect(Postcode.normalised(" SK1 3XE ") == "SK1 3XE")
        #expect(Postcode.district("SK4 1AA") == "SK4")
        #expect(Postcode.district("m11ae") == "M1")
        #expect(Postcode.district("SK4") == "SK4")
        #expect(Postcode.district("Heatons North") == nil)
    }

    @Test(
        "dates are ISO 8601 or UK style, never US",
        arguments: [
            ("2025-03-28", "2025-03-28"), ("28/03/2025", "2025-03-28"), ("1/2/2024", "2024-02-01"),
            ("28.03.2025", "2025-03-28"),
            ("2025-04-02T09:30:00Z", "2025-04-02"),
        ])
    func dates(text: String, expected: String) throws {
        #expect(try #require(CalendarDate(parsing: text)).description == expected)
    }

    @Test(
        "impossible and US dates are refused",
        arguments: ["31/02/2024", "03/28/2025", "2025-13-01", "yesterday", "2025/03/28"])
    func badDates(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test("list cells split on ; then , then /, never inside brackets")
    func lists() {
        #expect(
            ListCell.items("Urdu (native); Punjabi (fluent); English") == [
                "Urdu (native)", "Punjabi (fluent)", "English",
            ])
        #expect(ListCell.items("Bookkeeping, Befriending") == ["Bookkeeping", "Befriending"])
        #expect(ListCell.items("Accountancy (ACCA, CIMA); Driving") == ["Accountancy (ACCA, CIMA)", "Driving"])
        #expect(ListCell.items("Urdu (fluent, interpreter), English") == ["Urdu (fluent, interpreter)", "English"])
        #expect(ListCell.items("Driving/First aid") == ["Driving", "First aid"])
        #expect(ListCell.items("  ;  ; ") == [])
    }

    @Test("bracketed details")
    func brackets() {
        let item = BracketedItem(parsing: "Accountancy (professional)")
        #expect(item.text == "Accountancy")
        #expect(item.details == ["professional"])
        #expect(BracketedItem(parsing: "Urdu - native").details == ["native"])
        #expect(BracketedItem(parsing: "Urdu").details.isEmpty)
    }

    @Test("skills keep their text and take a level from the bracket")
    func skills() {
        let skill = ItemParsing.skill("Accountancy (professional)")
        #expect(skill.written == "Accountancy")
        #expect(skill.level == .professional)
        #expect(skill.key == "accountancy")
        let detailed = ItemParsing.skill("Legal advice (immigration)")
        #expect(detailed.written == "Legal advice (immigration)")
        #expect(detailed.level == nil)
        #expect(ItemParsing.skill("First-Aid  (St John)").key == "first aid st john")
    }

    @Test("a bracketed country is where the qualification was gained, shown and kept apart from the text")
    func qualifiedAbroad() {
        let accountant = ItemParsing.skill("Chartered accountant (Pakistan)")
        #expect(accountant.written == "Chartered accountant")
        #expect(accountant.qualifiedIn == "PK")
        let doctor = ItemParsing.skill("Doctor (professional, qualified in Nigeria)")
        #expect(doctor.level == .professional)
        #expect(doctor.qualifiedIn == "NG")
        #expect(ItemParsing.skill("Engineer (trained in IR)").qualifiedIn == "IR")
        #expect(ItemParsing.skill("Nursing (Democratic Republic of the Congo)").qualifiedIn == "CD")
        #expect(ItemParsing.skill("Teaching (Côte d’Ivoire)").qualifiedIn == "CI")
        // Two letters alone are a subject more often than a country: Accountancy (IT) is not Italy.
        let subject = ItemParsing.skill("Support (IT)")
        #expect(subject.qualifiedIn == nil)
        #expect(subject.written == "Support (IT)")
        #expect(ItemParsing.skill("Legal advice (immigration)").qualifiedIn == nil)
    }

    @Test("age bands as people write them")
    func ageBands() {
        #expect(AgeBand(text: "65+") == .age65plus)
        #expect(AgeBand(text: "65 +") == .age65plus)
        #expect(AgeBand(text: "18–24") == .age18to24)
        #expect(AgeBand(text: "18 to 24") == .age18to24)
        #expect(AgeBand(text: "Over 65") == .age65plus)
        #expect(AgeBand(text: "adult") == nil)
    }

    @Test("a list splits on the separator it uses most strongly, at the top level only")
    func listSeparators() {
        #expect(ListCell.items("Urdu, Punjabi / Hindi") == ["Urdu", "Punjabi / Hindi"])
        #expect(ListCell.items("Urdu/Punjabi") == ["Urdu", "Punjabi"])
        #expect(ListCell.items("Teaching (maths; science), Driving") == ["Teaching (maths; science)", "Driving"])
        #expect(ListCell.items("First aid\nDriving") == ["First aid", "Driving"])
    }

    @Test("availability as people write it")
    func availability() throws {
        #expect(Slot.parse("Tue evening") == [Slot(day: .tue, part: .evening)])
        #expect(Slot.parse("tue-evening") == [Slot(day: .tue, part: .evening)])
        #expect(Slot.parse("weekends") == [Slot(day: .sat, part: .any), Slot(day: .sun, part: .any)])
        #expect(try #require(Slot.parse("weekday mornings")).count == 5)
        #expect(Slot.parse("any") == [Slot(day: .any, part: .any)])
        #expect(Slot.parse("Saturdays") == [Slot(day: .sat, part: .any)])
        #expect(Slot.parse("evenings") == [Slot(day: .any, part: .evening)])
        #expect(Slot.parse("when the moon is full") == nil)
        #expect(Slot(day: .any, part: .evening).overlaps(Slot(day: .tue, part: .evening)))
        #expect(!Slot(day: .mon, part: .evening).overlaps(Slot(day: .tue, part: .evening)))
    }

    @Test("DBS cells with and without dates")
    func dbs() throws {
        #expect(
            try ItemParsing.dbs("Enhanced 12/01/2024")
                == DBSCheck(level: .enhanced, issued: CalendarDate(year: 2024, month: 1, day: 12)))
        #expect(try ItemParsing.dbs("basic") == DBSCheck(level: .basic))
        #expect(try ItemParsing.dbs("") == nil)
        #expect(throws: FieldError.self) { try ItemParsing.dbs("enhnaced") }
        #expect(throws: FieldError.self) { try ItemParsing.dbs("enhanced 31/02/2024") }
    }
}

@Suite("Slot descriptions")
struct SlotDescriptionTests {
    @Test(
        "slots in words",
        arguments: [
            ("weekday mornings", "weekday mornings"), ("weekends", "weekends"),
            ("Wed afternoon", "Wednesday afternoons"),
            ("any", "any time"), ("evenings", "evenings"),
            ("Tue evening; Sat morning", "Tuesday evenings, Saturday mornings"),
            ("weekday evenings; Sat", "weekday evenings, Saturdays"), ("Saturdays", "Saturdays"),
        ])
    func describe(text: String, expected: String) throws {
        let slots = try #require(ListCell.items(text).flatMap { Slot.parse($0) ?? [] } as [Slot]?)
        #expect(SlotMask.describe(SlotMask(slots)) == expected)
    }
}
