/// How to reach a person or an office. Every part is optional.
public struct ContactDetails: Sendable, Hashable, Codable {
    /// A name to ask for.
    public var name: String?
    /// An email address.
    public var email: String?
    /// A telephone number as written.
    public var phone: String?

    /// Every part defaults to `nil`; nothing is checked or normalised, so `phone` stays as written.
    public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }

    /// Whether no part is given.
    public var isEmpty: Bool { name == nil && email == nil && phone == nil }
}
