import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs of its own, for tests of a full disk and a read-only mount. Needs root (CI runs
/// as root); where mounting is not allowed, ``isAllowed`` is false and those tests are skipped.
public final class ScratchMount {
    /// The mount point.
    public let folder: URL
    private let size: String

    /// Whether this process may mount a tmpfs, found out once by trying.
    public static let isAllowed: Bool = {
        guard let probe = try? ScratchMount(size: "64k") else { return false }
        probe.unmount()
        return true
    }()

    /// Mounts a tmpfs of `size` (as `mount -o size=` takes it: "4m") on a new temporary folder.
    public init(size: String) throws {
        self.size = size
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("voldir-mount-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #if canImport(Glibc)
        guard Glibc.mount("tmpfs", folder.path, "tmpfs", 0, "size=\(size),mode=0777") == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: folder)
            throw MountError(reason: reason)
        }
        #else
        try? FileManager.default.removeItem(at: folder)
        throw MountError(reason: "tmpfs mounts are tried on Linux only")
        #endif
    }

    deinit {
        unmount()
    }

    /// Makes the mount read-only: nobody, root included, can write to it after this.
    public func makeReadOnly() throws {
        #if canImport(Glibc)
        guard Glibc.mount("tmpfs", folder.path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), "size=\(size)") == 0 else {
            throw MountError(reason: String(cString: strerror(errno)))
        }
        #endif
    }

    /// Bytes free for files on the mount.
    public func freeBytes() throws -> Int64 {
        let attributes = try FileManager.default.attributesOfFileSystem(forPath: folder.path)
        return (attributes[.systemFreeSize] as? NSNumber)?.int64Value ?? 0
    }

    private var mounted = true

    private func unmount() {
        guard mounted else { return }
        mounted = false
        #if canImport(Glibc)
        _ = umount2(folder.path, Int32(MNT_DETACH))
        #endif
        try? FileManager.default.removeItem(at: folder)
    }

    /// Why a tmpfs could not be mounted.
    public struct MountError: Error, CustomStringConvertible {
        /// What the system said.
        public var reason: String
        public var description: String { "cannot mount a tmpfs: \(reason)" }
    }
}
