/// Which number formats show a number as a date: how a workbook marks a date cell, since the
/// cell itself holds only a serial number.
enum NumberFormat {
    /// Excel's built-in date and time formats: 14-22 (`m/d/yyyy`, `d-mmm-yy`, ... `m/d/yyyy h:mm`)
    /// and 45-47 (`mm:ss`, `[h]:mm:ss`, `mm:ss.0`), and the East Asian date formats 27-36, 50-58.
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)
    }

    /// Whether a custom format code shows a date: it has a day, month or year code outside quoted
    /// text, escapes and `[...]` sections (colours, locales, conditions). An `m` with only hours or
    /// seconds beside it is minutes, a time, not a date.
    static func isDate(_ code: String) -> Bool {
        // Only the first section (positive numbers) decides.
        var hasDay = false
        var hasMonth = false
        var hasYear = false
        var hasTime = false
        var quoted = false
        var bracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if quoted {
                if character == "\"" { quoted = false }
                continue
            }
            if bracket {
                if character == "]" { bracket = false }
                continue
            }
            switch character {
            case "\\", "_", "*": escaped = true
            case "\"": quoted = true
            case "[": bracket = true
            case ";": return hasDay || hasYear || (hasMonth && !hasTime)
            case "d": hasDay = true
            case "m": hasMonth = true
            case "y": hasYear = true
            case "h", "s": hasTime = true
            default: break
            }
        }
        return hasDay || hasYear || (hasMonth && !hasTime)
    }
}
