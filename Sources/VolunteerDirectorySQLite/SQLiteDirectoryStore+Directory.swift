import VolunteerDirectory

extension SQLiteDirectoryStore: Directory {
    public func unwritableLocation(in error: any Error) -> String? {
        if case StoreError.cannotWrite(let path) = error { return path }
        return nil
    }

    public var asynchronous: any DirectoryReader & DirectoryEditor { AsyncSQLiteDirectory(self) }

    /// Opens the directory at `path` for `access`: the store factory's SQLite case.
    public convenience init(path: String, taxonomy: SkillTaxonomy?, for access: DirectoryAccess) throws {
        try self.init(path: path, taxonomy: taxonomy, access: access == .reading ? .reading : .writing)
    }
}
