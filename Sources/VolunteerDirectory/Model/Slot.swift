/// A day of the week, or any day.
public enum Day: String, Sendable, Codable, CaseIterable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun, any

    /// The seven real days, Monday first.
    public static let week: [Day] = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]

    /// Reads `tue`, `Tuesday`, `Tues`, `tuesdays` and `any`.
    public init?(name: String) {
        let key = name.matchingKey
        if key == "any" || key == "any day" || key == "anytime" {
            self = .any
            return
        }
        guard key.count >= 2 else { return nil }
        let plain = key.hasSuffix("s") && key.count > 3 ? String(key.dropLast()) : key
        for day in Day.week where plain.count >= 2 && day.fullName.lowercased().hasPrefix(plain) {
            self = day
            return
        }
        return nil
    }

    /// The English name, `Tuesday`; `Any day` for ``any``.
    public var fullName: String {
        switch self {
        case .mon: "Monday"
        case .tue: "Tuesday"
        case .wed: "Wednesday"
        case .thu: "Thursday"
        case .fri: "Friday"
        case .sat: "Saturday"
        case .sun: "Sunday"
        case .any: "Any day"
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// A part of the day, or any part.
public enum PartOfDay: String, Sendable, Codable, CaseIterable, Comparable {
    case morning, afternoon, evening, any

    /// Reads `morning`, `mornings`, `am`, `pm`, `afternoon`, `evening`, `night` and `any`.
    public init?(name: String) {
        switch name.matchingKey {
        case "morning", "mornings", "am", "morn": self = .morning
        case "afternoon", "afternoons", "pm", "lunchtime": self = .afternoon
        case "evening", "evenings", "eve", "night", "nights": self = .evening
        case "any", "all day", "anytime", "any time", "day", "daytime", "days": self = .any
        default: return nil
        }
    }

    public static func < (lhs: PartOfDay, rhs: PartOfDay) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// When someone can help, or when help is wanted: a day and a part of it, either of which may be any.
public struct Slot: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The day, or ``Day/any``.
    public var day: Day
    /// The part of the day, or ``PartOfDay/any``.
    public var part: PartOfDay

    /// Either part may be `any`, which overlaps every day or part; ``parse(_:)`` reads slots as people write them.
    public init(day: Day, part: PartOfDay) {
        self.day = day
        self.part = part
    }

    /// Whether someone free in this slot can help in `other` (either side's `any` matches all).
    public func overlaps(_ other: Slot) -> Bool {
        (day == .any || other.day == .any || day == other.day)
            && (part == .any || other.part == .any || part == other.part)
    }

    /// `tue-evening`, the form `voldir search --available` takes.
    public var description: String { "\(day.rawValue)-\(part.rawValue)" }

    /// Words for a report: "Tuesday evenings", "any day, mornings".
    public var spokenDescription: String {
        switch (day, part) {
        case (.any, .any): "any time"
        case (.any, _): "\(part.rawValue)s, any day"
        case (_, .any): "\(day.fullName)s"
        default: "\(day.fullName) \(part.rawValue)s"
        }
    }

    public static func < (lhs: Slot, rhs: Slot) -> Bool { (lhs.day, lhs.part) < (rhs.day, rhs.part) }

    /// Reads one availability item as people write it and returns the slots it stands for:
    /// `Tue evening`, `tue-evening`, `Saturdays`, `weekends`, `weekday mornings`, `evenings`, `any`.
    /// Returns `nil` when the item is not understood.
    public static func parse(_ text: String) -> [Slot]? {
        let words = text.matchingKey.split(separator: " ").map(String.init).filter {
            !["and", "on", "the", "only", "s"].contains($0)
        }
        guard !words.isEmpty else { return nil }
        var days: [Day] = []
        var parts: [PartOfDay] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if index + 1 < words.count, let part = PartOfDay(name: words[index] + " " + words[index + 1]) {
                parts.append(part)
                index += 2
                continue
            }
            switch word {
            case "weekend", "weekends": days += [.sat, .sun]
            case "weekday", "weekdays": days += [.mon, .tue, .wed, .thu, .fri]
            case "flexible", "anytime", "any", "all": days.append(.any)
            default:
                if let day = Day(name: word) {
                    days.append(day)
                } else if let part = PartOfDay(name: word) {
                    parts.append(part)
                } else {
                    return nil
                }
            }
            index += 1
        }
        if days.isEmpty { days = [.any] }
        if parts.isEmpty { parts = [.any] }
        var slots: [Slot] = []
        for day in days {
            for part in parts where !slots.contains(Slot(day: day, part: part)) {
                slots.append(Slot(day: day, part: part))
            }
        }
        return slots
    }
}
