import Foundation
import XMLStreaming
import ZIPFoundation

/// One zip entry unpacked chunk by chunk as the XML reader asks for bytes: ZIPFoundation pushes
/// chunks from `extract(_:bufferSize:consumer:)` on a thread of its own, and at most
/// ``capacity`` chunks wait here, so however large the sheet, only a few chunks of it are ever
/// in memory. The limits are checked on every chunk, so a zip bomb stops at the limit.
///
/// A lock and condition rather than structured concurrency, deliberately: libxml2 pulls bytes
/// through a synchronous C callback and ZIPFoundation pushes them from a synchronous loop, so one
/// side must block until the other has moved, and no async API can sit between the two.
final class ZipEntryStream: XMLByteSource, @unchecked Sendable {
    /// Chunks that may wait unread.
    private static let capacity = 4
    private static let chunkSize = 1 << 16

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private var unpacked: UInt64 = 0
    private let size: UInt64

    // Used by the reading thread only.
    private var current = Data()
    private var offset = 0

    /// Starts unpacking `path` from the archive at `archiveURL` (opened again on the unpacking
    /// thread: an `Archive` is not shared between threads).
    init(
        archiveURL: URL, path: String, compressedSize: UInt64, uncompressedSize: UInt64, limits: ZipLimits,
        heldWhole: Bool
    ) {
        size = uncompressedSize
        let thread = Thread { [self] in
            self.unpack(
                archiveURL: archiveURL, path: path, compressedSize: compressedSize, limits: limits, heldWhole: heldWhole
            )
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func unpack(archiveURL: URL, path: String, compressedSize: UInt64, limits: ZipLimits, heldWhole: Bool) {
        var outcome: (any Error)?
        do {
            let archive = try Archive(url: archiveURL, accessMode: .read)
            guard let entry = archive[path] else { throw WorkbookError.missingPart(path) }
            var produced: UInt64 = 0
            let checksum = try archive.extract(entry, bufferSize: Self.chunkSize) { chunk in
                produced += UInt64(chunk.count)
                if let reason = limits.breach(produced: produced, compressed: compressedSize, whole: heldWhole) {
                    throw PartTooLarge(reason: reason)
                }
                try self.push(chunk)
            }
            // ZIPFoundation computes the checksum but leaves comparing it to the caller.
            guard checksum == entry.checksum else { throw WorkbookError.damagedPart(path) }
        } catch {
            outcome = error
        }
        condition.lock()
        failure = outcome
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func push(_ chunk: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Self.capacity, !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        unpacked += UInt64(chunk.count)
        chunks.append(chunk)
        condition.broadcast()
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        while offset >= current.count {
            condition.lock()
            while chunks.isEmpty, !finished { condition.wait() }
            if chunks.isEmpty {
                let failed = failure != nil
                condition.unlock()
                return failed ? -1 : 0
            }
            current = chunks.removeFirst()
            offset = 0
            condition.broadcast()
            condition.unlock()
        }
        let count = min(length, current.count - offset)
        current.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: count)
        }
        offset += count
        return Int32(count)
    }

    /// How much of the part has been unpacked, from 0 to 1, for progress.
    var fractionUnpacked: Double {
        condition.lock()
        defer { condition.unlock() }
        return size == 0 ? 1 : min(Double(unpacked) / Double(size), 1)
    }

    /// Why unpacking stopped early, once the reader has seen the end: a limit passed
    /// (``PartTooLarge``) or damaged data.
    var unpackingFailure: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// Stops unpacking and waits for the unpacking thread to finish, so that no thread outlives
    /// the read.
    func close() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
