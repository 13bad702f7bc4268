import Foundation

/// Where a stream reader pulls its bytes from, through libxml2's I/O callbacks: the reader never
/// opens files, URLs or compressed data of its own.
public protocol XMLByteSource: AnyObject {
    /// Fills `buffer` with up to `length` bytes; returns the count, 0 at the end, -1 on error.
    func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32
}

/// A file as an ``XMLByteSource``, with progress reported as bytes are read.
public final class XMLFileInput: XMLByteSource {
    private let handle: FileHandle
    private let progress: (Int64) -> Void
    /// Bytes read from the file so far.
    public private(set) var bytesRead: Int64 = 0
    private var lastReported: Int64 = 0
    /// Where the record being expanded started, while one is: reading stops once it runs past
    /// ``maximumRecordBytes``, so one giant element cannot be built in memory.
    var recordStart: Int64?
    /// Whether reading stopped because a record ran past ``maximumRecordBytes``.
    private(set) var stoppedOverLimit = false

    /// The most bytes one record element (a volunteer, a network with its member list) may take.
    /// libxml2 bounds each text node at 10 MB; this bounds an element of many of them.
    static let maximumRecordBytes: Int64 = 16 << 20

    /// Opens `url`; `progress` is called with the bytes read every mebibyte and at the end.
    public init(url: URL, progress: @escaping (Int64) -> Void) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.progress = progress
    }

    deinit {
        try? handle.close()
    }

    public func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        guard length > 0 else { return 0 }
        let count = Foundation.read(handle.fileDescriptor, buffer, length)
        guard count >= 0 else { return -1 }
        bytesRead += Int64(count)
        if let recordStart, bytesRead - recordStart > Self.maximumRecordBytes {
            stoppedOverLimit = true
            return -1
        }
        if bytesRead - lastReported >= 1 << 20 || count == 0 {
            lastReported = bytesRead
            progress(bytesRead)
        }
        return Int32(count)
    }
}
