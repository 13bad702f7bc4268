/// Search answers and `voldir show` are written by ``JSONWriter`` rather than `JSONEncoder`: a
/// server writes the search array for every `/api/search`. The fields are listed here in sorted
/// key order with the names the synthesised `Codable` conformance uses, and left out when `nil`
/// as it leaves them out; `JSONWriterTests` holds the two to the same bytes.
extension Presentation.VolunteerJSON: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.fieldIfPresent("ageBand", ageBand)
            try json.fieldIfPresent("area", area)
            try json.field("availability", availability)
            try json.fieldIfPresent("consentToContact", consentToContact)
            try json.fieldIfPresent("dbs", dbs)
            try json.fieldIfPresent("dbsIssued", dbsIssued)
            try json.fieldIfPresent("email", email)
            try json.field("id", id)
            try json.field("languages", languages)
            try json.field("listed", listed)
            try json.fieldIfPresent("match", match)
            try json.fieldIfPresent("matched", matched)
            try json.field("name", name)
            try json.field("networks", networks)
            try json.fieldIfPresent("notes", notes)
            try json.fieldIfPresent("phone", phone)
            try json.fieldIfPresent("postcode", postcode)
            try json.fieldIfPresent("score", score)
            try json.fieldIfPresent("shareWith", shareWith)
            try json.field("skills", skills)
        }
    }
}

extension Presentation.VolunteerJSON.SkillJSON: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.fieldIfPresent("level", level)
            try json.field("name", name)
            try json.fieldIfPresent("qualifiedIn", qualifiedIn)
        }
    }
}

extension Presentation.VolunteerJSON.LanguageJSON: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.fieldIfPresent("code", code)
            try json.field("interprets", interprets)
            try json.field("name", name)
            try json.fieldIfPresent("proficiency", proficiency)
            try json.fieldIfPresent("script", script)
            try json.field("written", written)
        }
    }
}

extension MatchedTerm: JSONWritable {
    func write(to json: inout JSONWriter) throws {
        try json.object { json in
            try json.field("asked", asked)
            try json.field("kind", kind)
            try json.field("match", match)
            try json.field("written", written)
        }
    }
}

extension MatchedTerm.Kind: JSONWritable {}

extension SkillMatchKind: JSONWritable {}
