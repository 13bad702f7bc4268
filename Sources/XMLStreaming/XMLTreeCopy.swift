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
