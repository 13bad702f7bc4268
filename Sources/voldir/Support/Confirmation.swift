import ArgumentParser
import Foundation

/// Asks before something that cannot be undone (`forget`, `review --erase`, `restore`).
///
/// With `--yes` it goes ahead. At a terminal it asks, and only `y` or `yes` goes ahead. Anywhere
/// else (a script, a pipe) it refuses: nobody is there to answer, and a guess would erase people.
enum Confirmation {
    /// Whether to go ahead; throws when it cannot ask and `--yes` was not given.
    static func confirm(_ question: String, yes: Bool, flag: String = "--yes") throws -> Bool {
        if yes { return true }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ValidationError(
                "\(question.replacingOccurrences(of: "?", with: "")): not run at a terminal, so nothing was done; "
                    + "add \(flag) to go ahead"
            )
        }
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        return answer == "y" || answer == "yes"
    }
}
