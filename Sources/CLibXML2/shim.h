#ifndef VOLDIR_CLIBXML2_SHIM_H
#define VOLDIR_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the copy inside Foundation. voldir
   never touches the ICU members of xmlCharEncodingHandler, so hide them from Swift. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/parserInternals.h>

/// The one set of parse options every feed is read with. Network access is refused
/// (XML_PARSE_NONET); entities are never substituted (no XML_PARSE_NOENT); no external DTD is
/// loaded or used for defaults or validation (no XML_PARSE_DTDLOAD, DTDATTR, DTDVALID); no
/// XInclude; libxml2's built-in limits on text size and depth stay on (no XML_PARSE_HUGE); and
/// errors are never recovered from (no XML_PARSE_RECOVER). Diagnostics go to the per-reader
/// structured handler, never to stderr (XML_PARSE_NOERROR, XML_PARSE_NOWARNING).
static inline int voldir_feed_parse_options(void) {
    return XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES;
}

/// Frees memory libxml2 allocated (xmlFree is a macro or a global function pointer, which Swift
/// cannot call directly).
static inline void voldir_xml_free(void *pointer) {
    if (pointer != NULL) xmlFree(pointer);
}

/// Whether the document's internal DTD subset declares any entity. Feeds that do are refused
/// before any reference to them is read, which stops both external-entity and expansion attacks.
static inline int voldir_declares_entities(xmlDocPtr doc) {
    if (doc == NULL || doc->intSubset == NULL) return 0;
    xmlDtdPtr dtd = doc->intSubset;
    int count = 0;
    if (dtd->entities != NULL) count += xmlHashSize((xmlHashTablePtr)dtd->entities);
    if (dtd->pentities != NULL) count += xmlHashSize((xmlHashTablePtr)dtd->pentities);
    return count > 0;
}

#endif
