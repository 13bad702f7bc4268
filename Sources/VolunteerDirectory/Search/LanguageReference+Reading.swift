extension LanguageReference {
    /// What a person searching should be told about how their language was read, or `nil` when
    /// it was read as written: one the catalogue does not know (matched as written), or a
    /// correction (`'Portugese' read as Portuguese (por)`). The command line and the web app say
    /// the same words.
    public var readingNote: String? {
        if code == nil { return "'\(written)' is not a language the catalogue knows; matching it as written" }
        if isCorrection, let code { return "'\(written)' read as \(displayName()) (\(code))" }
        return nil
    }
}
