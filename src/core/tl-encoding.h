/* tl-encoding.h: turning the bytes of a file into UTF-8 text with LF line ends. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tl_encoding_to_utf8 (const char *data,
                           gsize len,
                           gsize *out_len,
                           char **encoding,
                           GError **error);

G_END_DECLS
