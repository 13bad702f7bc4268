import VolunteerDirectory

/// A roster sheet's rows as ``RosterSheetReader`` reads them: the reader of a row's record, the
/// digest that recognises a row read before, and what such a row is handed to the directory as.
final class VolunteerRows {
    /// Reads a row into a record.
    let reader: VolunteerRowReader
    /// Digests a row's cells (see ``KnownRows``).
    let digest: RowDigest
    /// How a row passed over is read after all, shared by every such row.
    private let rereading: RowRereading
    /// The column of the network cell, if the sheet has one.
    private let networkColumn: Int?
    /// The network and source of the network cells met so far, by the cell's bytes: a roster
    /// names a few networks over and over, and a row passed over needs only these of all its
    /// cells. At most ``networksRemembered``; past that, a cell is read each time.
    private var networks: [(cell: [UInt8], network: String?, source: String)] = []
    private static let networksRemembered = 64

    init(layout: HeaderLayout, defaultNetwork: String?, fileName: String, catalogue: LanguageCatalogue) {
        reader = VolunteerRowReader(
            layout: layout, defaultNetwork: defaultNetwork, fileName: fileName, catalogue: catalogue)
        digest = RowDigest(layout: layout, defaultNetwork: defaultNetwork, fileName: fileName)
        rereading = RowRereading(
            layout: layout, defaultNetwork: defaultNetwork, fileName: fileName, catalogue: catalogue)
        networkColumn = layout.columns[.network]
    }

    /// A row read before, with its digest, handed over with its cells still packed.
    func knownRow(_ packed: PackedCells, digest: UInt64) -> KnownRow {
        let (network, source) = listing(of: packed)
        return KnownRow(digest: digest, source: source, network: network) { [rereading] warn throws(FieldError) in
            try rereading.record(from: packed, warn: warn)
        }
    }

    /// The network a packed row lists its person in, and the source it lists them for.
    private func listing(of packed: PackedCells) -> (network: String?, source: String) {
        guard let column = networkColumn else {
            // Every row is listed in `--network`, or for the file.
            let network = reader.defaultNetwork
            return (network, reader.source(listing: network))
        }
        let found = packed.withCell(at: column) { cell in networks.firstIndex { $0.cell.elementsEqual(cell) } }
        if let found = found ?? nil { return (networks[found].network, networks[found].source) }
        let network = reader.networkName(in: packed)
        let source = reader.source(listing: network)
        if networks.count < Self.networksRemembered, let cell = packed.withCell(at: column, Array.init) {
            networks.append((cell, network, source))
        }
        return (network, source)
    }
}

/// How a row read before is read after all, on the directory's side: with a reader of its own,
/// since a reader's memos are not shared between threads. One for the sheet, so that a row passed
/// over holds only its packed cells and a reference to this (see ``KnownRow``).
private final class RowRereading: Sendable {
    let layout: HeaderLayout
    let defaultNetwork: String?
    let fileName: String
    let catalogue: LanguageCatalogue

    init(layout: HeaderLayout, defaultNetwork: String?, fileName: String, catalogue: LanguageCatalogue) {
        (self.layout, self.defaultNetwork, self.fileName, self.catalogue) = (
            layout, defaultNetwork, fileName, catalogue
        )
    }

    func record(from packed: PackedCells, warn: (String) -> Void) throws(FieldError) -> ImportRecord {
        let reader = VolunteerRowReader(
            layout: layout, defaultNetwork: defaultNetwork, fileName: fileName, catalogue: catalogue)
        return .volunteer(try reader.record(from: packed.cells, warn: warn))
    }
}
