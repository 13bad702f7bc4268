import Foundation

/// What one source (a roster file or a feed) says of a person, as held: for subject access.
public struct SourceListing: Sendable, Hashable, Codable {
    /// An import of a file, as recorded.
    public struct Import: Sendable, Hashable, Codable {
        /// The file as named when imported.
        public var file: String
        /// When it was imported.
        public var importedAt: Date

        /// An import as the store recorded it: the file's name at the time, and when.
        public init(file: String, importedAt: Date) {
            self.file = file
            self.importedAt = importedAt
        }
    }

    /// A skill as the source wrote it.
    public struct WrittenSkill: Sendable, Hashable, Codable {
        /// As written.
        public var written: String
        /// The level, when stated.
        public var level: String?
        /// The taxonomy skills it is understood as (`first-aid (exact)`); empty when none.
        public var understood: [String]

        /// `understood` holds taxonomy keys with how they matched (`first-aid (exact)`); empty when none.
        public init(written: String, level: String?, understood: [String]) {
            self.written = written
            self.level = level
            self.understood = understood
        }
    }

    /// A language as the source wrote it.
    public struct WrittenLanguage: Sendable, Hashable, Codable {
        /// As written.
        public var written: String
        /// The ISO 639-3 code it is understood as, if any.
        public var code: String?
        /// Its name, as understood (the written text when not understood).
        public var understood: String
        /// The proficiency, when stated.
        public var proficiency: String?
        /// Whether they interpret it.
        public var interprets: Bool

        /// Pass the written text as `understood` when the catalogue did not know the language.
        public init(written: String, code: String?, understood: String, proficiency: String?, interprets: Bool) {
            self.written = written
            self.code = code
            self.understood = understood
            self.proficiency = proficiency
            self.interprets = interprets
        }
    }

    /// The source: `file:NAME` for a roster, `feed:NAME` for a feed.
    public var source: String
    /// The id or line key it lists them under (`id:VOL-9`, `email:…`).
    public var listingID: String
    /// The first import that listed them under it (unknown for listings made before voldir kept it).
    public var firstImport: Import?
    /// The latest import that listed them under it.
    public var lastImport: Import?
    /// The consent the source recorded.
    public var consent: Consent
    /// The DBS check the source reported, with whether it said they subscribe to the Update Service.
    public var dbs: DBSCheck?
    /// Skills as written.
    public var skills: [WrittenSkill]
    /// Languages as written.
    public var languages: [WrittenLanguage]

    /// One source's listing as held; `firstImport` is `nil` for listings made before voldir kept it.
    public init(
        source: String, listingID: String, firstImport: Import?, lastImport: Import?, consent: Consent, dbs: DBSCheck?,
        skills: [WrittenSkill], languages: [WrittenLanguage]
    ) {
        self.source = source
        self.listingID = listingID
        self.firstImport = firstImport
        self.lastImport = lastImport
        self.consent = consent
        self.dbs = dbs
        self.skills = skills
        self.languages = languages
    }
}
