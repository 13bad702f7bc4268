/// The languages most spoken in England and Wales (the 2021 Census main-language list is the
/// guide, with the varieties and sign languages heard locally), with the names people write for
/// them that ISO 639 does not list: endonyms in their own script, romanised endonyms, and
/// common English alternatives.
///
/// These names are trusted over ISO's reference names ("BSL" is British Sign Language, not the
/// ISO code `bsl`), and they, with ISO's names for these languages, are the only names a
/// misspelling may be corrected to: never an obscure language.
enum CommonLanguages {
    /// One language: its ISO 639-3 code, the name coordinators know (when it differs from ISO's),
    /// English alternatives, and endonyms.
    struct Entry {
        let code: String
        let display: String?
        let aliases: [String]
        let endonyms: [String]

        init(_ code: String, display: String? = nil, aliases: [String] = [], endonyms: [String] = []) {
            self.code = code
            self.display = display
            self.aliases = aliases
            self.endonyms = endonyms
        }
    }

    // swift-format-ignore
    static let entries: [Entry] = [
        // Europe and the British Isles
        Entry("eng", endonyms: ["English"]),
        Entry("cym", aliases: ["Welsh"], endonyms: ["Cymraeg"]),
        Entry("gle", aliases: ["Irish Gaelic", "Irish"], endonyms: ["Gaeilge"]),
        Entry("gla", aliases: ["Scottish Gaelic", "Gaelic", "Scots Gaelic"], endonyms: ["Gàidhlig", "Gaidhlig"]),
        Entry("cor", aliases: ["Cornish"], endonyms: ["Kernewek", "Kernowek"]),
        Entry("glv", aliases: ["Manx", "Manx Gaelic"], endonyms: ["Gaelg", "Gailck"]),
        Entry("sco", aliases: ["Scots", "Ulster Scots", "Lallans"], endonyms: ["Ullans"]),
        Entry("pol", endonyms: ["Polski", "Język polski", "Jezyk polski"]),
        Entry("ron", aliases: ["Romanian", "Rumanian", "Moldovan", "Moldavian"], endonyms: ["Română", "Romana", "Limba română"]),
        Entry("por", aliases: ["Brazilian Portuguese"], endonyms: ["Português", "Portugues", "Português brasileiro"]),
        Entry("spa", aliases: ["Castilian"], endonyms: ["Español", "Espanol", "Castellano"]),
        Entry("ita", endonyms: ["Italiano"]),
        Entry("fra", aliases: ["French"], endonyms: ["Français", "Francais"]),
        Entry("deu", aliases: ["German"], endonyms: ["Deutsch"]),
        Entry("nld", aliases: ["Dutch", "Flemish"], endonyms: ["Nederlands", "Vlaams"]),
        Entry("lit", endonyms: ["Lietuvių", "Lietuviu", "Lietuvių kalba"]),
        Entry("lav", endonyms: ["Latviešu", "Latviesu", "Latviešu valoda"]),
        Entry("est", endonyms: ["Eesti", "Eesti keel"]),
        Entry("bul", endonyms: ["Български", "Bulgarski"]),
        Entry("hun", endonyms: ["Magyar"]),
        Entry("ces", aliases: ["Czech"], endonyms: ["Čeština", "Cestina", "Česky"]),
        Entry("slk", aliases: ["Slovak", "Slovakian"], endonyms: ["Slovenčina", "Slovencina"]),
        Entry("slv", display: "Slovenian", aliases: ["Slovene", "Slovenian"], endonyms: ["Slovenščina", "Slovenscina"]),
        Entry("hrv", aliases: ["Croatian"], endonyms: ["Hrvatski"]),
        Entry("srp", aliases: ["Serbian"], endonyms: ["Српски", "Srpski"]),
        Entry("bos", aliases: ["Bosnian"], endonyms: ["Bosanski"]),
        Entry("cnr", aliases: ["Montenegrin"], endonyms: ["Crnogorski", "Црногорски"]),
        Entry("hbs", display: "Serbo-Croatian", aliases: ["Serbo-Croatian", "Serbo Croat", "Yugoslav language"], endonyms: ["Srpskohrvatski"]),
        Entry("mkd", aliases: ["Macedonian"], endonyms: ["Македонски", "Makedonski"]),
        Entry("sqi", aliases: ["Albanian"], endonyms: ["Shqip", "Gjuha shqipe"]),
        Entry("aln", aliases: ["Gheg", "Gheg Albanian", "Kosovan Albanian"], endonyms: ["Gegnisht"]),
        Entry("als", aliases: ["Tosk", "Tosk Albanian"], endonyms: ["Toskërisht"]),
        Entry("ell", display: "Greek", aliases: ["Greek", "Modern Greek", "Cypriot Greek"], endonyms: ["Ελληνικά", "Ellinika"]),
        Entry("rus", endonyms: ["Русский", "Русский язык", "Russkiy"]),
        Entry("ukr", endonyms: ["Українська", "Ukrainska"]),
        Entry("bel", aliases: ["Belarusian", "Byelorussian"], endonyms: ["Беларуская", "Belaruskaya"]),
        Entry("swe", endonyms: ["Svenska"]),
        Entry("dan", endonyms: ["Dansk"]),
        Entry("nor", endonyms: ["Norsk"]),
        Entry("nob", aliases: ["Bokmal", "Bokmål"], endonyms: ["Norsk bokmål"]),
        Entry("nno", aliases: ["Nynorsk"], endonyms: ["Norsk nynorsk"]),
        Entry("fin", endonyms: ["Suomi", "Suomen kieli"]),
        Entry("isl", endonyms: ["Íslenska", "Islenska"]),
        Entry("mlt", endonyms: ["Malti"]),
        Entry("cat", endonyms: ["Català", "Catala"]),
        Entry("eus", aliases: ["Basque"], endonyms: ["Euskara"]),
        Entry("glg", aliases: ["Galician"], endonyms: ["Galego"]),
        Entry("ltz", aliases: ["Luxembourgish"], endonyms: ["Lëtzebuergesch", "Letzebuergesch"]),
        Entry("yid", aliases: ["Yiddish"], endonyms: ["ייִדיש", "יידיש", "Yidish"]),
        Entry("heb", aliases: ["Hebrew", "Modern Hebrew"], endonyms: ["עברית", "Ivrit"]),
        Entry("rom", display: "Romani", aliases: ["Romany", "Romani", "Roma", "Gypsy language"], endonyms: ["Romanes", "Romani chib", "Rromani"]),
        Entry("tur", endonyms: ["Türkçe", "Turkce"]),
        Entry("kat", aliases: ["Georgian"], endonyms: ["ქართული", "Kartuli"]),
        Entry("hye", aliases: ["Armenian"], endonyms: ["Հայերեն", "Hayeren"]),
        Entry("aze", aliases: ["Azeri", "Azerbaijani"], endonyms: ["Azərbaycanca", "Azərbaycan dili", "Azerbaycanca"]),
        // South Asia
        Entry("pan", display: "Punjabi", aliases: ["Punjabi", "Eastern Punjabi", "Gurmukhi", "Punjabi (Gurmukhi)"], endonyms: ["ਪੰਜਾਬੀ"]),
        Entry("pnb", display: "Western Punjabi", aliases: ["Western Punjabi", "Shahmukhi", "Punjabi (Shahmukhi)", "Pakistani Punjabi"], endonyms: ["پنجابی", "ਸ਼ਾਹਮੁਖੀ"]),
        Entry("lah", display: "Lahnda", aliases: ["Lahnda", "Lahndi"]),
        Entry("phr", display: "Pahari-Pothwari", aliases: ["Mirpuri", "Pahari", "Pothwari", "Potohari", "Pothohari", "Pahari-Pothwari"], endonyms: ["پہاڑی", "پوٹھواری"]),
        Entry("hno", aliases: ["Hindko"], endonyms: ["ہندکو"]),
        Entry("skr", aliases: ["Saraiki", "Seraiki", "Siraiki"], endonyms: ["سرائیکی"]),
        Entry("urd", endonyms: ["اردو", "Urdū"]),
        Entry("hin", endonyms: ["हिन्दी", "हिंदी"]),
        Entry("ben", display: "Bengali", aliases: ["Bangla", "Bengali"], endonyms: ["বাংলা"]),
        Entry("syl", aliases: ["Sylheti", "Sylhetti", "Siloti"], endonyms: ["ꠍꠤꠟꠐꠤ", "সিলেটি"]),
        Entry("ctg", aliases: ["Chittagonian", "Chatgaya", "Chatgaiya"], endonyms: ["চাটগাঁইয়া"]),
        Entry("guj", endonyms: ["ગુજરાતી"]),
        Entry("tam", endonyms: ["தமிழ்"]),
        Entry("tel", endonyms: ["తెలుగు"]),
        Entry("kan", endonyms: ["ಕನ್ನಡ"]),
        Entry("mal", endonyms: ["മലയാളം"]),
        Entry("mar", endonyms: ["मराठी"]),
        Entry("ory", display: "Odia", aliases: ["Odia", "Oriya"], endonyms: ["ଓଡ଼ିଆ"]),
        Entry("asm", aliases: ["Assamese"], endonyms: ["অসমীয়া"]),
        Entry("kok", aliases: ["Konkani"], endonyms: ["कोंकणी"]),
        Entry("mai", aliases: ["Maithili"], endonyms: ["मैथिली"]),
        Entry("bho", aliases: ["Bhojpuri"], endonyms: ["भोजपुरी"]),
        Entry("nep", display: "Nepali", aliases: ["Nepali", "Nepalese"], endonyms: ["नेपाली", "নেপালী"]),
        Entry("sin", display: "Sinhala", aliases: ["Sinhala", "Sinhalese", "Singhalese"], endonyms: ["සිංහල"]),
        Entry("snd", aliases: ["Sindhi"], endonyms: ["سنڌي", "सिन्धी"]),
        Entry("kas", aliases: ["Kashmiri"], endonyms: ["کٲشُر", "कॉशुर"]),
        Entry("div", display: "Dhivehi", aliases: ["Dhivehi", "Maldivian", "Divehi"], endonyms: ["ދިވެހި"]),
        Entry("pus", display: "Pashto", aliases: ["Pashto", "Pashtu", "Pushto", "Pakhto"], endonyms: ["پښتو"]),
        Entry("bal", aliases: ["Balochi", "Baluchi"], endonyms: ["بلوچی"]),
        // Persian, Kurdish and Central Asia
        Entry("fas", display: "Persian (Farsi)", aliases: ["Farsi", "Persian"], endonyms: ["فارسی", "Parsi"]),
        Entry("pes", display: "Iranian Persian", aliases: ["Iranian Persian", "Western Farsi"]),
        Entry("prs", display: "Dari", aliases: ["Dari", "Dari Persian", "Afghan Persian"], endonyms: ["دری"]),
        Entry("tgk", aliases: ["Tajik", "Tajiki"], endonyms: ["Тоҷикӣ", "Tojiki"]),
        Entry("kur", aliases: ["Kurdish"], endonyms: ["Kurdî", "Kurdi", "کوردی"]),
        Entry("ckb", display: "Kurdish (Sorani)", aliases: ["Sorani", "Kurdish Sorani", "Sorani Kurdish", "Central Kurdish"], endonyms: ["سۆرانی", "کوردیی ناوەندی"]),
        Entry("kmr", display: "Kurdish (Kurmanji)", aliases: ["Kurmanji", "Kurdish Kurmanji", "Kurmanji Kurdish", "Northern Kurdish", "Badini", "Bahdini"], endonyms: ["Kurmancî", "Kurmanci"]),
        Entry("sdh", aliases: ["Southern Kurdish", "Feyli", "Kalhori"], endonyms: ["کوردی خوارین"]),
        Entry("uzb", aliases: ["Uzbek"], endonyms: ["Oʻzbekcha", "O'zbekcha", "Ўзбекча"]),
        Entry("kaz", aliases: ["Kazakh"], endonyms: ["Қазақша", "Qazaqsha"]),
        Entry("kir", aliases: ["Kyrgyz", "Kirghiz"], endonyms: ["Кыргызча"]),
        Entry("tuk", aliases: ["Turkmen"], endonyms: ["Türkmençe", "Turkmence"]),
        Entry("uig", aliases: ["Uyghur", "Uighur"], endonyms: ["ئۇيغۇرچە"]),
        // Arabic and its varieties
        Entry("ara", aliases: ["Arabic"], endonyms: ["العربية", "عربي", "Arabi", "Al-Arabiya"]),
        Entry("arb", display: "Modern Standard Arabic", aliases: ["Modern Standard Arabic", "Standard Arabic", "Classical Arabic", "Fusha"], endonyms: ["الفصحى", "العربية الفصحى"]),
        Entry("arz", display: "Egyptian Arabic", aliases: ["Egyptian Arabic"], endonyms: ["مصري", "Masri"]),
        Entry("apc", display: "Levantine Arabic", aliases: ["Levantine Arabic", "Syrian Arabic", "Lebanese Arabic", "Palestinian Arabic", "Shami"], endonyms: ["شامي"]),
        Entry("acm", display: "Iraqi Arabic", aliases: ["Iraqi Arabic", "Mesopotamian Arabic"], endonyms: ["عراقي"]),
        Entry("afb", display: "Gulf Arabic", aliases: ["Gulf Arabic", "Khaleeji"], endonyms: ["خليجي"]),
        Entry("ary", display: "Moroccan Arabic", aliases: ["Moroccan Arabic", "Darija", "Moroccan Darija"], endonyms: ["الدارجة", "الدارجة المغربية"]),
        Entry("arq", display: "Algerian Arabic", aliases: ["Algerian Arabic"]),
        Entry("aeb", display: "Tunisian Arabic", aliases: ["Tunisian Arabic"]),
        Entry("apd", display: "Sudanese Arabic", aliases: ["Sudanese Arabic"]),
        Entry("ayl", display: "Libyan Arabic", aliases: ["Libyan Arabic"]),
        Entry("acq", display: "Yemeni Arabic", aliases: ["Yemeni Arabic"]),
        // East and South-East Asia
        Entry("zho", aliases: ["Chinese"], endonyms: ["中文", "汉语", "漢語", "华语", "華語", "Zhongwen"]),
        Entry("cmn", display: "Mandarin", aliases: ["Mandarin", "Mandarin Chinese", "Putonghua", "Guoyu"], endonyms: ["普通话", "普通話", "国语", "國語"]),
        Entry("yue", display: "Cantonese", aliases: ["Cantonese"], endonyms: ["廣東話", "广东话", "粵語", "粤语"]),
        Entry("hak", aliases: ["Hakka"], endonyms: ["客家話", "客家话"]),
        Entry("nan", display: "Hokkien (Min Nan)", aliases: ["Hokkien", "Min Nan", "Taiwanese Hokkien", "Teochew"], endonyms: ["閩南語", "闽南语"]),
        Entry("wuu", aliases: ["Shanghainese", "Wu Chinese"], endonyms: ["吴语", "吳語"]),
        Entry("jpn", endonyms: ["日本語", "Nihongo"]),
        Entry("kor", endonyms: ["한국어", "조선말", "Hangugeo"]),
        Entry("vie", endonyms: ["Tiếng Việt", "Tieng Viet"]),
        Entry("tha", endonyms: ["ภาษาไทย", "ไทย"]),
        Entry("lao", endonyms: ["ພາສາລາວ"]),
        Entry("khm", aliases: ["Khmer", "Cambodian"], endonyms: ["ភាសាខ្មែរ", "ខ្មែរ"]),
        Entry("mya", display: "Burmese", aliases: ["Burmese", "Myanmar"], endonyms: ["မြန်မာဘာသာ", "မြန်မာစာ"]),
        Entry("tgl", aliases: ["Tagalog"], endonyms: ["Wikang Tagalog"]),
        Entry("fil", aliases: ["Filipino"], endonyms: ["Wikang Filipino", "Pilipino"]),
        Entry("msa", display: "Malay", aliases: ["Malay"], endonyms: ["Bahasa Melayu", "Melayu"]),
        Entry("zsm", display: "Standard Malay", aliases: ["Malaysian", "Standard Malay", "Bahasa Malaysia"]),
        Entry("ind", aliases: ["Indonesian"], endonyms: ["Bahasa Indonesia"]),
        Entry("bod", aliases: ["Tibetan"], endonyms: ["བོད་སྐད་", "བོད་ཡིག"]),
        Entry("mon", aliases: ["Mongolian"], endonyms: ["Монгол хэл"]),
        Entry("hmn", aliases: ["Hmong"], endonyms: ["Hmoob"]),
        // Africa
        Entry("som", endonyms: ["Soomaali", "Af Soomaali", "Af-Soomaali"]),
        Entry("tir", aliases: ["Tigrinya", "Tigrigna"], endonyms: ["ትግርኛ"]),
        Entry("tig", aliases: ["Tigre"], endonyms: ["ትግረ", "ትግሬ"]),
        Entry("amh", aliases: ["Amharic"], endonyms: ["አማርኛ", "Amarigna", "Amarinya"]),
        Entry("orm", aliases: ["Oromo", "Afaan Oromo", "Oromiffa"], endonyms: ["Afaan Oromoo", "Oromoo"]),
        Entry("swa", display: "Swahili", aliases: ["Swahili"], endonyms: ["Kiswahili"]),
        Entry("sna", endonyms: ["chiShona", "ChiShona"]),
        Entry("nde", display: "Ndebele", aliases: ["Ndebele", "Sindebele"], endonyms: ["isiNdebele"]),
        Entry("yor", endonyms: ["Yorùbá", "Èdè Yorùbá"]),
        Entry("ibo", endonyms: ["Asụsụ Igbo", "Ibo"]),
        Entry("hau", endonyms: ["Harshen Hausa", "هَوُسَ"]),
        Entry("aka", aliases: ["Akan"], endonyms: ["Akan kasa"]),
        Entry("twi", aliases: ["Twi", "Asante Twi", "Ashanti Twi", "Ashanti"], endonyms: ["Twi kasa"]),
        Entry("fat", aliases: ["Fante", "Fanti"], endonyms: ["Mfantse"]),
        Entry("gaa", aliases: ["Ga language"], endonyms: ["Gã"]),
        Entry("ewe", endonyms: ["Eʋegbe", "Evegbe"]),
        Entry("ful", display: "Fula", aliases: ["Fula", "Fulani", "Fulah", "Peul"], endonyms: ["Fulfulde", "Pulaar", "Pular"]),
        Entry("wol", aliases: ["Wolof"], endonyms: ["Wolof làkk"]),
        Entry("mnk", aliases: ["Mandinka", "Mandingo"], endonyms: ["Mandinkakaŋ"]),
        Entry("kri", aliases: ["Krio", "Sierra Leone Krio"], endonyms: ["Krio"]),
        Entry("tem", aliases: ["Temne", "Themne"], endonyms: ["KaThemne"]),
        Entry("men", aliases: ["Mende"], endonyms: ["Mɛnde yia"]),
        Entry("pcm", display: "Nigerian Pidgin", aliases: ["Nigerian Pidgin", "Naija", "Pidgin English"], endonyms: ["Naijá"]),
        Entry("lin", endonyms: ["Lingála"]),
        Entry("kon", aliases: ["Kongo"], endonyms: ["Kikongo"]),
        Entry("lua", aliases: ["Tshiluba", "Luba-Kasai"], endonyms: ["Ciluba"]),
        Entry("kin", aliases: ["Kinyarwanda", "Rwandan"], endonyms: ["Ikinyarwanda"]),
        Entry("run", aliases: ["Kirundi"], endonyms: ["Ikirundi"]),
        Entry("lug", aliases: ["Luganda"], endonyms: ["Oluganda"]),
        Entry("ach", aliases: ["Acholi", "Acoli"]),
        Entry("kik", aliases: ["Kikuyu"], endonyms: ["Gĩkũyũ", "Gikuyu"]),
        Entry("luo", aliases: ["Luo", "Dholuo"], endonyms: ["Dholuo"]),
        Entry("nya", display: "Chichewa", aliases: ["Chichewa", "Nyanja", "Chinyanja"], endonyms: ["Chicheŵa"]),
        Entry("bem", aliases: ["Bemba"], endonyms: ["Chibemba", "Ichibemba"]),
        Entry("zul", aliases: ["Zulu"], endonyms: ["isiZulu"]),
        Entry("xho", aliases: ["Xhosa"], endonyms: ["isiXhosa"]),
        Entry("sot", aliases: ["Sesotho", "Sotho"], endonyms: ["Sesotho"]),
        Entry("tsn", aliases: ["Setswana", "Tswana"], endonyms: ["Setswana"]),
        Entry("ssw", aliases: ["Swazi", "Swati"], endonyms: ["siSwati"]),
        Entry("afr", endonyms: ["Afrikaans"]),
        Entry("mlg", aliases: ["Malagasy"], endonyms: ["Malagasy"]),
        Entry("tzm", display: "Tamazight", aliases: ["Tamazight", "Berber", "Amazigh"], endonyms: ["ⵜⴰⵎⴰⵣⵉⵖⵜ", "Tamaziɣt"]),
        Entry("kab", aliases: ["Kabyle"], endonyms: ["Taqbaylit"]),
        Entry("din", aliases: ["Dinka"], endonyms: ["Thuɔŋjäŋ"]),
        Entry("nus", aliases: ["Nuer"], endonyms: ["Thok Naath"]),
        // The Caribbean, the Americas and the Pacific
        Entry("jam", display: "Jamaican Patois", aliases: ["Patois", "Jamaican Patois", "Jamaican Creole", "Patwa"], endonyms: ["Jamiekan", "Patwa"]),
        Entry("hat", aliases: ["Haitian Creole", "Haitian"], endonyms: ["Kreyòl ayisyen", "Kreyol"]),
        Entry("mfe", aliases: ["Mauritian Creole", "Morisyen"], endonyms: ["Kreol Morisien"]),
        Entry("crs", aliases: ["Seychellois Creole"], endonyms: ["Kreol Seselwa"]),
        Entry("pap", aliases: ["Papiamento", "Papiamentu"], endonyms: ["Papiamentu"]),
        Entry("mri", aliases: ["Maori", "Māori"], endonyms: ["Te reo Māori", "Te reo Maori"]),
        Entry("smo", aliases: ["Samoan"], endonyms: ["Gagana Sāmoa", "Gagana Samoa"]),
        Entry("fij", aliases: ["Fijian"], endonyms: ["Vosa Vakaviti"]),
        Entry("ton", aliases: ["Tongan"], endonyms: ["Lea faka-Tonga"]),
        Entry("que", aliases: ["Quechua"], endonyms: ["Runa Simi"]),
        // Sign languages
        Entry("bfi", display: "British Sign Language", aliases: ["BSL", "British Sign", "British Sign Language", "Sign Language (BSL)"]),
        Entry("isg", display: "Irish Sign Language", aliases: ["ISL", "Irish Sign Language"]),
        Entry("ase", display: "American Sign Language", aliases: ["ASL", "American Sign Language", "Ameslan"]),
    ]

    /// Words that name a people, a country, a religion or a script rather than one language. They
    /// are never resolved and never corrected into a near-by language name: a wrong language is
    /// worse than none.
    static let notLanguages: Set<String> = [
        "iranian", "indian", "pakistani", "bangladeshi", "afghan", "afghani", "african", "european", "asian",
        "nigerian", "ghanaian", "egyptian", "syrian", "iraqi", "moroccan", "algerian", "somalian", "eritrean",
        "ethiopian", "sudanese", "kenyan", "ugandan", "congolese", "zimbabwean",
        "sri lankan", "yugoslav", "yugoslavian", "hindu", "sikh", "muslim", "islamic", "christian", "jewish",
        "arab", "arabian", "persian script", "cyrillic", "latin script", "arabic script", "makaton", "creole",
        "pidgin", "sign", "sign language", "signing", "various", "mother tongue", "first language",
    ]

    /// Words that answer a question ("Any other languages?", "How well?") rather than name a
    /// language. On their own they are never a language, whatever ISO code they spell (`yes` is
    /// Nyankpa's, `no` Norwegian's); in a bracket or beside a name they are read as notes.
    static let answers: Set<String> = [
        "yes", "y", "no", "n", "none", "n a", "na", "nil", "null", "nothing", "nope", "not applicable", "not known",
        "unknown", "tbc", "any", "all", "other", "others", "some", "not", "maybe", "ok", "true", "false",
        "basic", "good", "fluent",
    ]

    /// The answers that say there is no language to record (`No`, `None`, `N/A`): a roster cell
    /// holding one records nothing and needs no warning.
    static let noLanguage: Set<String> = [
        "no", "n", "none", "n a", "na", "nil", "null", "nothing", "nope", "not applicable",
    ]

    /// Codes of the languages above that are also everyday English words, read as the word when
    /// written alone: a person who writes `It`, `Nor` or `May` means the word, not Italian,
    /// Norwegian or Malay. These are the curated codes among the few thousand most frequent
    /// English words (a Zipf frequency of 4.5 or more), and the day and month abbreviations
    /// (`Mon`, `Mar`). `so` (Somali) and `per` (Persian) stay codes: rosters use them so.
    static let englishWords: Set<String> = [
        "to", "is", "it", "be", "as", "he", "my", "no", "nor", "may", "am", "men", "run", "ice", "hi", "fat", "cat",
        "arm", "ms", "id", "ha", "hat", "mon", "mar",
    ]

    /// ISO 639 names of languages not listed above that are also everyday English words (`Even`,
    /// `Male`, `Day`, `Mon`, `Bench`): in a roster they are the word. The ISO names with a Zipf
    /// frequency of 3.5 or more in English, less `Fur` (a language of Darfur people write).
    static let englishNames: Set<String> = [
        "anal", "are", "as", "bats", "beaver", "bench", "bit", "bum", "bun", "carrier", "col", "con", "creek", "crow",
        "day", "dime", "ding", "doe", "duke", "e", "even", "fore", "gal", "gen", "gimme", "gun", "ha", "ho", "hung",
        "label", "lame", "logo", "ma", "male", "mama", "mango", "maria", "mayo", "median", "mon", "mono", "mum",
        "noon", "pal", "poke", "rang", "reel", "sake", "she", "slave", "so", "tee", "tho", "titan", "to", "u", "vale",
        "wan",
    ]
}
