/// The communities of the synthetic borough: names, and the languages their members write the
/// way rosters write them. Weights follow the skew of a Greater Manchester borough: most
/// volunteers are of White British background, then Pakistani, Polish, Bangladeshi, and many smaller
/// communities.
struct Community: Sendable {
    let weight: Int
    let given: [String]
    let family: [String]
    /// Languages as written in rosters, with weights; each person gets one to three.
    let languages: [(String, Int)]
}

enum Communities {
    static let all: [Community] = [
        Community(
            weight: 46,
            given: [
                "Jack", "Olivia", "Harry", "Amelia", "George", "Emily", "Thomas", "Sophie", "James", "Margaret",
                "David", "Susan",
            ],
            family: [
                "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
                "Walker", "Hughes",
            ],
            languages: [
                ("English", 100), ("French (basic)", 8), ("BSL (basic)", 3), ("British Sign Language (fluent)", 1),
                ("Spanish (conversational)", 4),
            ]),
        Community(
            weight: 12,
            given: ["Mohammed", "Aisha", "Imran", "Fatima", "Bilal", "Zainab", "Tariq", "Amina", "Usman", "Nadia"],
            family: ["Khan", "Hussain", "Ahmed", "Ali", "Rahman", "Iqbal", "Mahmood", "Shah", "Akhtar", "Butt"],
            languages: [
                ("Urdu (native)", 80), ("Punjabi (fluent)", 45), ("Panjabi", 10), ("pa-Arab", 6), ("Mirpuri", 5),
                ("Pashto (conversational)", 5), ("English (fluent)", 70), ("Urdu (fluent, interpreter)", 4),
            ]),
        Community(
            weight: 7, given: ["Jan", "Anna", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Marek", "Zofia"],
            family: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowski", "Zielińska"],
            languages: [
                ("Polish (native)", 90), ("Polski", 10), ("English (conversational)", 60), ("Russian (basic)", 8),
            ]),
        Community(
            weight: 5, given: ["Rahim", "Shirin", "Abdul", "Rokeya", "Jamal", "Nasrin"],
            family: ["Begum", "Miah", "Uddin", "Islam", "Chowdhury", "Khatun"],
            languages: [("Bengali (native)", 80), ("Bangla", 10), ("Sylheti (native)", 40), ("বাংলা", 3), ("English", 60)]),
        Community(
            weight: 4, given: ["Ioana", "Andrei", "Elena", "Mihai", "Maria", "Alexandru"],
            family: ["Popescu", "Ionescu", "Popa", "Stan", "Dumitru", "Constantin"],
            languages: [
                ("Romanian (native)", 90), ("Română", 5), ("Italian (conversational)", 10), ("English (fluent)", 50),
            ]),
        Community(
            weight: 4, given: ["Ahmed", "Layla", "Omar", "Mariam", "Yusuf", "Huda"],
            family: ["Al-Sayed", "Haddad", "Mansour", "Khalil", "Nasser", "Saleh"],
            languages: [
                ("Arabic (native)", 95), ("العربية", 3), ("French (fluent)", 10), ("English (fluent)", 55),
                ("Arabic (native, interpreter)", 4),
            ]),
        Community(
            weight: 3, given: ["Rezan", "Hevi", "Karwan", "Shilan", "Dilshad", "Rojin"],
            family: ["Hussein", "Abdullah", "Mohammed", "Rashid", "Karim", "Aziz"],
            languages: [
                ("Kurdish", 30), ("Sorani (native)", 40), ("Kurmanji (native)", 30), ("کوردی", 3),
                ("Arabic (fluent)", 30), ("Farsi (conversational)", 10), ("English", 50),
            ]),
        Community(
            weight: 3, given: ["Hamid", "Shirin", "Reza", "Maryam", "Ali", "Parisa"],
            family: ["Rezaei", "Karimi", "Hosseini", "Ahmadi", "Moradi", "Jafari"],
            languages: [
                ("Farsi (native)", 70), ("Persian (native)", 20), ("فارسی", 3), ("Dari (fluent)", 10),
                ("English (fluent)", 60),
            ]),
        Community(
            weight: 2, given: ["Dawit", "Selam", "Yonas", "Helen", "Samuel", "Mebrat"],
            family: ["Tesfaye", "Gebremedhin", "Haile", "Berhane", "Kidane", "Tekle"],
            languages: [
                ("Tigrinya (native)", 90), ("ትግርኛ", 5), ("Amharic (fluent)", 30), ("Arabic (conversational)", 15),
                ("English (conversational)", 50),
            ]),
        Community(
            weight: 2, given: ["Hodan", "Abdi", "Faduma", "Mohamed", "Ayan", "Hassan"],
            family: ["Abdi", "Farah", "Warsame", "Osman", "Jama", "Ismail"],
            languages: [("Somali (native)", 90), ("Soomaali", 5), ("Arabic (basic)", 30), ("English (fluent)", 60)]),
        Community(
            weight: 3, given: ["Wing", "Mei", "Ka Ho", "Li", "Wai", "Jun"],
            family: ["Chan", "Wong", "Lee", "Cheung", "Lin", "Zhang"],
            languages: [
                ("Cantonese (native)", 60), ("Mandarin (fluent)", 45), ("Chinese", 10), ("中文", 3),
                ("English (fluent)", 60),
            ]),
        Community(
            weight: 3, given: ["Grace", "Chinedu", "Ngozi", "Oluwaseun", "Funmi", "Emeka"],
            family: ["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Adebayo"],
            languages: [
                ("English (native)", 90), ("Yoruba (native)", 40), ("Igbo (native)", 30), ("Nigerian Pidgin", 10),
            ]),
        Community(
            weight: 2, given: ["Priya", "Raj", "Anjali", "Vikram", "Sunita", "Arjun"],
            family: ["Patel", "Sharma", "Singh", "Kaur", "Gill", "Mistry"],
            languages: [
                ("Gujarati (native)", 40), ("Hindi (fluent)", 40), ("Punjabi (native)", 30), ("pa-Guru", 5),
                ("English (fluent)", 80), ("Tamil (native)", 8),
            ]),
        Community(
            weight: 2, given: ["Olena", "Andriy", "Iryna", "Dmytro", "Natalia", "Oleksandr"],
            family: ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk"],
            languages: [("Ukrainian (native)", 85), ("Russian (fluent)", 50), ("English (conversational)", 50)]),
    ]

    static let skills: [(String, Int)] = [
        ("Befriending", 30), ("Driving", 25), ("First aid", 20), ("Cooking", 15), ("Mentoring", 15),
        ("Teaching (professional)", 6),
        ("Maths tutoring (experienced)", 6), ("Accountancy (professional)", 4), ("ACCA qualified", 1),
        ("Bookkeeping", 4),
        ("Interpreting", 5), ("Translation", 4), ("Legal advice (immigration)", 2), ("Nursing (professional)", 3),
        ("IT support", 8), ("Digital skills teaching", 5), ("Gardening", 10), ("DIY", 8), ("Plumbing (experienced)", 2),
        ("Safeguarding", 6), ("Youth work", 5), ("Event organising", 8), ("Fundraising", 6),
        ("Childcare (experienced)", 5),
        ("Civil engineering (professional)", 1), ("Pharmacy (professional)", 1), ("Counselling", 2),
        ("Sign language interpreting (professional)", 1),
        ("Football coaching", 4), ("Sewing", 4), ("Minibus driving", 2), ("Community outreach", 6),
    ]

    static let availability: [(String, Int)] = [
        ("weekends", 20), ("Tue evening", 10), ("Sat morning", 10), ("weekday mornings", 8), ("any", 8),
        ("Wed afternoon", 8),
        ("Mon evening; Thu evening", 6), ("evenings", 10), ("Fri evening", 5), ("Sun afternoon", 5),
        ("weekday evenings", 6),
    ]

    static let dbs: [(String, Int)] = [("", 40), ("none", 10), ("basic", 15), ("standard", 10), ("enhanced", 25)]

    static let networks = [
        "Brinnington Mosque Welfare Group", "Stockport Race Equality Partnership", "Deaf Community Stockport",
        "Heatons Chinese Community Association", "Polish Saturday School", "Reddish Residents Together",
        "Edgeley Food Bank",
        "Offerton Youth Club", "Cheadle Faith Forum", "Somali Women's Network", "Eritrean Community Stockport",
        "Kurdish Cultural Centre", "Romanian Families Stockport", "Stockport Mutual Aid", "Older People's Lunch Club",
        "Refugee Welcome Stockport",
    ]

    static let partners = [
        "Stockport Council Schools Team", "Greater Manchester Police", "Stepping Hill Hospital",
        "Stockport Council Welfare Rights",
        "Stockport Homes", "Stockport NHS Community Pharmacy", "Citizens Advice Stockport", "Stockport Libraries",
    ]
}
