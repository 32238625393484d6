/* tl-json.h: JSON text from a json-glib tree (or written as it goes), with
 * times printed the way people read them (4300.776, not 4300.7759999999998). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void tl_json_append (GString *out, JsonNode *node, gboolean pretty);
char *tl_json_to_string (JsonNode *node, gboolean pretty);

/* Writes JSON as it goes, formatted as tl_json_append() formats a tree:
 * for documents too big to hold as a tree first. */
typedef struct _TlJsonWriter TlJsonWriter;

TlJsonWriter *tl_json_writer_new (GString *out, gboolean pretty);
void tl_json_writer_free (TlJsonWriter *w);
void tl_json_writer_begin_object (TlJsonWriter *w);
void tl_json_writer_end_object (TlJsonWriter *w);
void tl_json_writer_begin_array (TlJsonWriter *w);
void tl_json_writer_end_array (TlJsonWriter *w);
void tl_json_writer_member (TlJsonWriter *w, const char *name);
void tl_json_writer_string (TlJsonWriter *w, const char *value);
void tl_json_writer_int (TlJsonWriter *w, gint64 value);
void tl_json_writer_double (TlJsonWriter *w, double value);
void tl_json_writer_boolean (TlJsonWriter *w, gboolean value);
void tl_json_writer_null (TlJsonWriter *w);
void tl_json_writer_node (TlJsonWriter *w, JsonNode *node);

/* a member and its value at once */
void tl_json_writer_member_string (TlJsonWriter *w, const char *name, const char *value);
void tl_json_writer_member_int (TlJsonWriter *w, const char *name, gint64 value);
void tl_json_writer_member_boolean (TlJsonWriter *w, const char *name, gboolean value);
void tl_json_writer_member_seconds (TlJsonWriter *w, const char *name, gint64 usec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlJsonWriter, tl_json_writer_free)

G_END_DECLS
