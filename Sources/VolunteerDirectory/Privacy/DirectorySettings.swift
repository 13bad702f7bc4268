/// The directory's data-protection settings, with their defaults.
public struct DirectorySettings: Sendable, Hashable, Codable {
    /// A setting's name, as `voldir settings NAME VALUE` takes it.
    public enum Name: String, Sendable, CaseIterable, Codable {
        /// How long someone no roster or feed lists is kept (`voldir review`).
        case retention
        /// How long a DBS check counts (unless the Update Service keeps it valid).
        case dbsValidFor = "dbs-valid-for"
    }

    /// How long someone no roster or feed lists is kept: 24 months unless set.
    public var retention: Period
    /// How long a DBS check counts: 36 months unless set, as most councils' policies.
    public var dbsValidFor: Period

    /// The defaults.
    public static let defaults = DirectorySettings(
        retention: Period(constant: 24, unit: .months), dbsValidFor: Period(constant: 36, unit: .months))

    /// Both periods must be given; ``defaults`` has 24 months' retention and 36 months for a DBS check.
    public init(retention: Period, dbsValidFor: Period) {
        self.retention = retention
        self.dbsValidFor = dbsValidFor
    }

    /// The value of one setting.
    public subscript(name: Name) -> Period {
        get { name == .retention ? retention : dbsValidFor }
        set {
            if name == .retention { retention = newValue } else { dbsValidFor = newValue }
        }
    }
}
