import Foundation
import XMLStreaming
import ZIPFoundation

/// A workbook's zip package: its parts read whole (small ones) or streamed (sheets), every part
/// held to ``ZipLimits`` and every XML part read through the hardened libxml2 reader.
final class WorkbookPackage {
    let url: URL
    let limits: ZipLimits
    private let archive: Archive

    /// Opens the package at `url`, telling an OLE file (a password-protected or legacy workbook)
    /// and a damaged or cut-short zip apart from a usable one.
    init(url: URL, limits: ZipLimits) throws(WorkbookError) {
        self.url = url
        self.limits = limits
        let head: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = [UInt8](try handle.read(upToCount: 8) ?? Data())
        } catch {
            throw .notAWorkbook
        }
        if OLEFile.isOLE(head) { throw OLEFile.classify(url) }
        guard head.starts(with: [0x50, 0x4B]) else { throw .notAWorkbook }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .damagedZip
        }
    }

    /// Whether the package has a part at `path`.
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The whole of the part at `path`, or `nil` when there is none.
    func data(_ path: String) throws(WorkbookError) -> Data? {
        guard let entry = archive[path] else { return nil }
        let limits = self.limits
        try Self.checkDeclared(entry, path: path, limits: limits, whole: true)
        var data = Data()
        do {
            let checksum = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
                data.append(chunk)
                if let reason = limits.breach(
                    produced: UInt64(data.count), compressed: entry.compressedSize, whole: true)
                {
                    throw PartTooLarge(reason: reason)
                }
            }
            guard checksum == entry.checksum else { throw WorkbookError.damagedPart(path) }
        } catch let error as PartTooLarge {
            throw .tooLarge(part: path, reason: error.reason)
        } catch {
            throw .damagedPart(path)
        }
        return data
    }

    /// Streams the part at `path` through a hardened XML reader, unpacking it chunk by chunk.
    /// `heldWhole` says the reader keeps what it reads (the shared strings), so the part is held
    /// to the lower cap of parts read whole.
    func xml(_ path: String, heldWhole: Bool = false) throws(WorkbookError) -> PartReader? {
        guard let entry = archive[path] else { return nil }
        try Self.checkDeclared(entry, path: path, limits: limits, whole: heldWhole)
        let stream = ZipEntryStream(
            archiveURL: url, path: path, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize,
            limits: limits, heldWhole: heldWhole)
        return try PartReader(part: path, source: stream)
    }

    /// Reads a small XML part whole and streams it through a hardened XML reader.
    func smallXML(_ path: String) throws(WorkbookError) -> PartReader? {
        guard let data = try data(path) else { return nil }
        return try PartReader(part: path, source: MemorySource(data))
    }

    /// Refuses a part whose directory entry already declares a size past the limits.
    private static func checkDeclared(_ entry: Entry, path: String, limits: ZipLimits, whole: Bool)
        throws(WorkbookError)
    {
        if let reason = limits.breach(produced: entry.uncompressedSize, compressed: entry.compressedSize, whole: whole)
        {
            throw .tooLarge(part: path, reason: reason)
        }
    }
}
