/* tl-encoding.h: turning the bytes of a file into UTF-8 text with LF line ends. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tl_encoding_to_utf8 (const char *data,
                           gsize len,
                           gsize *out_len,
                           char **encoding,
                           GError **error);

char *tl_encoding_decode (const char *data,
                          gsize len,
                          gsize *out_len,
                          char **encoding,
                          GArray *bad_lines,
                          GError **error);

char *tl_encoding_decode_take (char *data,
                               gsize len,
                               gsize *out_len,
                               char **encoding,
                               GArray *bad_lines,
                               GError **error);
gboolean tl_encoding_looks_binary (const char *data, gsize len);

G_END_DECLS
