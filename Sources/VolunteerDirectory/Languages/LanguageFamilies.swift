/// How languages relate, for search and matching: ISO 639-3 macrolanguages and their members,
/// and close varieties whose speakers understand each other.
///
/// Memberships follow SIL's ISO 639-3 macrolanguage mappings for the macrolanguages spoken in
/// the borough; codes the compiled-in table does not know are ignored.
enum LanguageFamilies {
    // swift-format-ignore
    static let members: [String: [String]] = [
        "ara": ["aao", "abh", "abv", "acm", "acq", "acw", "acx", "acy", "adf", "aeb", "aec", "afb", "ajp", "apc", "apd", "arb",
                "arq", "ars", "ary", "arz", "auz", "avl", "ayh", "ayl", "ayn", "ayp", "pga", "shu", "ssh"],
        "zho": ["cdo", "cjy", "cmn", "cnp", "cpx", "csp", "czh", "czo", "gan", "hak", "hsn", "lzh", "mnp", "nan", "wuu", "yue"],
        "fas": ["pes", "prs"],
        "kur": ["ckb", "kmr", "sdh"],
        "lah": ["hnd", "hno", "jat", "phr", "pnb", "skr", "xhe"],
        "msa": ["bjn", "btj", "bve", "bvu", "coa", "dup", "hji", "ind", "jak", "jax", "kvb", "kvr", "kxd", "lce", "lcf", "liw",
                "max", "meo", "mfa", "mfb", "min", "mly", "mqg", "msi", "mui", "orn", "ors", "pel", "pse", "tmw", "urk", "vkk",
                "vkt", "xmm", "zlm", "zmi", "zsm"],
        "sqi": ["aae", "aat", "aln", "als"],
        "swa": ["swc", "swh"],
        "uzb": ["uzn", "uzs"],
        "aze": ["azb", "azj"],
        "nep": ["dty", "npi"],
        "orm": ["gax", "gaz", "hae", "orc"],
        "pus": ["pbt", "pbu", "pst"],
        "est": ["ekk", "vro"],
        "lav": ["ltg", "lvs"],
        "mon": ["khk", "mvf"],
        "ori": ["ory", "spv"],
        "hbs": ["bos", "cnr", "hrv", "srp"],
        "nor": ["nno", "nob"],
        "yid": ["ydd", "yih"],
        "aka": ["fat", "twi"],
        "ful": ["ffm", "fub", "fuc", "fue", "fuf", "fuh", "fui", "fuq", "fuv"],
        "kok": ["gom", "knn"],
        "bal": ["bcc", "bgn", "bgp"],
        "rom": ["rmc", "rmf", "rml", "rmn", "rmo", "rmw", "rmy"],
        "kon": ["kng", "kwy", "ldi"],
        "din": ["dib", "dik", "dip", "diw", "dks"],
        "mlg": ["bhr", "bjq", "bmm", "bzc", "msh", "plt", "skg", "tdx", "tkg", "txy", "xmv", "xmw"],
        "que": ["cqu", "qub", "qud", "quf", "qug", "quh", "quk", "qul", "qup", "qur", "qus", "quw", "qux", "quy", "quz", "qva",
                "qvc", "qve", "qvh", "qvi", "qvj", "qvl", "qvm", "qvn", "qvo", "qvp", "qvs", "qvw", "qvz", "qwa", "qwc", "qwh",
                "qws", "qxa", "qxc", "qxh", "qxl", "qxn", "qxo", "qxp", "qxr", "qxt", "qxu", "qxw"],
        "man": ["emk", "mku", "mlq", "mnk", "msc", "mwk", "myq"],
        "hmn": ["blu", "cqd", "hea", "hma", "hmc", "hmd", "hme", "hmg", "hmh", "hmi", "hmj", "hml", "hmm", "hmp", "hmq", "hms",
                "hmw", "hmy", "hmz", "hnj", "hrm", "huj", "mmr", "muq", "mww", "sfm"],
    ]

    /// Pairs of varieties close enough that a speaker of one is worth showing to a coordinator
    /// looking for the other, marked related (never exact).
    // swift-format-ignore
    static let closeVarieties: [(String, String)] = [
        ("pan", "pnb"), ("pan", "lah"), ("pes", "prs"), ("pes", "tgk"), ("prs", "tgk"),
        ("hrv", "srp"), ("hrv", "bos"), ("srp", "bos"), ("cnr", "srp"), ("cnr", "bos"), ("cnr", "hrv"),
        ("nob", "nno"), ("zsm", "ind"), ("urd", "hin"), ("tgl", "fil"), ("twi", "fat"),
        ("ces", "slk"), ("phr", "pnb"), ("hno", "pnb"),
    ]
}

/// How a language someone speaks stands to the language asked for.
public enum LanguageRelation: String, Sendable, Codable, Comparable {
    /// The same language.
    case exact
    /// A member of the macrolanguage asked for (Cantonese when Chinese was asked).
    case narrower
    /// The macrolanguage of the language asked for, or a close variety (Chinese when Cantonese was
    /// asked; Western Punjabi when Punjabi was asked): shown, but never taken as the language itself.
    case related

    /// How much the relation weighs in ranking: exact above narrower above related.
    public var weight: Double {
        switch self {
        case .exact: 3
        case .narrower: 2
        case .related: 1
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.weight < rhs.weight }
}
