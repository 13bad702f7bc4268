import Foundation

/// Country names as rosters write them (`Pakistan`, `Iran`, `Democratic Republic of the Congo`),
/// to ISO 3166 alpha-2 codes: where a qualification was gained.
public enum Countries {
    /// The ISO 3166 alpha-2 code for a country's English name (any case, accents optional), or
    /// `nil`. Two-letter codes are accepted only with `acceptingCodes`, since `(IT)` after a skill
    /// is more often a subject than Italy.
    public static func code(named text: String, acceptingCodes: Bool = false) -> String? {
        let key = text.matchingKey.folding(options: .diacriticInsensitive, locale: nil)
        guard !key.isEmpty else { return nil }
        if acceptingCodes, key.count == 2, codes.contains(key.uppercased()) { return key.uppercased() }
        return byName[key]
    }

    private static let codes: Set<String> = Set(Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 })

    private static let byName: [String: String] = {
        var names: [String: String] = [:]
        let english = Locale(identifier: "en_GB")
        for code in codes {
            guard let name = english.localizedString(forRegionCode: code) else { continue }
            names[name.matchingKey.folding(options: .diacriticInsensitive, locale: nil)] = code
        }
        // Names people write that ICU words differently.
        let common: [String: String] = [
            "china": "CN", "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
            "usa": "US", "america": "US", "united states of america": "US", "drc": "CD", "dr congo": "CD",
            "democratic republic of the congo": "CD", "congo brazzaville": "CG", "republic of the congo": "CG",
            "ivory coast": "CI", "palestine": "PS", "burma": "MM", "czech republic": "CZ", "south korea": "KR",
            "north korea": "KP", "russia": "RU", "syria": "SY", "iran": "IR", "turkey": "TR", "turkiye": "TR", "vietnam": "VN",
            "laos": "LA", "kosovo": "XK", "the gambia": "GM", "gambia": "GM", "eswatini": "SZ", "swaziland": "SZ",
            "the netherlands": "NL", "holland": "NL", "hong kong": "HK", "macau": "MO", "taiwan": "TW",
        ]
        for (name, code) in common { names[name] = code }
        return names
    }()
}
