import Foundation
import XMLStreaming

/// Bytes already in memory, as an ``XMLByteSource``.
final class MemorySource: XMLByteSource {
    private let data: Data
    private var offset = 0

    init(_ data: Data) {
        self.data = data
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        let count = min(length, data.count - offset)
        guard count > 0 else { return 0 }
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: count)
        }
        offset += count
        return Int32(count)
    }
}
