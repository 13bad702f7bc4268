import CSVImporter
import Foundation
import Sector3Importer
import VolunteerDirectory
import WorkbookImporter

/// The data-protection interfaces a store keeps besides erasure.
typealias PrivacyStores = AuditLog & DBSCheckStore & RetentionStore & SettingsStore & SubjectAccessStore

/// One fresh directory for one test: the store through each of its interfaces, an import
/// service over it, and a temporary folder for the rosters a test writes (removed afterwards).
final class DirectoryUnderTest {
    let kind: StoreKind
    let folder: URL
    let store: any DirectoryStore
    let reader: any DirectoryReader
    let editor: any DirectoryEditor
    let accounts: any AccountStore
    let erasure: any ErasureStore
    /// The audit log, settings, retention, subject access and DBS checks, for a store that keeps
    /// them (the in-memory store keeps none).
    let privacy: (any PrivacyStores)?
    /// Opens another store on the same directory, as a second app server would: `nil` for a store
    /// nothing else can open (the in-memory one).
    let another: (@Sendable () throws -> any AccountStore & PrivacyStores)?
    let service: ImportService
    /// What to do when the test is done besides removing the folder (drop a server's database).
    private let cleanUp: () -> Void
    /// Opens the same directory again with a taxonomy (the shipped one when `nil`), as a later
    /// program would; `nil` for a store that lives only in this process.
    let reopen: ((SkillTaxonomy?) throws -> any DirectoryStore)?

    init(
        kind: StoreKind, folder: URL, store: any DirectoryStore, reader: any DirectoryReader,
        editor: any DirectoryEditor, accounts: any AccountStore, erasure: any ErasureStore,
        privacy: (any PrivacyStores)? = nil,
        another: (@Sendable () throws -> any AccountStore & PrivacyStores)? = nil,
        reopen: ((SkillTaxonomy?) throws -> any DirectoryStore)? = nil, cleanUp: @escaping () -> Void = {}
    ) {
        self.privacy = privacy
        self.another = another
        self.cleanUp = cleanUp
        self.reopen = reopen
        self.kind = kind
        self.folder = folder
        self.store = store
        self.reader = reader
        self.editor = editor
        self.accounts = accounts
        self.erasure = erasure
        service = ImportService(
            store: store,
            registry: ImporterRegistry([CSVImporter.self, Sector3Importer.self, WorkbookImporter.self]))
    }

    deinit {
        cleanUp()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The package's sample folder, `Imports/`.
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Imports")

    /// The sample rosters of volunteers (CSV, TSV and a workbook), by name.
    static let sampleRosters = [
        "brinnington-mosque-welfare.csv", "deaf-community-stockport.tsv", "srep-members.csv",
        "hope-valley-mutual-aid.xlsx",
    ]

    /// Imports one of the package's sample files.
    @discardableResult
    func importSample(_ name: String, request: ImportRequest = ImportRequest()) throws -> FileImportReport {
        try service.importFile(at: Self.samples.appendingPathComponent(name), request: request)
    }

    /// Imports every sample roster, then the sample needs and the Sector 3 feed (networks, needs,
    /// volunteers and a withdrawal).
    func importSamples() throws {
        for name in Self.sampleRosters + ["partnership-needs.csv", "sector3-feed.xml"] { try importSample(name) }
    }

    /// Writes a file into the folder, dated `daysAgo` days before now (a roster's date orders its copies).
    func file(_ name: String, _ text: String, daysAgo: Double = 0) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -daysAgo * 86_400)], ofItemAtPath: url.path)
        return url
    }

    /// Writes a file and imports it.
    @discardableResult
    func importText(
        _ name: String, _ text: String, daysAgo: Double = 0, request: ImportRequest = ImportRequest()
    ) throws -> FileImportReport {
        try service.importFile(at: try file(name, text, daysAgo: daysAgo), request: request)
    }

    /// Every volunteer, consent or not, by id.
    func everyone() throws -> [Volunteer] {
        try store.search(VolunteerQuery(includeWithoutConsent: true, limit: 10_000)).map(\.volunteer).sorted {
            $0.id < $1.id
        }
    }

    /// The one volunteer with this name.
    func person(named name: String) throws -> Volunteer? {
        let found = try everyone().filter { $0.name == name }
        return found.count == 1 ? found.first : nil
    }
}
