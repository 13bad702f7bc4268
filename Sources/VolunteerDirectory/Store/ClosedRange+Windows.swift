extension ClosedRange where Bound == VolunteerID {
    /// The range cut into consecutive windows of at most `width` ids (at least 1), in order: how
    /// a store reads everyone a batch at a time (``DirectoryStore/volunteersForMatching(inBatchesOf:_:)``).
    /// A window holds at most `width` people, fewer where ids were never used or were erased.
    public func windows(ofWidth width: Int) -> [ClosedRange<VolunteerID>] {
        let width = VolunteerID(Swift.max(width, 1))
        var windows: [ClosedRange<VolunteerID>] = []
        var start = lowerBound
        while true {
            let end = start > upperBound - width ? upperBound : start + width - 1
            windows.append(start...end)
            if end == upperBound { return windows }
            start = end + 1
        }
    }
}
