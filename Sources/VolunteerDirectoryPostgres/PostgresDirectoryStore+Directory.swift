import VolunteerDirectory

extension PostgresDirectoryStore: Directory {
    /// The directory, when `error` says this account or server may only read it.
    public func unwritableLocation(in error: any Error) -> String? {
        if case PostgresStoreError.readOnly(let location) = error { return location.description }
        return nil
    }

    /// The same directory for a server: each question runs off the event loops.
    public var asynchronous: any DirectoryReader & DirectoryEditor { AsyncPostgresDirectory(self) }
}
