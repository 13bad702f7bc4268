extension Int {
    /// The number with its thousands grouped by commas (`9,990`), as messages about limits and
    /// counts print it, whatever the locale: the rest of every message is English.
    public var grouped: String {
        let digits = String(magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return self < 0 ? "-" + result : result
    }
}
