/// The volunteer record is fingerprinted millions of times in a large import: its fields are
/// fed to the digest directly rather than through `Encodable`'s generic containers, in the same
/// discipline (a type tag before each value, lengths before text and lists). A test changes each
/// stored property in turn and checks the fingerprint changes, so a field added later and
/// forgotten here fails the build's tests.
extension Fingerprint {
    /// The fingerprint of a volunteer record, as 32 hex digits.
    public static func of(volunteer record: VolunteerRecord) -> String {
        bytes(ofVolunteer: record).finish()
    }

    /// What the record fingerprinted as before XXH64 replaced SHA-256 (see ``matches(_:current:legacy:)``).
    public static func legacy(volunteer record: VolunteerRecord) -> String {
        bytes(ofVolunteer: record).legacyFinish()
    }

    private static func bytes(ofVolunteer record: VolunteerRecord) -> FingerprintSink {
        let sink = FingerprintSink()
        sink.tag(0x56)  // V: a domain of its own, never equal to a Codable fingerprint
        sink.text(record.source)
        sink.text(record.externalID)
        sink.text(record.name)
        sink.text(record.email)
        sink.text(record.phone)
        sink.text(record.postcode)
        sink.text(record.area)
        sink.text(record.ageBand?.rawValue)
        sink.count(record.skills.count)
        for skill in record.skills {
            sink.text(skill.written)
            sink.text(skill.key)
            sink.number(skill.level?.rawValue)
            sink.text(skill.qualifiedIn)
        }
        sink.count(record.languages.count)
        for spoken in record.languages {
            sink.text(spoken.language.written)
            sink.text(spoken.language.code)
            sink.text(spoken.language.script)
            sink.number(spoken.proficiency?.rawValue)
            sink.flag(spoken.interprets)
        }
        sink.count(record.availability.count)
        for slot in record.availability {
            sink.text(slot.day.rawValue)
            sink.text(slot.part.rawValue)
        }
        sink.number(record.dbs?.level.rawValue)
        sink.text(record.dbs?.issued?.description)
        // Only when a source says it, so that records read before the column fingerprint as they did.
        if let updateService = record.dbs?.updateService { sink.number(updateService ? 1 : 0) }
        sink.flag(record.consent.contact)
        sink.number(record.consent.share?.rawValue)
        sink.text(record.consent.recorded?.description)
        sink.text(record.notes)
        sink.count(record.memberships.count)
        for membership in record.memberships {
            sink.text(membership.network.externalID)
            sink.text(membership.network.name)
            sink.text(membership.role)
            sink.text(membership.since?.description)
        }
        sink.text(record.updated?.description)
        return sink
    }
}

extension FingerprintSink {
    fileprivate func text(_ value: String?) {
        guard let value else { return tag(0) }
        tag(3)
        bytes(value)
    }

    fileprivate func number(_ value: Int?) {
        guard let value else { return tag(0) }
        tag(5)
        integer(Int64(value))
    }

    fileprivate func flag(_ value: Bool?) {
        guard let value else { return tag(0) }
        tag(value ? 2 : 1)
    }

    fileprivate func count(_ value: Int) {
        tag(0x5B)
        integer(Int64(value))
    }
}
