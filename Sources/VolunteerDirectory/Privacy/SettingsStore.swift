/// A store that keeps the directory's data-protection settings.
public protocol SettingsStore: Sendable {
    /// The settings in force (the defaults for any never set).
    func settings() throws -> DirectorySettings
    /// Sets one, recording an audit entry by `actor`.
    func update(_ name: DirectorySettings.Name, to value: Period, actor: String) throws
}
