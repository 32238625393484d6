/* tl-xml.h: libxml2 helpers shared by the XML importers (TTML, ELAN). */
#pragma once

#include <libxml/tree.h>

#include "tl-import.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

xmlDoc *tl_xml_read (TlImportContext *ctx, GError **error);

const char *tl_xml_local_name (const xmlNode *node);
gboolean tl_xml_is (const xmlNode *node, const char *local_name);
xmlNode *tl_xml_first_element (xmlNode *node);
xmlNode *tl_xml_next_element (xmlNode *node);
const char *tl_xml_attr (const xmlNode *node, const char *local_name);
void tl_xml_append_text (GString *out, const xmlNode *node);
guint tl_xml_line (const xmlNode *node);

G_END_DECLS
