import VolunteerDirectory

/// The root element's attributes, read by one set of rules for importing and for validating, so
/// that `voldir validate` refuses exactly the feeds `voldir import` refuses.
struct FeedHeader {
    /// The `version` attribute: `1.` and anything after it.
    let version: String
    /// The `sequence` attribute, when there is one.
    let sequence: Int?
    /// The `source` attribute, when there is one and it is not blank.
    let source: String?
    /// Attributes version 1 does not define (or of another namespace), by local name.
    let unknownAttributes: [String]

    /// Reads the root's attributes; throws when the feed is not version 1.x or its sequence is not a whole number.
    init(attributes: [(namespace: String?, name: String, value: String)]) throws(FieldError) {
        var values: [String: String] = [:]
        var unknown: [String] = []
        let known = Feed.knownAttributes["feed"] ?? []
        for attribute in attributes {
            if attribute.namespace == nil, known.contains(attribute.name) {
                values[attribute.name] = attribute.value
            } else {
                unknown.append(attribute.name)
            }
        }
        guard let version = values["version"]?.nonEmpty, version.hasPrefix("1.") else {
            throw FieldError(
                "feed version '\(values["version"] ?? "")' is not supported; this importer reads version 1.x")
        }
        self.version = version
        if let text = values["sequence"]?.nonEmpty {
            guard let sequence = Int(text), sequence >= 0 else {
                throw FieldError("feed sequence '\(text)' is not a whole number")
            }
            self.sequence = sequence
        } else {
            sequence = nil
        }
        source = values["source"]?.nonEmpty
        unknownAttributes = unknown
    }
}
