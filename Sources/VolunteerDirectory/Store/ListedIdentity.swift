/// Who a listing named the last time its source listed it, by the keys people are recognised by:
/// what tells a listing id given again to someone else from the same person with a new detail.
public struct ListedIdentity: Sendable, Hashable {
    /// The volunteer the listing belongs to.
    public var volunteer: VolunteerID
    /// Their name as shown.
    public var name: String
    /// ``Swift/String/matchingKey`` of the name.
    public var nameKey: String
    /// ``ContactKeys/emailKey(_:)`` of the email, if one was given.
    public var emailKey: String?
    /// ``ContactKeys/phoneKey(_:)`` of the phone, if one was given.
    public var phoneKey: String?

    /// Pass normalised keys (`matchingKey`, ``ContactKeys``): ``isSomeoneElse(than:)`` compares them as given.
    public init(volunteer: VolunteerID, name: String, nameKey: String, emailKey: String?, phoneKey: String?) {
        self.volunteer = volunteer
        self.name = name
        self.nameKey = nameKey
        self.emailKey = emailKey
        self.phoneKey = phoneKey
    }

    /// Whether `keys` name someone else: the name, the email and the phone all differ. A value
    /// missing on either side is no disagreement, so a row that leaves one out is the same person.
    public func isSomeoneElse(than keys: VolunteerKeys) -> Bool {
        func differs(_ held: String?, _ new: String?) -> Bool {
            guard let held, let new else { return false }
            return held != new
        }
        return differs(nameKey, keys.name) && differs(emailKey, keys.email) && differs(phoneKey, keys.phone)
    }
}
