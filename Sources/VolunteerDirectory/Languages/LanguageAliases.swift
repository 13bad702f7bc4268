/// Alternative names and endonyms that ISO 639 does not list but rosters use, by ISO 639-3 code.
///
/// The keys are compared after ``Swift/String/matchingKey`` folding, so case, accents in
/// Latin-script names typed without them are listed separately where people do so.
enum LanguageAliases {
    /// Common English alternative names and abbreviations.
    static let aliases: [String: String] = [
        "punjabi": "pan", "eastern punjabi": "pan", "gurmukhi": "pan",
        "western punjabi": "pnb", "shahmukhi": "pnb", "lahnda": "lah",
        "farsi": "fas", "iranian persian": "pes", "dari persian": "prs",
        "cantonese": "yue", "mandarin": "cmn", "putonghua": "cmn", "mandarin chinese": "cmn",
        "hakka": "hak", "hokkien": "nan",
        "bsl": "bfi", "british sign": "bfi", "british sign language": "bfi",
        "asl": "ase", "american sign language": "ase", "irish sign language": "isg",
        "sylheti": "syl",
        "sorani": "ckb", "kurdish sorani": "ckb", "sorani kurdish": "ckb",
        "kurmanji": "kmr", "kurdish kurmanji": "kmr", "kurmanji kurdish": "kmr", "badini": "kmr",
        "pashto": "pus", "pashtu": "pus", "pakhto": "pus",
        "greek": "ell", "modern greek": "ell", "slovene": "slv", "swahili": "swa", "kiswahili": "swa",
        "tagalog": "tgl", "filipino": "fil", "patois": "jam", "jamaican patois": "jam", "jamaican creole": "jam",
        "krio": "kri", "twi": "twi", "ashanti": "twi", "tamazight": "tzm", "berber": "ber",
        "nepalese": "nep", "mirpuri": "phr", "pahari": "phr", "pothwari": "phr", "potohari": "phr",
        "hindko": "hno", "saraiki": "skr", "seraiki": "skr", "sinhalese": "sin", "sinhala": "sin",
        "burmese": "mya", "myanmar": "mya", "malayalam": "mal", "oriya": "ory", "odia": "ory",
        "castilian": "spa", "flemish": "nld", "moldovan": "ron", "moldavian": "ron",
        "serbo croatian": "hbs", "bosnian": "bos", "croatian": "hrv", "serbian": "srp",
        "mandinka": "mnk", "fula": "ful", "fulani": "ful", "wolof": "wol", "lingala": "lin",
        "kirundi": "run", "kinyarwanda": "kin", "luganda": "lug", "oromo": "orm", "afaan oromo": "orm",
        "tigre": "tig", "eritrean": "tir", "ethiopian": "amh",
        "scottish gaelic": "gla", "gaelic": "gla", "irish gaelic": "gle", "welsh": "cym", "cymraeg": "cym",
        "cornish": "cor", "manx": "glv", "ulster scots": "sco", "scots": "sco",
        "romany": "rom", "romani": "rom", "traveller cant": "sth", "shelta": "sth",
    ]

    /// Endonyms: what speakers call their own language, in their own script where they have one.
    static let endonyms: [String: String] = [
        "polski": "pol", "اردو": "urd", "বাংলা": "ben", "türkçe": "tur", "turkce": "tur",
        "română": "ron", "romana": "ron", "limba română": "ron", "ትግርኛ": "tir", "tigrigna": "tir",
        "soomaali": "som", "af soomaali": "som", "中文": "zho", "汉语": "zho", "漢語": "zho", "普通话": "cmn",
        "廣東話": "yue", "广东话": "yue", "粵語": "yue", "粤语": "yue",
        "ਪੰਜਾਬੀ": "pan", "پنجابی": "pnb", "العربية": "ara", "عربي": "ara", "فارسی": "fas", "دری": "prs",
        "کوردی": "ckb", "kurdî": "kmr", "kurdi": "kmr", "پښتو": "pus", "हिन्दी": "hin", "हिंदी": "hin",
        "ગુજરાતી": "guj", "தமிழ்": "tam", "español": "spa", "espanol": "spa", "français": "fra", "francais": "fra",
        "deutsch": "deu", "português": "por", "portugues": "por", "italiano": "ita", "русский": "rus",
        "українська": "ukr", "lietuvių": "lit", "lietuviu": "lit", "latviešu": "lav", "eesti": "est",
        "magyar": "hun", "čeština": "ces", "cestina": "ces", "slovenčina": "slk", "български": "bul",
        "shqip": "sqi", "ελληνικά": "ell", "עברית": "heb", "tiếng việt": "vie", "tieng viet": "vie",
        "ภาษาไทย": "tha", "日本語": "jpn", "한국어": "kor", "አማርኛ": "amh", "yorùbá": "yor", "igbo": "ibo",
        "isizulu": "zul", "chishona": "sna", "wikang tagalog": "tgl", "bahasa melayu": "msa",
        "bahasa indonesia": "ind", "নেপালী": "nep", "नेपाली": "nep", "සිංහල": "sin", "ਸ਼ਾਹਮੁਖੀ": "pnb",
    ]

    /// Names coordinators know better than the ISO reference name, used for display only.
    static let displayNames: [String: String] = [
        "pan": "Punjabi", "pnb": "Western Punjabi", "yue": "Cantonese", "cmn": "Mandarin", "fas": "Persian (Farsi)",
        "pes": "Iranian Persian", "pus": "Pashto", "ell": "Greek", "msa": "Malay", "swa": "Swahili", "nep": "Nepali",
        "ckb": "Kurdish (Sorani)", "kmr": "Kurdish (Kurmanji)", "jam": "Jamaican Patois", "sin": "Sinhala",
        "ory": "Odia", "bfi": "British Sign Language", "ase": "American Sign Language", "isg": "Irish Sign Language",
    ]
}
