import CLibXML2

/// A copy of an element (and its subtree, or only its attributes) that the caller owns and may
/// change: removing the parts a schema must not see, say. Freed in `deinit`.
public final class XMLTreeCopy {
    private let node: xmlNodePtr

    init(_ node: xmlNodePtr) {
        self.node = node
    }

    deinit {
        xmlFreeNode(node)
    }

    /// The copied element. Valid while this copy lives.
    public var root: XMLElement { XMLElement(node) }
}

/// The identity of a node in a tree, to match what libxml2 reports about a node with the node.
public struct XMLNodeID: Hashable, @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}

/// An attribute of an element in a tree, as a node that can be removed.
public struct XMLAttributeNode {
    /// The node's identity.
    public let id: XMLNodeID
    /// The local name.
    public let name: String
    /// The namespace prefix as written, if any.
    public let prefix: String?
    /// The namespace URI, if any.
    public let namespaceURI: String?
    /// The attribute node: never handed out of this module.
    let attribute: xmlAttrPtr
}
