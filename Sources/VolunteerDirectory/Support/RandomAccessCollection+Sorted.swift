extension RandomAccessCollection {
    /// The index of the element whose `key` is `value`, in a collection sorted ascending by
    /// `key`, found by halving; `nil` when none has it.
    func sortedIndex<Key: Comparable>(of value: Key, by key: (Element) -> Key) -> Index? {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = index(low, offsetBy: distance(from: low, to: high) / 2)
            if key(self[middle]) < value { low = index(after: middle) } else { high = middle }
        }
        return low < endIndex && key(self[low]) == value ? low : nil
    }
}
