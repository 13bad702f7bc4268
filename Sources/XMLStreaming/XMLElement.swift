import CLibXML2
import Foundation

/// A read-only view of an element in a subtree the reader expanded. Valid only until the reader
/// moves on; every string is copied out at once.
public struct XMLElement {
    /// The node: never handed out of this module.
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) {
        self.node = node
    }

    /// The node's identity, to match a schema finding with the element it concerns.
    public var id: XMLNodeID { XMLNodeID(raw: UnsafeMutableRawPointer(node)) }

    /// The namespace prefix as written (`s3` for `s3:volunteer`), if any.
    public var prefix: String? { node.pointee.ns?.pointee.prefix.map { String(cString: $0) } }

    /// The namespace URI, if any.
    public var namespaceURI: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The attributes as nodes, to remove or place them.
    public var attributeNodes: [XMLAttributeNode] {
        var result: [XMLAttributeNode] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            result.append(
                XMLAttributeNode(
                    id: XMLNodeID(raw: UnsafeMutableRawPointer(current)),
                    name: current.pointee.name.map { String(cString: $0) } ?? "",
                    prefix: current.pointee.ns?.pointee.prefix.map { String(cString: $0) },
                    namespaceURI: current.pointee.ns?.pointee.href.map { String(cString: $0) }, attribute: current))
            attribute = current.pointee.next
        }
        return result
    }

    /// Removes `attribute` (one of this element's ``attributeNodes``) from the tree. Only for
    /// elements of an ``XMLTreeCopy``, which owns what it holds.
    public func remove(_ attribute: XMLAttributeNode) {
        xmlRemoveProp(attribute.attribute)
    }

    /// Unlinks this element from its tree and frees it. Only for elements below the root of an
    /// ``XMLTreeCopy``; the element must not be used afterwards.
    public func removeFromTree() {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// The number of elements in this element's subtree, itself included.
    public var elementCount: Int {
        1 + children.reduce(0) { $0 + $1.elementCount }
    }

    /// A deep copy of the element that the caller owns and may change.
    public func copy() -> XMLTreeCopy? {
        xmlDocCopyNode(node, node.pointee.doc, 1).map(XMLTreeCopy.init)
    }

    /// The local name (`volunteer` for `s3:volunteer`).
    public var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// Whether the element is in the namespace `uri`: asked of every element of every record, so
    /// compared where it lies rather than copied out.
    public func isInNamespace(_ uri: String) -> Bool {
        guard let href = node.pointee.ns?.pointee.href else { return false }
        return uri.withCString { strcmp($0, UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self)) == 0 }
    }

    /// The line the element starts on.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// The child elements, in order.
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(current)) }
            child = current.pointee.next
        }
        return result
    }

    /// Whether the element holds an entity reference (never expanded: refused by the importer).
    public var containsEntityReference: Bool {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ENTITY_REF_NODE { return true }
            if current.pointee.type == XML_ELEMENT_NODE, XMLElement(current).containsEntityReference { return true }
            child = current.pointee.next
        }
        return false
    }

    /// The text of the element and its descendants (CDATA included, as text).
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { voldir_xml_free(content) }
        return String(cString: content)
    }

    /// The attributes as (namespace, local name, value).
    public var attributes: [(namespace: String?, name: String, value: String)] {
        var result: [(String?, String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
            var value = ""
            if let content = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                value = String(cString: content)
                voldir_xml_free(content)
            }
            result.append((namespace, name, value))
            attribute = current.pointee.next
        }
        return result
    }
}
