import Foundation
import VolunteerDirectory

/// Records what each account read or changed in the directory's audit log, without making the
/// person wait: entries are queued and written in order by one background writer, so a search
/// answered while an import holds the write lock is not held up by its audit entry.
actor AuditTrail {
    private let log: any AuditLog
    private var queue: [AuditEvent] = []
    private var writing = false

    init(log: any AuditLog) { self.log = log }

    /// Queues an entry for `account`'s action (`web search`, `web volunteer`, ...).
    func record(
        _ account: Account, _ action: String, target: String, people: [VolunteerID] = [], detail: String? = nil
    ) {
        queue.append(
            AuditEvent(
                actor: "web:\(account.name)", action: "web \(action)", target: target, people: people, detail: detail))
        guard !writing else { return }
        writing = true
        Task { await drain() }
    }

    /// Waits until every queued entry is written: for tests and for shutting down.
    func flush() async {
        while writing || !queue.isEmpty {
            if !writing { await drain() } else { try? await Task.sleep(for: .milliseconds(5)) }
        }
    }

    /// Writes entries, trying again while the directory is busy (an import holds the write
    /// lock for as long as it runs, which may be longer than one write waits): an entry is given
    /// up only after about half an hour of trying, and then said on standard error, without the
    /// people it names.
    private func write(_ events: [AuditEvent], to log: any AuditLog) async {
        var delay = Duration.milliseconds(200)
        let giveUp = ContinuousClock.now + .seconds(1_800)
        while true {
            do {
                try await BackgroundWork.run { try log.record(events) }
                return
            } catch {
                guard ContinuousClock.now < giveUp else {
                    FileHandle.standardError.write(
                        Data(
                            "warning: \(events.count) web audit entries were not recorded in the audit log: \(error)\n"
                                .utf8))
                    return
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(10))
            }
        }
    }

    /// How long the writer lets entries gather before it writes them. Writing as soon as one was
    /// queued wrote nearly every entry in a transaction of its own under load (1,162 transactions
    /// for 1,250 searches on PostgreSQL, five round trips and a flush of the log each); gathered
    /// for this long, a busy server writes a handful at a time. The writer waits this long each
    /// time it starts, so an entry waits for it on top of any write already under way (retried
    /// while an import holds the directory); ``flush()`` writes whatever is queued.
    static let gathering = Duration.milliseconds(25)

    private func drain() async {
        writing = true
        try? await Task.sleep(for: Self.gathering)
        while !queue.isEmpty {
            let batch = queue
            queue.removeAll()
            let log = self.log
            // The reads answered since the last write, in one transaction (at most 1,000 at a time).
            for start in stride(from: 0, to: batch.count, by: 1_000) {
                await write(Array(batch[start..<min(start + 1_000, batch.count)]), to: log)
            }
        }
        writing = false
    }
}
