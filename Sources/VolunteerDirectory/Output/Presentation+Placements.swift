extension Presentation {
    /// Placements as a table, CSV, or JSON (an array of objects with `id`, `need`, `volunteer`,
    /// `volunteerName`, `score`, `status`, `proposedAt` and, once decided, `decidedAt`), in the order
    /// given.
    public static func placements(_ placements: [Placement], as format: OutputFormat) throws -> String {
        let cells = { (placement: Placement) in
            [
                String(placement.id), placement.need, String(placement.volunteer), placement.volunteerName,
                String(placement.score), placement.status.rawValue,
            ]
        }
        switch format {
        case .json:
            return try json(placements)
        case .table:
            return TextTable(
                headers: ["ID", "NEED", "VOLUNTEER", "NAME", "SCORE", "STATUS"], rows: placements.map(cells)
            ).rendered()
        case .csv:
            return CSVWriter.document(
                headers: ["id", "need", "volunteer", "name", "score", "status"], rows: placements.map(cells))
        }
    }
}
