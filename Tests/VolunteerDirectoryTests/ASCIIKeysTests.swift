import Testing

@testable import VolunteerDirectory

/// The byte-level keys give exactly what the character-level ones give, for every ASCII text.
@Suite("ASCII keys")
struct ASCIIKeysTests {
    /// Texts built from the characters the rules turn on (spaces of every kind, `@`, `.`, `+`,
    /// `(0)`, `ext` in both cases, digits, letters), by a seeded generator: the same every run.
    static let texts: [String] = {
        let pieces = [
            " ", "\t", "\r\n", "\n", "\u{0B}", "@", ".", "+", "(", ")", "(0)", "0", "7", "4", "00", "44", "e", "E", "x",
            "X",
            "t", "T", "ext", "EXT", "Ext.", "a", "Z", "-", "sk4", "1AA", "_", ",",
        ]
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        let written = [
            "", " ", "amina@example.org", " Amina.Yusuf@Example.ORG ", "a@b", "@example.org", "a@@b.org", "a b@c.org",
            "07700 900123", "+44 (0)7700 900123", "0044 7700 900123", "(0161) 000 0000", "0161 000 0000 ext 12",
            "07700900123 x5", "7700900123", "SK4 1AA", "sk41aa", " m1 1ae ", "SK4", "EC1A 1BB",
        ]
        return written
            + (0..<20_000).map { _ in (0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined() }
    }()

    @Test("email keys")
    func emails() {
        for text in Self.texts {
            #expect(ASCIIKeys.email(text) == ContactKeys.emailKeyByCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test("phone digits and the leading +")
    func phones() {
        for text in Self.texts {
            let bytes = ASCIIKeys.phoneDigits(text)
            let characters = ContactKeys.phoneDigitsByCharacters(text)
            #expect(bytes.plus == characters.plus && bytes.digits == characters.digits, "\(text.debugDescription)")
        }
    }

    @Test("postcode letters and digits")
    func postcodes() {
        for text in Self.texts {
            #expect(
                ASCIIKeys.upperAlphanumerics(text) == Postcode.upperAlphanumericsByCharacters(text),
                "\(text.debugDescription)")
        }
    }

    @Test("compact keys (headers, sharing scopes): letters and digits, lower case")
    func compactKeys() {
        for text in Self.texts + ["Sector 3", "E-mail Address", "Phone No.", "DBS (Enhanced)"] {
            let byScalars = String(
                String.UnicodeScalarView(
                    text.lowercased().unicodeScalars.filter {
                        $0.properties.isAlphabetic || $0.properties.numericType != nil
                    }))
            #expect(text.compactKey == byScalars, "\(text.debugDescription)")
        }
        #expect("Zoë's Ünïon ²".compactKey == "zoësünïon²")
    }

    @Test("text with anything beyond ASCII takes the general road")
    func nonASCII() {
        #expect(!ASCIIKeys.isASCII("Zoë@example.org"))
        #expect(ASCIIKeys.isASCII("zoe@example.org"))
        #expect(ContactKeys.emailKey(" Zoë@Example.org ") == "zoë@example.org")
        #expect(ContactKeys.phoneKey("０７７００ ９００１２３ or 07700 900123") == "+447700900123")
    }
}
