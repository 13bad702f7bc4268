/// The normalised forms of a volunteer record that the directory matches and indexes by: worked
/// out once per record, on the reading thread of an import, so the writing thread only writes.
public struct VolunteerKeys: Sendable, Hashable {
    /// The name's matching key.
    public var name: String
    /// The email's matching key, when the email is plausible.
    public var email: String?
    /// The phone number in E.164, when plausible.
    public var phone: String?
    /// The postcode in standard form.
    public var postcode: String?
    /// The postcode district (`SK4`).
    public var district: String?
    /// The area's matching key.
    public var area: String?
    /// Each language's written matching key, in the record's order.
    public var languages: [String]

    /// Works the keys out from a record.
    public init(_ record: VolunteerRecord) {
        name = record.name.matchingKey
        email = ContactKeys.emailKey(record.email)
        phone = ContactKeys.phoneKey(record.phone)
        postcode = record.postcode.map(Postcode.normalised)
        district = Postcode.district(postcode)
        area = record.area?.matchingKey
        languages = record.languages.map { $0.language.written.matchingKey }
    }
}
