import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a path only when it is a regular file, and otherwise says plainly what it is: a folder,
/// a named pipe, a symbolic link that loops, a device.
///
/// Importing reads a file more than once (to recognise it, to hash it, to import it), so a named
/// pipe was read once and then reopened, and waited for ever for a writer; a folder or a looping
/// link got "cannot be opened (NSCocoaErrorDomain error 256.)". Every file a command reads goes
/// through here first. The path is opened without waiting (`O_NONBLOCK`, so a pipe with no writer
/// cannot hang it) and what was opened is checked (`fstat`), so the check and the read are of the
/// same file.
///
/// ```swift
/// let handle = try RegularFile.open(url)   // or: try RegularFile.check(url)
/// ```
public enum RegularFile {
    /// Why a path cannot be read as a file.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// The path as the user gave it (relative when they gave it so).
        public var path: String
        /// What the path is, or why it cannot be opened, as a clause: `it is a folder, not a file`.
        public var reason: String

        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// Opens `url` for reading, when it is a regular file (a symbolic link to one will do).
    public static func open(_ url: URL) throws(Problem) -> FileHandle {
        let path = url.path
        let descriptor = openWithoutWaiting(path)
        guard descriptor >= 0 else { throw problem(opening: url, errorNumber: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw Problem(path: url.relativePath, reason: "it cannot be read (\(describe(code)))")
        }
        if let kind = kind(of: info.st_mode) {
            close(descriptor)
            throw Problem(path: url.relativePath, reason: kind)
        }
        // Back to ordinary blocking reads: a regular file never blocks anyway.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Checks that `url` is a regular file that can be opened, and returns its size in bytes.
    @discardableResult
    public static func check(_ url: URL) throws(Problem) -> Int64 {
        let handle = try open(url)
        defer { try? handle.close() }
        var info = stat()
        guard fstat(handle.fileDescriptor, &info) == 0 else {
            throw Problem(path: url.relativePath, reason: "it cannot be read (\(describe(errno)))")
        }
        return Int64(info.st_size)
    }

    /// The whole of a small text file (a taxonomy, a weights file) as UTF-8, refusing one over
    /// `limit` bytes rather than reading it into memory.
    public static func text(at url: URL, atMost limit: Int = 16 * 1_024 * 1_024) throws(Problem) -> String {
        let handle = try open(url)
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw Problem(path: url.relativePath, reason: "it cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= limit else {
            throw Problem(
                path: url.relativePath,
                reason: "it is over \(limit.grouped) bytes, more than a file of this kind ever needs")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Problem(path: url.relativePath, reason: "it is not UTF-8 text; save it as UTF-8 and try again")
        }
        return text
    }

    // MARK: - Helpers

    private static func openWithoutWaiting(_ path: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        #else
        Darwin.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        #endif
    }

    /// What a file of this mode is, said as a reason not to read it; `nil` for a regular file.
    private static func kind(of mode: mode_t) -> String? {
        // The POSIX file-type bits (S_IFMT and its values), the same on Linux and macOS.
        switch mode & 0o170000 {
        case 0o100000: nil
        case 0o040000: "it is a folder, not a file"
        case 0o010000:
            "it is a named pipe (FIFO), not a file: a pipe can be read only once, and importing reads a file "
                + "more than once (to recognise it, hash it and import it); save what it carries to a file and name that"
        case 0o140000: "it is a socket, not a file"
        case 0o020000, 0o060000: "it is a device, not a file"
        default: "it is not a regular file"
        }
    }

    /// Why `open` failed, said for a person; a dangling link is told from a missing file.
    private static func problem(opening url: URL, errorNumber: Int32) -> Problem {
        let path = url.path
        let reason: String
        switch errorNumber {
        case ELOOP:
            reason = "it is a symbolic link that loops (following it leads back round to itself)"
        case ENOENT:
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & 0o170000 == 0o120000 {
                let target =
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " to '\($0)'" } ?? ""
                reason = "it is a symbolic link\(target), which does not exist"
            } else {
                reason = "no such file"
            }
        case EACCES, EPERM:
            reason = "permission denied"
        case ENOTDIR:
            reason = "a part of the path before the file name is not a folder"
        default:
            reason = "it cannot be opened (\(describe(errorNumber)))"
        }
        return Problem(path: url.relativePath, reason: reason)
    }

    private static func describe(_ errorNumber: Int32) -> String {
        String(cString: strerror(errorNumber))
    }
}
