/// How much a workbook's parts may unpack to: a zip bomb (a small entry that inflates to
/// gigabytes) is refused as soon as it passes either limit, before it fills memory or disk.
struct ZipLimits: Sendable {
    /// The most bytes one part may unpack to.
    var maximumPartSize: UInt64 = 1 << 30
    /// The most a part may grow by when unpacked (uncompressed bytes per compressed byte).
    /// Spreadsheet XML compresses 10-30 times; deflate's own ceiling is about 1,030.
    var maximumRatio: UInt64 = 200
    /// Parts smaller than this are never refused for their ratio: a tiny part of repeated
    /// spaces compresses very well and harms nothing.
    var ratioFloor: UInt64 = 1 << 20
    /// The most bytes a part read whole (the shared strings, the styles) may unpack to.
    var maximumWholePartSize: UInt64 = 256 << 20

    /// Why `produced` bytes unpacked from `compressed` bytes break the limits, or `nil`.
    func breach(produced: UInt64, compressed: UInt64, whole: Bool) -> String? {
        let cap = whole ? min(maximumPartSize, maximumWholePartSize) : maximumPartSize
        if produced > cap { return "it unpacks to more than \(Self.describe(cap))" }
        if produced > ratioFloor, produced / max(compressed, 1) > maximumRatio {
            return "it unpacks to more than \(maximumRatio) times its packed size (\(Self.describe(compressed)))"
        }
        return nil
    }

    static func describe(_ bytes: UInt64) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}
