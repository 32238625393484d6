/* tl-json.h: JSON text from a json-glib tree, with times printed the way
 * people read them (4300.776, not 4300.7759999999998). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void tl_json_append (GString *out, JsonNode *node, gboolean pretty);
char *tl_json_to_string (JsonNode *node, gboolean pretty);

G_END_DECLS
