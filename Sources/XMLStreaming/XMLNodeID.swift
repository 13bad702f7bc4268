/// The identity of a node in a tree, to match what libxml2 reports about a node with the node.
public struct XMLNodeID: Hashable {
    let raw: UnsafeMutableRawPointer
}
