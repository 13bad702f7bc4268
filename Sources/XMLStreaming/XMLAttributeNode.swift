import CLibXML2

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
