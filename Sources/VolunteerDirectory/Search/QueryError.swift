/// Why a search was refused before it ran: a number or a text beyond what a search accepts.
public enum QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The most results asked for is outside ``VolunteerQuery/limitRange``.
    case limitOutOfRange(Int)
    /// The free text is longer than ``VolunteerQuery/maximumTextLength`` characters.
    case textTooLong(characters: Int)
    /// The free text has more than ``VolunteerQuery/maximumTextWords`` words.
    case tooManyWords(Int)

    public var description: String {
        switch self {
        case .limitOutOfRange(let limit):
            "'\(limit)' is out of range; a search lists from \(VolunteerQuery.limitRange.lowerBound) to "
                + "\(VolunteerQuery.limitRange.upperBound) volunteers"
        case .textTooLong(let characters):
            "the text is \(characters) characters long; a search takes at most \(VolunteerQuery.maximumTextLength)"
        case .tooManyWords(let words):
            "the text has \(words) words; a search takes at most \(VolunteerQuery.maximumTextWords) "
                + "(each word is one more lookup in the full-text index): keep the few that tell people apart"
        }
    }
}
