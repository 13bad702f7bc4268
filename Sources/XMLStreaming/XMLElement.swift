import CLibXML2
import Foundation

/// A read-only view of an element in a subtree the reader expanded. Valid only until the reader
/// moves on; every string is copied out at once.
public struct XMLElement {
    /// The node, for the validator, which checks a copy of it against the schema.
    public let node: xmlNodePtr

    /// Wraps a node of a tree the reader expanded.
    public init(_ node: xmlNodePtr) {
        self.node = node
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
