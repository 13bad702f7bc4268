/// Thrown from inside an extraction to stop it when a part passes a limit.
struct PartTooLarge: Error {
    let reason: String
}
