import Foundation
import VolunteerDirectory

/// Digests roster rows for ``KnownRows``: a row's cells, seeded with everything else that
/// governs what the row is read as, so that two rows with one digest read as the same record.
///
/// The seed takes in the sheet's kind and which column holds which field (the header and
/// `--map`), the `--network` a row without a network cell is listed in, the file's name when
/// it is the source (no network at all), and which voldir read it: the executable's size and
/// modification time, so that a new release, whose reading of skills, languages or dates may
/// differ, reads every row once more.
struct RowDigest: Sendable {
    private let seed: UInt64

    init(layout: HeaderLayout, defaultNetwork: String?, fileName: String) {
        var parts = ["voldir roster row 1", Self.reader, layout.kind.rawValue, defaultNetwork ?? ""]
        parts += layout.columns.sorted { $0.value < $1.value }.map { "\($0.key)=\($0.value)" }
        if !layout.has(.network), defaultNetwork == nil { parts.append("file:" + fileName) }
        let text = Array(parts.joined(separator: "\u{1F}").utf8)
        seed = text.withUnsafeBytes { XXH64.hash($0) }
    }

    /// The digest of a row's cells, packed.
    func digest(_ cells: PackedCells) -> UInt64 {
        cells.withBytes { XXH64.hash($0, seed: seed) }
    }

    /// Which voldir reads the rows: its executable's size and modification time.
    private static let reader: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)|\(modified)"
    }()
}
