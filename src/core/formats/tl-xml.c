/* tl-xml.c: reading XML safely for the importers and walking it by local
 * names, since transcript formats come in several namespaces and prefixes. */
#include "tl-xml.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/entities.h>

/* The first fatal error, which names the fault: libxml2 goes on after
 * some (a mismatched end tag) and its last error is then only "premature
 * end of data" at the end of the file. */
typedef struct {
  int line;
  char *message;
} FirstError;

static void
keep_first_error (void *user_data, xmlError *err)
{
  xmlParserCtxt *parser = user_data;
  FirstError *first = parser->_private;

  if (err->level == XML_ERR_FATAL && first->message == NULL)
    {
      first->line = err->line;
      first->message = g_strdup (err->message ? err->message : _("not well-formed"));
    }
}

/**
 * tl_xml_read:
 *
 * Parses @ctx's text as XML. The text is already UTF-8 whatever the
 * declaration says, so the declared encoding is ignored; no DTD, external
 * entity or network resource is ever loaded (no XML_PARSE_NOENT,
 * XML_PARSE_DTDLOAD), and libxml2 prints nothing: a malformed document
 * fails with libxml2's message and line. Without XML_PARSE_HUGE, libxml2
 * refuses elements nested more than 256 deep, which bounds the recursion
 * of the importers' tree walks too (TL_IMPORT_MAX_DEPTH). Small text nodes are stored
 * compactly (fewer allocations on big files), so the tree is read-only.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
tl_xml_read (TlImportContext *ctx, GError **error)
{
  xmlParserCtxt *parser;
  xmlDoc *doc;
  FirstError first = { 0, NULL };

  if (ctx->length > G_MAXINT)
    {
      tl_import_fail (ctx, error, 0, _("The file is too large to read as XML"));
      return NULL;
    }
  xmlInitParser ();
  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      tl_import_fail (ctx, error, 0, _("Out of memory reading XML"));
      return NULL;
    }
  /* errors reach serror with the parser as user data; _private is ours */
  parser->_private = &first;
  parser->sax->serror = keep_first_error;
  doc = xmlCtxtReadMemory (parser, ctx->text, (int) ctx->length, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                           | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
  if (doc == NULL)
    {
      const xmlError *err = xmlCtxtGetLastError (parser);

      if (first.message == NULL)
        {
          first.line = err ? err->line : 0;
          first.message = g_strdup (err && err->message ? err->message : _("not well-formed"));
        }
      g_strstrip (first.message);
      /* libxml2 stops at TL_IMPORT_MAX_DEPTH levels, and its message
       * tells the user to set a parser option */
      if (g_str_has_prefix (first.message, "Excessive depth in document"))
        tl_import_fail (ctx, error, first.line > 0 ? (guint) first.line : 0,
                        _("Nested more than %d levels deep: not a transcript"), TL_IMPORT_MAX_DEPTH);
      else
        tl_import_fail (ctx, error, first.line > 0 ? (guint) first.line : 0,
                        _("Malformed XML: %s"), first.message);
    }
  else if (xmlDocGetRootElement (doc) == NULL)
    {
      xmlFreeDoc (doc);
      doc = NULL;
      tl_import_fail (ctx, error, 0, _("The XML document has no root element"));
    }
  xmlFreeParserCtxt (parser);
  g_free (first.message);
  return doc;
}

/* The element's name without its prefix. An element whose prefix was never
 * declared keeps "tt:p" as its name and no namespace; it still counts as a
 * "p", since files from careless writers do this. */
const char *
tl_xml_local_name (const xmlNode *node)
{
  const char *name = (const char *) node->name;

  if (node->ns == NULL && name != NULL)
    {
      const char *colon = strchr (name, ':');
      if (colon)
        return colon + 1;
    }
  return name;
}

gboolean
tl_xml_is (const xmlNode *node, const char *local_name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && strcmp (tl_xml_local_name (node), local_name) == 0;
}

xmlNode *
tl_xml_next_element (xmlNode *node)
{
  for (node = node ? node->next : NULL; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

xmlNode *
tl_xml_first_element (xmlNode *node)
{
  xmlNode *child = node ? node->children : NULL;

  if (child == NULL || child->type == XML_ELEMENT_NODE)
    return child;
  return tl_xml_next_element (child);
}

/* The value of the attribute named @local_name in any namespace ("begin",
 * "ttp:frameRate", "xml:lang" …), without copying it; NULL when absent or
 * when the value holds an entity reference libxml2 left unexpanded. */
const char *
tl_xml_attr (const xmlNode *node, const char *local_name)
{
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *) attr->name;
      const char *colon;

      if (attr->ns == NULL && (colon = strchr (name, ':')) != NULL)
        name = colon + 1;
      if (strcmp (name, local_name) != 0)
        continue;
      if (attr->children == NULL)
        return "";
      if (attr->children->type == XML_TEXT_NODE && attr->children->next == NULL)
        return (const char *) attr->children->content;
      return NULL;
    }
  return NULL;
}

/* Appends the text of @node's descendants as it stands, markup left out.
 * An internal entity gives its replacement text (one level, so that a
 * "billion laughs" file cannot blow up); an external one gives nothing. */
void
tl_xml_append_text (GString *out, const xmlNode *node)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (child->content)
            g_string_append (out, (const char *) child->content);
          break;
        case XML_ELEMENT_NODE:
          tl_xml_append_text (out, child);
          break;
        case XML_ENTITY_REF_NODE:
          {
            xmlEntity *ent = xmlGetDocEntity (child->doc, child->name);
            if (ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY && ent->content)
              g_string_append (out, (const char *) ent->content);
          }
          break;
        default:
          break;
        }
    }
}

guint
tl_xml_line (const xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint) line : 0;
}
