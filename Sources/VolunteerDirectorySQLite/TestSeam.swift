import Foundation

/// A pause a test can ask for, to kill a command part-way: when `VOLDIR_TEST_PAUSE_BEFORE_COMMIT`
/// is set, a command that erases or restores says `paused before commit` on standard error and
/// waits that many seconds inside its transaction, before the commit. Nothing else reads it.
enum TestSeam {
    static func pauseBeforeCommit() {
        guard let text = ProcessInfo.processInfo.environment["VOLDIR_TEST_PAUSE_BEFORE_COMMIT"],
            let seconds = Double(text),
            seconds > 0
        else { return }
        FileHandle.standardError.write(Data("paused before commit\n".utf8))
        Thread.sleep(forTimeInterval: seconds)
    }
}
