import Foundation

/// Tells apart the two kinds of OLE compound file a user may give in place of a workbook: a
/// workbook saved with a password (Office encrypts the whole package into an OLE file with the
/// streams `EncryptionInfo` and `EncryptedPackage`) and a legacy Excel 97-2003 workbook (a
/// `Workbook` or `Book` stream).
enum OLEFile {
    /// The eight bytes every OLE compound file starts with.
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether `head` starts like an OLE compound file.
    static func isOLE(_ head: some Collection<UInt8>) -> Bool { head.starts(with: signature) }

    /// What the OLE file at `url` holds: the directory's stream names decide, then the extension.
    static func classify(_ url: URL) -> WorkbookError {
        let names = streamNames(url)
        if names.contains("EncryptedPackage") || names.contains("EncryptionInfo") { return .passwordProtected }
        if names.contains("Workbook") || names.contains("Book") { return .legacyExcel }
        return url.pathExtension.lowercased() == "xls" ? .legacyExcel : .passwordProtected
    }

    /// The names in the OLE directory, read by following the directory's sector chain through
    /// the first FAT sectors the header lists (ample for the small directories these files have).
    static func streamNames(_ url: URL) -> Set<String> {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 512), header.count == 512, isOLE(header) else { return [] }
        let bytes = [UInt8](header)
        func u32(_ data: [UInt8], _ at: Int) -> UInt32 {
            UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3]) << 24
        }
        let shift = Int(bytes[0x1E]) | Int(bytes[0x1F]) << 8
        guard shift == 9 || shift == 12 else { return [] }
        let sectorSize = 1 << shift
        func sector(_ index: UInt32) -> [UInt8]? {
            guard (try? handle.seek(toOffset: UInt64(index + 1) * UInt64(sectorSize))) != nil,
                let data = try? handle.read(upToCount: sectorSize), data.count == sectorSize
            else { return nil }
            return [UInt8](data)
        }
        // The FAT: the sectors listed in the header's first 109 DIFAT entries.
        var fat: [UInt32] = []
        for entry in 0..<109 {
            let index = u32(bytes, 0x4C + entry * 4)
            guard index < 0xFFFF_FFFA, let data = sector(index) else { break }
            fat += stride(from: 0, to: sectorSize, by: 4).map { u32(data, $0) }
        }
        var names: Set<String> = []
        var next = u32(bytes, 0x30)
        var visited = 0
        while next < 0xFFFF_FFFA, visited < 1_000, let data = sector(next) {
            visited += 1
            for entry in stride(from: 0, to: sectorSize, by: 128) {
                let length = Int(data[entry + 0x40]) | Int(data[entry + 0x41]) << 8
                guard length >= 2, length <= 64 else { continue }
                let units = stride(from: entry, to: entry + length - 2, by: 2).map {
                    UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8
                }
                names.insert(String(decoding: units, as: UTF16.self))
            }
            next = Int(next) < fat.count ? fat[Int(next)] : 0xFFFF_FFFE
        }
        return names
    }
}
