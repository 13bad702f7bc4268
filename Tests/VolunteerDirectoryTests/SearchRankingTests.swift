import Testing
import VolunteerDirectory

/// The ranking policy every store shares: what counts for more, and how ties are broken.
@Suite("Search ranking")
struct SearchRankingTests {
    @Test("a skill held more exactly always outranks any level of a looser one")
    func skills() {
        let kinds: [SkillMatchKind] = [.exact, .synonym, .narrower, .related]
        for (better, worse) in zip(kinds, kinds.dropFirst()) {
            #expect(SearchRanking.skill(better, level: nil) > SearchRanking.skill(worse, level: 3))
        }
        #expect(SearchRanking.skill(.exact, level: nil, writtenAsAsked: true) > SearchRanking.skill(.exact, level: 3))
        #expect(SearchRanking.skill(.synonym, level: 3) > SearchRanking.skill(.synonym, level: 1))
        #expect(SearchRanking.interpreter(.synonym) == SearchRanking.skill(.synonym, level: nil))
    }

    @Test("a language's relation counts first, then proficiency, then interpreting")
    func languages() {
        #expect(
            SearchRanking.language(.exact, proficiency: 1, interprets: false)
                > SearchRanking.language(.narrower, proficiency: 4, interprets: true))
        #expect(
            SearchRanking.language(.narrower, proficiency: 1, interprets: false)
                > SearchRanking.language(.related, proficiency: 4, interprets: true))
        #expect(
            SearchRanking.language(.exact, proficiency: 3, interprets: false)
                > SearchRanking.language(.exact, proficiency: 2, interprets: true))
        #expect(
            SearchRanking.language(.exact, proficiency: 2, interprets: true)
                > SearchRanking.language(.exact, proficiency: 2, interprets: false))
        #expect(
            SearchRanking.language(.exact, proficiency: nil, interprets: false)
                == SearchRanking.language(.exact, proficiency: 1, interprets: false))
    }

    @Test("a better full-text match (lower BM25) scores higher")
    func text() {
        #expect(SearchRanking.text(bm25: -7.5) > SearchRanking.text(bm25: -2))
    }

    @Test("the best are kept by score, then name, then id, however they arrive and however large the limit")
    func best() {
        let entries: [SearchRanking.Best.Entry] = [
            (id: 5, score: 10, rank: 3), (id: 2, score: 30, rank: 9), (id: 9, score: 10, rank: 1),
            (id: 4, score: 10, rank: 1), (id: 7, score: 0, rank: 0), (id: 1, score: 20, rank: 5),
        ]
        let expected: [Int64] = [2, 1, 4, 9, 5, 7]
        for limit in [1, 3, 6, 10_000] {
            for shift in 0..<entries.count {
                var best = SearchRanking.Best(limit: limit, candidates: entries.count)
                for entry in entries[shift...] + entries[..<shift] {
                    best.offer(id: entry.id, score: entry.score, rank: entry.rank)
                }
                #expect(best.ranked.map(\.id) == Array(expected.prefix(limit)))
            }
        }
        var none = SearchRanking.Best(limit: 0, candidates: 3)
        none.offer(id: 1, score: 1, rank: 1)
        #expect(none.ranked.isEmpty)
    }
}
