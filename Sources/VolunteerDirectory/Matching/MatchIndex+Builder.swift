import Dispatch
import Synchronization

extension MatchIndex {
    /// Turns volunteers into the matcher's compact form a batch at a time, so that a directory
    /// of hundreds of thousands is never held as full records: each batch's records can go once
    /// it is added. At 300,000 volunteers the full records were most of `voldir match`'s memory.
    struct Builder: Sendable {
        private var vocabulary = Vocabulary()
        /// Dense ids for the skills' matching keys, in the order first met.
        private var skillIDs: [String: Int32] = [:]
        private var volunteers: [MatchVolunteer] = []
        private var heldSkills: [HeldSkill] = []
        private var spokenLanguages: [SpokenEntry] = []
        private var profiles: [MatchProfile] = []
        /// Full records kept, by volunteer id, when a batch is added keeping them.
        private var records: [VolunteerID: Volunteer] = [:]
        private var placementsByVolunteer: [VolunteerID: Int] = [:]
        private var placementsByNeed: [String: Int] = [:]

        /// A builder counting these confirmed placements against each volunteer's capacity and
        /// each need's places.
        init(confirmed: [(need: String, volunteer: VolunteerID)]) {
            for placement in confirmed {
                placementsByVolunteer[placement.volunteer, default: 0] += 1
                placementsByNeed[placement.need, default: 0] += 1
            }
        }

        /// Adds a batch of volunteers, keeping their full records too when `keepingRecords`.
        /// The people in `lapsed` hold a DBS check too old to count, which meets no requirement.
        /// Stores hand batches over in ascending id order; any other order is sorted out by
        /// ``finished()``.
        mutating func add(_ batch: [Volunteer], lapsed: Set<VolunteerID> = [], keepingRecords: Bool = false) {
            volunteers.reserveCapacity(volunteers.count + batch.count)
            for volunteer in batch {
                let firstSkill = Int32(heldSkills.count)
                for skill in volunteer.skills {
                    if skillIDs[skill.key] == nil { skillIDs[skill.key] = Int32(skillIDs.count) }
                    heldSkills.append(HeldSkill(key: skillIDs[skill.key] ?? 0, level: skill.level?.rawValue ?? 0))
                }
                let firstLanguage = Int32(spokenLanguages.count)
                for spoken in volunteer.languages {
                    spokenLanguages.append(
                        SpokenEntry(
                            language: vocabulary.intern(MatchIndex.languageTerm(spoken.language)),
                            proficiency: spoken.proficiency?.rawValue ?? 0, interprets: spoken.interprets))
                }
                volunteers.append(
                    MatchVolunteer(
                        id: volunteer.id, skillRange: firstSkill..<Int32(heldSkills.count),
                        languageRange: firstLanguage..<Int32(spokenLanguages.count),
                        slots: SlotMask(volunteer.availability),
                        dbs: lapsed.contains(volunteer.id) ? .none : volunteer.dbs?.level ?? .none,
                        district: Postcode.district(volunteer.postcode).map { vocabulary.intern(.district($0)) }
                            ?? -1,
                        area: volunteer.area.map { vocabulary.intern(.area($0.matchingKey)) } ?? -1,
                        placements: placementsByVolunteer[volunteer.id] ?? 0,
                        interpretsAny: volunteer.languages.contains { $0.interprets }))
                profiles.append(
                    MatchProfile(
                        name: volunteer.name, sharesWithPartners: volunteer.consent.share == .partners,
                        underUsedSkills: volunteer.underUsedSkills.count))
                if keepingRecords { records[volunteer.id] = volunteer }
            }
        }

        /// What was added, in id order, with the records kept by position, and the confirmed
        /// placements on each need.
        func finished() -> (
            volunteers: [MatchVolunteer], heldSkills: [HeldSkill], spokenLanguages: [SpokenEntry],
            profiles: [MatchProfile], records: [Int32: Volunteer], vocabulary: Vocabulary, skillIDs: [String: Int32],
            placementsByNeed: [String: Int]
        ) {
            var (volunteers, profiles) = (volunteers, profiles)
            if !volunteers.indices.dropFirst().allSatisfy({ volunteers[$0 - 1].id < volunteers[$0].id }) {
                let order = volunteers.indices.sorted { volunteers[$0].id < volunteers[$1].id }
                (volunteers, profiles) = (order.map { volunteers[$0] }, order.map { profiles[$0] })
            }
            var byPosition: [Int32: Volunteer] = [:]
            for (position, volunteer) in volunteers.enumerated() {
                if let record = records[volunteer.id] { byPosition[Int32(position)] = record }
            }
            return (
                volunteers, heldSkills, spokenLanguages, profiles, byPosition, vocabulary, skillIDs, placementsByNeed
            )
        }
    }
}

extension MatchIndex {
    /// A ``Builder`` that takes in each batch on a queue of its own while the store reads the
    /// next: reading a directory and compacting it overlap, on two cores. At most one batch waits
    /// to be taken in, so no more than two are held at once.
    final class PipelinedBuilder: Sendable {
        private let builder: Mutex<Builder>
        private let queue = DispatchQueue(label: "voldir.match.compacting")
        /// Taken while a batch is being taken in.
        private let taking = DispatchSemaphore(value: 1)

        init(_ builder: Builder) { self.builder = Mutex(builder) }

        /// Hands a batch over to be taken in, after the one before it is.
        func add(_ batch: [Volunteer], lapsed: Set<VolunteerID>) {
            taking.wait()
            queue.async { [self] in
                builder.withLock { $0.add(batch, lapsed: lapsed) }
                taking.signal()
            }
        }

        /// The builder, once every batch handed over is taken in.
        func completed() -> Builder {
            taking.wait()
            defer { taking.signal() }
            return builder.withLock { $0 }
        }
    }
}

/// What a match report says of a volunteer beyond what matching weighs: enough to choose whom
/// it names (under-used talent, in name order; only those sharing with partners for a partner)
/// before their full records are loaded.
struct MatchProfile: Sendable {
    /// Their name, for ordering.
    let name: String
    /// Whether they agreed to their details being shared with partners.
    let sharesWithPartners: Bool
    /// How many of their skills are held professionally or were qualified abroad.
    let underUsedSkills: Int
}

extension Volunteer {
    /// Skills held professionally or qualified abroad: talent a report says is going unused
    /// when no need takes it.
    var underUsedSkills: [Skill] { skills.filter { $0.level == .professional || $0.qualifiedIn != nil } }
}
