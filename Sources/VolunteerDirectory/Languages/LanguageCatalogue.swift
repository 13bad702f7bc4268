import Foundation
import Synchronization

/// Every ISO 639 language, with the names, codes and tags by which rosters and feeds name them,
/// and how they relate (macrolanguages, close varieties).
///
/// The ISO table is generated from Debian's `iso-codes` (see `Scripts/generate-iso-tables.py`)
/// and compiled in, with the curated names of ``CommonLanguages``, so nothing is read from the
/// system at run time and a look-up costs microseconds.
///
/// ```swift
/// let urdu = LanguageCatalogue.shared.resolve("ur")         // urd, by code
/// let punjabi = LanguageCatalogue.shared.resolve("pa-Arab")  // pan, by tag, script Arab
/// let portuguese = LanguageCatalogue.shared.resolve("Portugese") // por, a misspelling
/// ```
public final class LanguageCatalogue: Sendable {
    /// The catalogue built from the compiled-in tables; built once, on first use.
    public static let shared = LanguageCatalogue()

    /// Where each row of the ISO table starts in its bytes, in code order (the generator writes
    /// it sorted by code): a code is found by binary search and its row read then, so a search
    /// by one language reads one row, not 7,900.
    private let rowStarts: [Int]
    /// The ISO 639-1 and 639-2/B codes, to the ISO 639-3 code they stand for.
    private let codeAliases: [String: String]
    /// Every language, in code order, made on first use: only a list of them all needs them all.
    private let everyLanguage = Mutex<[Language]?>(nil)
    /// The languages looked up by code so far, by code.
    private let madeLanguages = Mutex<[String: Language]>([:])
    /// The matching keys of every curated alias and endonym: the only keys that may resolve as
    /// an alias or endonym, so a code (`ur`) is resolved without the names.
    private let curatedNameKeys: Set<String>
    private let endonyms: [String: String]
    private let macrolanguageOf: [String: String]
    private let membersOf: [String: [String]]
    private let closeVarieties: [String: Set<String>]
    /// The ISO 639-3 codes of ``CommonLanguages``: the only languages a bare code in free text
    /// (a roster cell, a search) may name.
    private let curatedCodes: Set<String>
    /// Every name, alias and endonym by matching key, and the near-miss candidates: most of the
    /// cost of the catalogue (a key for each of some 20,000 names), so built on the first look-up
    /// by name. A search by code, or a process that only shows languages, never builds them.
    private let names = Mutex<NameTables?>(nil)

    /// Every language the catalogue knows, in ISO 639-3 code order.
    public var languages: some Collection<Language> {
        everyLanguage.withLock { stored in
            if let existing = stored { return existing }
            var built: [Language] = []
            built.reserveCapacity(rowStarts.count)
            Self.forEachISORow { built.append(Self.language(of: $0)) }
            stored = built
            return built
        }
    }

    /// The look-ups by name, built on first use.
    private struct NameTables: Sendable {
        let byName: [String: (code: String, match: LanguageMatch)]
        /// Names a misspelling may be corrected to, by first character: only curated languages.
        let nearNames: [Character: [(key: [Character], code: String)]]
    }

    /// One row of the ISO table, read in place: its eight tab-separated fields as text on demand.
    private struct ISORow {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where each field starts, and one past the last field's end. Held inline: an array
        /// allocated for each of the 7,910 rows had been most of the catalogue's set-up (4% of
        /// a one-shot `voldir search`'s instructions), which reads every row.
        let bounds: InlineArray<9, Int>

        /// Field `index` (0 to 7) as a string; empty when absent.
        func text(_ index: Int) -> String {
            String(
                decoding: UnsafeBufferPointer(rebasing: bytes[bounds[index]..<(bounds[index + 1] - 1)]), as: UTF8.self)
        }

        /// Where the row starts in the table's bytes.
        var start: Int { bounds[0] }

        /// Whether field `index` is empty.
        func isEmpty(_ index: Int) -> Bool { bounds[index + 1] - 1 == bounds[index] }

        /// Whether field `index` is the one ASCII letter `letter` (the scope and type columns).
        func field(_ index: Int, is letter: Unicode.Scalar) -> Bool {
            bounds[index + 1] - 1 - bounds[index] == 1 && bytes[bounds[index]] == UInt8(ascii: letter)
        }
    }

    /// Calls `body` with each row of the ISO table. Read as bytes, in place, making only the
    /// strings a caller asks for: splitting the 600 KB table into substrings first had been most
    /// of building the catalogue, which a one-shot `voldir search` by language does.
    private static func forEachISORow(_ body: (ISORow) -> Void) {
        withISOTable { bytes in
            var start = 0
            while start < bytes.count {
                let (row, next) = isoRow(in: bytes, at: start)
                if let row { body(row) }
                start = next
            }
        }
    }

    /// Calls `body` with the ISO table's bytes, in place (a literal: nothing is copied).
    private static func withISOTable<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var table = iso639Table
        return table.withUTF8(body)
    }

    /// The row of the ISO table starting at `start`, or `nil` when the line there is not one of
    /// eight fields; and where the next line starts.
    private static func isoRow(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (ISORow?, next: Int) {
        var bounds = InlineArray<9, Int>(repeating: 0)
        bounds[0] = start
        var end = start
        var field = 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
            if bytes[end] == UInt8(ascii: "\t") {
                if field < 8 { bounds[field] = end + 1 }
                field += 1
            }
            end += 1
        }
        guard field == 8 else { return (nil, end + 1) }
        bounds[8] = end + 1
        return (ISORow(bytes: bytes, bounds: bounds), end + 1)
    }

    /// The language a row of the ISO table describes, by the curated name where there is one.
    private static func language(of row: ISORow) -> Language {
        let code = row.text(0)
        return Language(
            code: code, alpha2: row.isEmpty(1) ? nil : row.text(1),
            name: curated[code]?.display ?? row.text(5).removingMacrolanguageNote,
            isMacrolanguage: row.field(3, is: "M"))
    }

    /// Where the row of this ISO 639-3 code (lower case) starts, found by binary search.
    private static func rowStart(of code: String, in rowStarts: [Int]) -> Int? {
        let key = Array(code.utf8)
        guard key.count == 3 else { return nil }
        return withISOTable { bytes -> Int? in
            var low = 0
            var high = rowStarts.count
            while low < high {
                let middle = (low + high) / 2
                let start = rowStarts[middle]
                var order = 0
                for offset in 0..<3 where order == 0 {
                    let byte = bytes[start + offset]
                    order = byte < key[offset] ? -1 : byte > key[offset] ? 1 : 0
                }
                if order == 0 { return start }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// The language with this ISO 639-3 code (lower case): its one row, read when first asked
    /// for and kept, since a feed's import asks for the same few codes a million times.
    private func isoLanguage(_ code: String) -> Language? {
        if let known = madeLanguages.withLock({ $0[code] }) { return known }
        guard let start = Self.rowStart(of: code, in: rowStarts) else { return nil }
        let made = Self.withISOTable { bytes in Self.isoRow(in: bytes, at: start).0.map(Self.language(of:)) }
        if let made { madeLanguages.withLock { $0[code] = made } }
        return made
    }

    /// Whether the table has this ISO 639-3 code.
    private func knows(_ code: String) -> Bool { Self.rowStart(of: code, in: rowStarts) != nil }

    private static let curated = Dictionary(
        CommonLanguages.entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// Builds a catalogue: ``shared`` is the one to use; tests build their own to see what is
    /// built when.
    init() {
        var rowStarts: [Int] = []
        rowStarts.reserveCapacity(8_000)
        var codeAliases: [String: String] = [:]
        Self.forEachISORow { row in
            rowStarts.append(row.start)
            guard !row.isEmpty(1) || !row.isEmpty(2) else { return }
            let code = row.text(0)
            if !row.isEmpty(1) { codeAliases[row.text(1)] = code }
            if !row.isEmpty(2) { codeAliases[row.text(2)] = code }
        }
        self.rowStarts = rowStarts
        self.codeAliases = codeAliases
        let knows = { (code: String) in Self.rowStart(of: code, in: rowStarts) != nil }

        var endonyms: [String: String] = [:]
        var curatedNameKeys: Set<String> = []
        for entry in CommonLanguages.entries where knows(entry.code) {
            for name in entry.aliases + entry.endonyms { curatedNameKeys.insert(name.matchingKey) }
            if let first = entry.endonyms.first { endonyms[entry.code] = first }
        }

        var macrolanguageOf: [String: String] = [:]
        var membersOf: [String: [String]] = [:]
        for (macrolanguage, members) in LanguageFamilies.members where knows(macrolanguage) {
            let known = members.filter(knows)
            membersOf[macrolanguage] = known
            for member in known { macrolanguageOf[member] = macrolanguage }
        }
        var close: [String: Set<String>] = [:]
        for (one, other) in LanguageFamilies.closeVarieties where knows(one) && knows(other) {
            close[one, default: []].insert(other)
            close[other, default: []].insert(one)
        }

        self.curatedNameKeys = curatedNameKeys
        self.endonyms = endonyms
        self.macrolanguageOf = macrolanguageOf
        self.membersOf = membersOf
        self.closeVarieties = close
        self.curatedCodes = Set(Self.curated.keys.filter(knows))
    }

    /// Whether the look-ups by name have been built yet: for tests.
    var namesAreBuilt: Bool { names.withLock { $0 != nil } }

    /// The look-ups by name, built on the first call.
    private var nameTables: NameTables {
        names.withLock { stored in
            if let existing = stored { return existing }
            let built = Self.buildNames(knows: knows)
            stored = built
            return built
        }
    }

    private static func buildNames(knows: (String) -> Bool) -> NameTables {
        var isoNames: [String: [String]] = [:]
        var byName: [String: (code: String, match: LanguageMatch)] = [:]
        var namePriority: [String: Int] = [:]
        let curated = Self.curated

        func addName(_ name: String, code: String, priority: Int) {
            let key = name.matchingKey
            guard !key.isEmpty else { return }
            if let existing = namePriority[key], existing >= priority { return }
            namePriority[key] = priority
            byName[key] = (code, .name)
        }

        forEachISORow { row in
            let code = row.text(0)
            // Where two languages share a name, prefer the living, the major (with a 639-1 code),
            // then the macrolanguage, so "Malay" is msa and "Swahili" swa.
            let priority = (row.field(4, is: "L") ? 8 : 0) + (row.isEmpty(1) ? 0 : 4) + (row.field(3, is: "M") ? 2 : 0)
            for index in 5...7 where !row.isEmpty(index) {
                let name = row.text(index)
                addName(name, code: code, priority: priority * 4 + (index == 5 ? 3 : 1))
                let bare = name.removingParentheticals
                if bare != name { addName(bare, code: code, priority: priority * 4) }
                if curated[code] != nil { isoNames[code, default: []].append(contentsOf: [name, bare]) }
            }
        }

        var near: [Character: [(key: [Character], code: String)]] = [:]
        func addNear(_ name: String, code: String) {
            let key = Array(name.matchingKey)
            guard key.count >= 4, let first = key.first, first.isLetter,
                !(near[first]?.contains { $0.key == key && $0.code == code } ?? false)
            else { return }
            near[first, default: []].append((key, code))
        }
        for entry in CommonLanguages.entries where knows(entry.code) {
            // A curated name that is also ISO's name for the same language is reported as a name.
            for alias in entry.aliases where byName[alias.matchingKey]?.code != entry.code {
                byName[alias.matchingKey] = (entry.code, .alias)
            }
            for endonym in entry.endonyms where byName[endonym.matchingKey]?.code != entry.code {
                byName[endonym.matchingKey] = (entry.code, .endonym)
            }
            for name in entry.aliases + entry.endonyms + (isoNames[entry.code] ?? [])
                + [entry.display].compactMap({ $0 })
            {
                addNear(name, code: entry.code)
            }
        }
        return NameTables(byName: byName, nearNames: near)
    }

    /// The language with this ISO 639-3 code (or 639-1 or 639-2/B code), if the catalogue knows it.
    public func language(code: String) -> Language? {
        let key = code.lowercased()
        if let language = isoLanguage(key) { return language }
        return codeAliases[key].flatMap(isoLanguage)
    }

    /// Whether the language is one of the curated, well-known languages of ``CommonLanguages``.
    func isCurated(_ code: String) -> Bool { curatedCodes.contains(code) }

    /// What the language calls itself, in its own script where it has one (`Polski`, `اردو`).
    public func endonym(of code: String) -> String? { endonyms[code] }

    /// Understands a written language: a code, a name, an alias, an endonym, a BCP 47 tag or a
    /// near miss of a well-known name, in any case and with stray spaces or punctuation.
    /// Returns `nil` when the text names no language, or names a people or a place rather than a
    /// language (`Iranian`); callers keep such text as written and warn.
    public func resolve(_ text: String) -> LanguageResolution? {
        resolve(text, correctingMisspellings: true)
    }

    /// Whether `text` could name a language by a name, alias or endonym, from one dictionary
    /// look-up: `false` means ``resolve(_:correctingMisspellings:)`` without corrections would
    /// find no such match, so a skills cell's items (almost never languages) skip the full reading.
    func mightBeNamed(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: Self.strayPunctuation)
        if trimmed.contains(where: { "()[]/-,".contains($0) }) { return true }  // resolveBracketed's parts
        var key = trimmed.matchingKey
        let letters = key.split(separator: " ")
        if letters.count >= 3, letters.allSatisfy({ $0.count == 1 }) { key = letters.joined() }
        return nameTables.byName[key] != nil
    }

    /// What a written language may carry around it that says nothing about it.
    private static let strayPunctuation = " \t\r\n.,;:*\"'`-_/?!"

    /// ``resolve(_:)``, or without trying near misses where a guess would do harm (a skills cell:
    /// `Cooking` is no misspelling).
    func resolve(_ text: String, correctingMisspellings: Bool) -> LanguageResolution? {
        let trimmed = text.trimmingCharacters(in: Self.strayPunctuation)
        guard !trimmed.isEmpty else { return nil }
        var key = trimmed.matchingKey
        guard !CommonLanguages.notLanguages.contains(key), !CommonLanguages.answers.contains(key) else { return nil }
        // `B.S.L.`, `B S L`: an acronym written with stops or spaces.
        let letters = key.split(separator: " ")
        if letters.count >= 3, letters.allSatisfy({ $0.count == 1 }) { key = letters.joined() }
        if let exact = resolveExactly(trimmed, key: key) { return exact }
        if let bracketed = resolveBracketed(trimmed) { return bracketed }
        return correctingMisspellings ? resolveNearMiss(key) : nil
    }

    /// Understands a code given as a code, as the Sector 3 feed's `code` attribute is: an ISO 639
    /// code or a BCP 47 tag, never a name (`isl` is Icelandic here, not Irish Sign Language).
    public func resolve(code text: String) -> LanguageResolution? {
        let trimmed = text.trimmingWhitespace()
        if let language = language(code: trimmed), trimmed.allSatisfy(\.isLetter) {
            return LanguageResolution(language: language, match: .code)
        }
        return resolveTag(trimmed, declared: true)
    }

    /// Whether `text` answers a question (`Yes`, `No`, `None`, `N/A`, `Any`, `Fluent`) rather than
    /// names a language: never read as one, whatever ISO code it spells.
    public static func isAnswer(_ text: String) -> Bool {
        CommonLanguages.answers.contains(text.matchingKey)
    }

    /// Whether `text` says there is no language to record (`No`, `None`, `N/A`, `Nil`).
    public static func meansNoLanguage(_ text: String) -> Bool {
        CommonLanguages.noLanguage.contains(text.matchingKey)
    }

    /// The language a bare two- or three-letter token written by a person names: only a code of a
    /// curated language (`ur`, `urd`, `pol`, `rum`), and never one that is also an everyday English
    /// word (`it`, `nor`, `may`). Rosters are written by people: `the`, `can` and `sat` are words.
    private func writtenCode(_ token: String) -> Language? {
        let key = token.lowercased()
        guard !CommonLanguages.englishWords.contains(key), !CommonLanguages.answers.contains(key),
            let language = language(code: key), curatedCodes.contains(language.code)
        else { return nil }
        return language
    }

    /// How a language someone speaks (`held`) stands to one asked for, both as ISO 639-3 codes;
    /// `nil` when unrelated (Mandarin and Cantonese are both Chinese, but not each other).
    public func relation(of held: String, to asked: String) -> LanguageRelation? {
        if held == asked { return .exact }
        if macrolanguageOf[held] == asked { return .narrower }
        if macrolanguageOf[asked] == held { return .related }
        if closeVarieties[asked]?.contains(held) == true { return .related }
        return nil
    }

    /// The languages that count for one asked for, with how: itself (exact), its members if it
    /// is a macrolanguage (narrower), its macrolanguage and close varieties (related).
    public func languages(relatedTo asked: String) -> [(code: String, relation: LanguageRelation)] {
        var result: [(String, LanguageRelation)] = [(asked, .exact)]
        result += (membersOf[asked] ?? []).map { ($0, .narrower) }
        if let macrolanguage = macrolanguageOf[asked] { result.append((macrolanguage, .related)) }
        result += (closeVarieties[asked] ?? []).sorted().map { ($0, .related) }
        return result
    }

    private func resolveExactly(_ trimmed: String, key: String) -> LanguageResolution? {
        // Curated names first: "BSL" is British Sign Language, not the code bsl (Basa-Gumna). Only
        // a curated alias or endonym can match so, and a code is no such name: it needs no names.
        if curatedNameKeys.contains(key), let (code, match) = nameTables.byName[key], match != .name,
            let language = isoLanguage(code)
        {
            return LanguageResolution(language: language, match: match)
        }
        let letters = trimmed.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        if letters, (2...3).contains(trimmed.count), let language = writtenCode(trimmed) {
            return LanguageResolution(language: language, match: .code)
        }
        if let (code, match) = nameTables.byName[key], let language = isoLanguage(code),
            !(match == .name && CommonLanguages.englishNames.contains(key) && !curatedCodes.contains(code))
        {
            return LanguageResolution(language: language, match: match)
        }
        return resolveTag(trimmed, declared: false)
    }

    /// `Chinese (Mandarin)`, `Kurdish - Sorani`, `Arabic/Darija`: the more exact of the two parts
    /// when one is a member of the other, else the part understood when only one is; nothing when
    /// they name two different languages.
    private func resolveBracketed(_ text: String) -> LanguageResolution? {
        let parts: [String] = text.split(whereSeparator: { "()[]/-,".contains($0) }).map {
            String($0).trimmingWhitespace()
        }
        .filter { !$0.isEmpty }
        guard parts.count == 2 else { return nil }
        let outer = resolveExactly(parts[0], key: parts[0].matchingKey)
        let inner = resolveExactly(parts[1], key: parts[1].matchingKey)
        switch (outer, inner) {
        case (let outer?, let inner?):
            if outer.language.code == inner.language.code { return outer }
            if macrolanguageOf[inner.language.code] == outer.language.code { return inner }
            if macrolanguageOf[outer.language.code] == inner.language.code { return outer }
            return nil  // two different languages: not one of them
        case (let only?, nil), (nil, let only?):
            return only  // the other part is a note (`spoken`, `Sudanese`), not a second language
        case (nil, nil):
            return nil
        }
    }

    /// A near miss of a curated name: within one edit for names of four to seven letters, two for
    /// longer ones, starting with the same letter, and clearly nearer to one language than to any
    /// other (`Slovakian` is two edits from Slovenian but three from Slovak: too close to call).
    private func resolveNearMiss(_ key: String) -> LanguageResolution? {
        let input = Array(key)
        guard input.count >= 4, let first = input.first, let candidates = nameTables.nearNames[first] else {
            return nil
        }
        let bound = input.count >= 8 ? 2 : 1
        var nearest: [String: Int] = [:]
        for candidate in candidates where abs(candidate.key.count - input.count) <= bound + 1 {
            guard let distance = Self.editDistance(input, candidate.key, atMost: bound + 1) else { continue }
            nearest[candidate.code] = min(nearest[candidate.code] ?? .max, distance)
        }
        guard let (code, distance) = nearest.min(by: { ($0.value, $0.key) < ($1.value, $1.key) }), distance <= bound,
            !nearest.contains(where: { $0.key != code && $0.value <= distance + 1 }),
            let language = isoLanguage(code)
        else { return nil }
        return LanguageResolution(language: language, match: .misspelling)
    }

    /// Optimal string alignment distance (edits: insert, delete, substitute, swap neighbours), or
    /// `nil` when it exceeds `bound`.
    static func editDistance(_ a: [Character], _ b: [Character], atMost bound: Int) -> Int? {
        if a == b { return 0 }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(1, b.count) where b.count > 0 {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        let distance = previous[b.count]
        return distance <= bound ? distance : nil
    }

    /// A BCP 47 tag such as `pa-Arab`, `en-GB` or `zh_Hant_HK`: the language subtag names the
    /// language and a four-letter subtag the script.
    ///
    /// A tag `declared` as one (a feed's `code` attribute) may name any ISO 639 language. In free
    /// text, `no-one` and `not-sure` are words: there a tag counts when its language is a curated
    /// language's code that is no everyday word (`pa-arab`), or when it is written as tags are
    /// (`it-IT`, `sat-Olck`: a lower-case language, a title-case script, an upper-case region).
    private func resolveTag(_ text: String, declared: Bool) -> LanguageResolution? {
        let subtags = text.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard subtags.count >= 2,
            subtags.allSatisfy({
                $0.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
                }
            }),
            (2...3).contains(subtags[0].count), subtags.dropFirst().allSatisfy({ (2...8).contains($0.count) }),
            let language = declared ? language(code: subtags[0]) : taggedLanguage(subtags)
        else { return nil }
        let script = subtags.dropFirst().first { $0.count == 4 && $0.allSatisfy(\.isLetter) }
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
        return LanguageResolution(language: language, match: .tag, script: script)
    }
}

extension LanguageCatalogue {
    /// The language of a BCP 47 tag found in free text (see ``resolveTag(_:declared:)``).
    fileprivate func taggedLanguage(_ subtags: [String]) -> Language? {
        let first = subtags[0]
        if let language = writtenCode(first) { return language }
        let rest = subtags.dropFirst()
        guard first == first.lowercased(), rest.allSatisfy(\.isCanonicalSubtag) else { return nil }
        // An answer only before a region: `no-NO` is Norwegian, `not-Sure` two words.
        if CommonLanguages.answers.contains(first), rest.first?.count != 2 { return nil }
        return language(code: first)
    }
}

extension String {
    /// A BCP 47 subtag after the language written in its canonical case: a script `Arab`, a region
    /// `GB` or `419`, a variant `fonipa`.
    fileprivate var isCanonicalSubtag: Bool {
        switch count {
        case 2: allSatisfy { $0.isASCII && $0.isUppercase }
        case 3: allSatisfy(\.isNumber)
        case 4: first?.isUppercase == true && dropFirst().allSatisfy { $0.isASCII && $0.isLowercase }
        default: allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }

    fileprivate var removingMacrolanguageNote: String {
        // Checked first: the replacement goes through Foundation, and few of 7,900 names need it.
        // Most hold no parenthesis at all, which one pass over the bytes tells: the generic
        // search for the note alone had been about 15% of a one-shot `voldir search`.
        guard utf8.contains(UInt8(ascii: "(")), utf8.firstRange(of: " (macrolanguage)".utf8) != nil else {
            return self
        }
        return replacingOccurrences(of: " (macrolanguage)", with: "")
    }

    fileprivate var removingParentheticals: String {
        guard let open = firstIndex(of: "(") else { return self }
        return String(self[..<open]).trimmingWhitespace()
    }

    fileprivate func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        let view = unicodeScalars
        guard let start = view.firstIndex(where: { !scalars.contains($0) && !$0.properties.isWhitespace }) else {
            return ""
        }
        guard let end = view.lastIndex(where: { !scalars.contains($0) && !$0.properties.isWhitespace }) else {
            return ""
        }
        return String(view[start...end])
    }
}
