import Testing
import VolunteerDirectory

@testable import VolunteerDirectorySQLite

@Suite("Held keys")
struct HeldKeysTests {
    @Test("every key noted is found with its holders, in order, as the table grows; others find no one")
    func notesAndFinds() {
        var held = HeldKeys(expected: 0)
        var refused = 0
        for id in 1...5_000 where !held.note("person\(id)@example.org", heldBy: VolunteerID(id)) { refused += 1 }
        // Two more holders of one key, noted out of order, and a repeat that changes nothing.
        for id: VolunteerID in [9_000, 8_000, 8_000] where !held.note("person7@example.org", heldBy: id) {
            refused += 1
        }
        #expect(refused == 0)
        for id in 1...5_000 where id != 7 {
            #expect(held.candidates(for: "person\(id)@example.org").contains(VolunteerID(id)))
        }
        let sevens = held.candidates(for: "person7@example.org")
        #expect(sevens.filter { [7, 8_000, 9_000].contains($0) } == [7, 8_000, 9_000])
        // A hash shared by 32 bits is possible, so only most unknown keys find no candidates.
        let strangers = (1...1_000).filter { held.candidates(for: "stranger\($0)@example.org").isEmpty }
        #expect(strangers.count > 990)
    }

    @Test("an id too large for a slot is refused, so that the writer keeps its index")
    func refusesLargeIDs() {
        var held = HeldKeys(expected: 10)
        let tooLarge = held.note("a@example.org", heldBy: HeldKeys.largestID + 1)
        let zero = held.note("a@example.org", heldBy: 0)
        let largest = held.note("a@example.org", heldBy: HeldKeys.largestID)
        #expect(!tooLarge && !zero && largest)
        #expect(held.candidates(for: "a@example.org") == [HeldKeys.largestID])
    }
}
