import Foundation

/// Countries by ISO 3166-1: the names rosters write (`Pakistan`, `Iran`, `Democratic Republic of
/// the Congo`) to alpha-2 codes, where a qualification was gained, and back to the name a
/// coordinator reads (`ER` is shown as Eritrea).
///
/// The table is generated from Debian's `iso-codes` (see `Scripts/generate-iso-tables.py`) and
/// compiled in, so names are the same on every system.
public enum Countries {
    /// The ISO 3166 alpha-2 code for a country's English name (any case, accents optional), or
    /// `nil`. Two-letter codes are accepted only with `acceptingCodes`, since `(IT)` after a skill
    /// is more often a subject than Italy.
    public static func code(named text: String, acceptingCodes: Bool = false) -> String? {
        let key = text.lookupKey
        guard !key.isEmpty else { return nil }
        if acceptingCodes, key.count == 2, table.names[key.uppercased()] != nil { return key.uppercased() }
        return table.codes[key]
    }

    /// The English name coordinators know for an ISO 3166 alpha-2 code (`ER`: `Eritrea`, `IR`:
    /// `Iran`), or `nil` for a code that names no country.
    public static func name(of code: String) -> String? {
        table.names[code.uppercased()]
    }

    // MARK: - Helpers

    /// Short names where ISO's is formal or inverted and has no common name.
    private static let displayNames: [String: String] = [
        "BN": "Brunei", "CD": "Democratic Republic of the Congo", "FM": "Micronesia", "PS": "Palestine", "RU": "Russia",
        "VA": "Vatican City", "VG": "British Virgin Islands", "VI": "US Virgin Islands", "XK": "Kosovo",
    ]

    /// Names people write that ISO words differently.
    private static let writtenNames: [String: String] = [
        "china": "CN", "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
        "wales": "GB",
        "northern ireland": "GB", "usa": "US", "america": "US", "united states of america": "US", "drc": "CD",
        "dr congo": "CD", "democratic republic of the congo": "CD", "congo kinshasa": "CD", "congo brazzaville": "CG",
        "republic of the congo": "CG", "ivory coast": "CI", "palestine": "PS", "burma": "MM", "czech republic": "CZ",
        "south korea": "KR", "north korea": "KP", "russia": "RU", "syria": "SY", "iran": "IR", "turkey": "TR",
        "turkiye": "TR",
        "vietnam": "VN", "laos": "LA", "kosovo": "XK", "the gambia": "GM", "gambia": "GM", "eswatini": "SZ",
        "swaziland": "SZ",
        "the netherlands": "NL", "holland": "NL", "hong kong": "HK", "macau": "MO", "macao": "MO", "taiwan": "TW",
        "cape verde": "CV", "east timor": "TL", "vatican": "VA", "micronesia": "FM", "brunei": "BN", "tanzania": "TZ",
        "bolivia": "BO", "venezuela": "VE", "moldova": "MD",
    ]

    private static let table: (codes: [String: String], names: [String: String]) = {
        var codes: [String: String] = [:]
        var names: [String: String] = [:]
        for line in iso3166Table.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { continue }
            let (code, name, official, common) = (fields[0], fields[2], fields[3], fields[4])
            names[code] = displayNames[code] ?? (common.isEmpty ? name : common)
            let spellings = [name, official, official.withoutThe, common, name.withoutBrackets, name.uninverted]
            for written in spellings where !written.isEmpty {
                codes[written.lookupKey] = code
            }
        }
        names["XK"] = displayNames["XK"]
        for (name, code) in writtenNames { codes[name] = code }
        return (codes, names)
    }()
}

extension String {
    /// The key names are compared by: ``matchingKey`` without accents.
    fileprivate var lookupKey: String {
        matchingKey.folding(options: .diacriticInsensitive, locale: nil)
    }

    /// `the State of Eritrea` without its article.
    fileprivate var withoutThe: String {
        hasPrefix("the ") ? String(dropFirst(4)) : ""
    }

    /// `Falkland Islands (Malvinas)` without its bracket.
    fileprivate var withoutBrackets: String {
        guard let open = firstIndex(of: "(") else { return "" }
        return String(self[..<open]).trimmingWhitespace()
    }

    /// ISO's inverted names the way people say them: `Korea, Republic of` as `Republic of Korea`.
    fileprivate var uninverted: String {
        guard let comma = range(of: ", ") else { return "" }
        return "\(self[comma.upperBound...]) \(self[..<comma.lowerBound])"
    }
}
