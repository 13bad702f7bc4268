/// How a command prints data.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people.
    case table
    /// JSON for programs.
    case json
    /// CSV for spreadsheets, with formula-like cells neutralised.
    case csv
}
