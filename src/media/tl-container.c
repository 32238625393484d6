/* tl-container.c: reads the few header fields of QuickTime/MP4,
 * Matroska/WebM and RIFF (WAV, AVI) files that tell a start timecode and
 * the length the file should have. Only headers are read, never media. */
#include "tl-container.h"
#include <glib/gi18n-lib.h>

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "tl-media-error.h"
#include "tl-timecode.h"

typedef struct {
  FILE *file;
  goffset size;
} Reader;

static gboolean
reader_open (Reader *r, const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  r->size = st.st_size;
  r->file = g_fopen (path, "rb");
  return r->file != NULL;
}

static void
reader_close (Reader *r)
{
  g_clear_pointer (&r->file, fclose);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_close)

static gboolean
read_at (Reader *r, goffset offset, void *data, gsize len)
{
  if (offset < 0 || offset + (goffset) len > r->size)
    return FALSE;
  return fseeko (r->file, offset, SEEK_SET) == 0 && fread (data, 1, len, r->file) == len;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint64
be64 (const guint8 *p)
{
  return ((guint64) be32 (p) << 32) | be32 (p + 4);
}

static guint32
le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* QuickTime / ISO base media: a tree of boxes, each "size, type, body". */

typedef struct {
  goffset start;  /* of the header */
  goffset body;   /* first byte after the header */
  goffset end;    /* as announced, which may lie past the end of the file */
  guint32 type;
} Box;

#define FOURCC(a, b, c, d) (((guint32) (a) << 24) | ((guint32) (b) << 16) | ((guint32) (c) << 8) | (guint32) (d))

static gboolean
read_box (Reader *r, goffset offset, goffset parent_end, Box *box)
{
  guint8 head[16];
  guint64 size;

  if (offset + 8 > parent_end || !read_at (r, offset, head, 8))
    return FALSE;
  size = be32 (head);
  box->start = offset;
  box->type = be32 (head + 4);
  box->body = offset + 8;
  if (size == 1)
    {
      if (!read_at (r, offset + 8, head + 8, 8))
        return FALSE;
      size = be64 (head + 8);
      box->body = offset + 16;
    }
  else if (size == 0)
    size = parent_end - offset; /* "to the end of the file" */
  if (size < (guint64) (box->body - offset) || size > G_MAXINT64 / 2)
    return FALSE;
  box->end = offset + (goffset) size;
  return TRUE;
}

/* The first child of @parent of type @type. */
static gboolean
find_box (Reader *r, const Box *parent, guint32 type, Box *found)
{
  goffset end = MIN (parent->end, r->size);

  for (goffset at = parent->body; read_box (r, at, end, found); at = found->end)
    if (found->type == type)
      return TRUE;
  return FALSE;
}

static gboolean
find_path (Reader *r, const Box *parent, const guint32 *types, guint n, Box *found)
{
  Box at = *parent;

  for (guint i = 0; i < n; i++)
    {
      if (!find_box (r, &at, types[i], found))
        return FALSE;
      at = *found;
    }
  return TRUE;
}

static gboolean
looks_like_quicktime (Reader *r)
{
  guint8 head[8];
  guint32 type;

  if (!read_at (r, 0, head, 8))
    return FALSE;
  type = be32 (head + 4);
  return type == FOURCC ('f', 't', 'y', 'p') || type == FOURCC ('m', 'o', 'o', 'v')
      || type == FOURCC ('m', 'd', 'a', 't') || type == FOURCC ('w', 'i', 'd', 'e')
      || type == FOURCC ('f', 'r', 'e', 'e') || type == FOURCC ('s', 'k', 'i', 'p');
}

/* A "tmcd" track holds one sample: the frame number of the first frame,
 * counted at the rate its sample description gives (QuickTime File Format,
 * "Timecode Sample Description"). */
static char *
read_tmcd_track (Reader *r, const Box *trak)
{
  static const guint32 hdlr_path[] = { FOURCC ('m', 'd', 'i', 'a'), FOURCC ('h', 'd', 'l', 'r') };
  static const guint32 stbl_path[] = { FOURCC ('m', 'd', 'i', 'a'), FOURCC ('m', 'i', 'n', 'f'), FOURCC ('s', 't', 'b', 'l') };
  Box hdlr, stbl, stsd, chunks;
  guint8 buf[64];
  guint32 flags, timescale, frame_duration;
  goffset first_sample;
  gint32 frame_number;

  if (!find_path (r, trak, hdlr_path, G_N_ELEMENTS (hdlr_path), &hdlr)
      || !read_at (r, hdlr.body, buf, 12) || be32 (buf + 8) != FOURCC ('t', 'm', 'c', 'd'))
    return NULL;
  if (!find_path (r, trak, stbl_path, G_N_ELEMENTS (stbl_path), &stbl)
      || !find_box (r, &stbl, FOURCC ('s', 't', 's', 'd'), &stsd))
    return NULL;
  /* version/flags, entry count, then the entry: size, 'tmcd', 6 reserved,
   * data reference index, 4 reserved, flags, time scale, frame duration */
  if (!read_at (r, stsd.body, buf, 8 + 34) || be32 (buf + 4) < 1 || be32 (buf + 12) != FOURCC ('t', 'm', 'c', 'd'))
    return NULL;
  flags = be32 (buf + 8 + 20);
  timescale = be32 (buf + 8 + 24);
  frame_duration = be32 (buf + 8 + 28);
  if (timescale == 0 || frame_duration == 0 || timescale > G_MAXINT || frame_duration > G_MAXINT)
    return NULL;

  if (find_box (r, &stbl, FOURCC ('s', 't', 'c', 'o'), &chunks))
    {
      if (!read_at (r, chunks.body, buf, 12) || be32 (buf + 4) < 1)
        return NULL;
      first_sample = be32 (buf + 8);
    }
  else if (find_box (r, &stbl, FOURCC ('c', 'o', '6', '4'), &chunks))
    {
      if (!read_at (r, chunks.body, buf, 16) || be32 (buf + 4) < 1)
        return NULL;
      first_sample = (goffset) be64 (buf + 8);
    }
  else
    return NULL;
  if (!read_at (r, first_sample, buf, 4))
    return NULL;
  frame_number = (gint32) be32 (buf);
  if (frame_number < 0)
    return NULL;
  /* flag 1: drop-frame numbering */
  return tl_timecode_format_frames (frame_number, (int) timescale, (int) frame_duration, (flags & 1) != 0);
}

/**
 * tl_container_read_start_timecode:
 *
 * Returns: (transfer full) (nullable): "HH:MM:SS:FF" ("HH:MM:SS;FF" in
 *   drop-frame) of the first frame, from a QuickTime/MP4 timecode track;
 *   %NULL when the file has none
 */
char *
tl_container_read_start_timecode (const char *path)
{
  g_auto(Reader) r = { 0 };
  Box file, moov, trak;

  if (!reader_open (&r, path) || !looks_like_quicktime (&r))
    return NULL;
  file = (Box) { .start = 0, .body = 0, .end = r.size, .type = 0 };
  if (!find_box (&r, &file, FOURCC ('m', 'o', 'o', 'v'), &moov))
    return NULL;
  for (goffset at = moov.body; read_box (&r, at, MIN (moov.end, r.size), &trak); at = trak.end)
    if (trak.type == FOURCC ('t', 'r', 'a', 'k'))
      {
        char *timecode = read_tmcd_track (&r, &trak);
        if (timecode)
          return timecode;
      }
  return NULL;
}

/* Matroska's variable-length integers: the count of leading zero bits of
 * the first byte tells the length. IDs keep the marker bit, sizes drop it;
 * a size of all ones means "unknown" (a live recording). */
static gboolean
read_ebml_vint (Reader *r, goffset offset, gboolean keep_marker, guint64 *value, guint *length, gboolean *unknown)
{
  guint8 bytes[8];
  guint len = 1;
  guint64 v;
  gboolean all_ones;

  if (!read_at (r, offset, bytes, 1) || bytes[0] == 0)
    return FALSE;
  while (!(bytes[0] & (0x80 >> (len - 1))))
    len++;
  if (len > 1 && !read_at (r, offset + 1, bytes + 1, len - 1))
    return FALSE;
  v = keep_marker ? bytes[0] : bytes[0] & (0xff >> len);
  all_ones = (bytes[0] & (0xff >> len)) == (0xff >> len);
  for (guint i = 1; i < len; i++)
    {
      v = (v << 8) | bytes[i];
      all_ones = all_ones && bytes[i] == 0xff;
    }
  *value = v;
  *length = len;
  if (unknown)
    *unknown = all_ones;
  return TRUE;
}

/* The length announced by the header, or -1 when the format does not say
 * or is not one we read. */
static goffset
announced_length (Reader *r)
{
  guint8 head[12];

  if (!read_at (r, 0, head, 12))
    return -1;

  if (be32 (head) == 0x1A45DFA3) /* EBML: Matroska, WebM */
    {
      guint64 id, size;
      guint id_len, size_len;
      gboolean unknown;
      goffset at = 0;

      /* the EBML header element, then the Segment that holds everything */
      for (int element = 0; element < 2; element++)
        {
          if (!read_ebml_vint (r, at, TRUE, &id, &id_len, NULL)
              || !read_ebml_vint (r, at + id_len, FALSE, &size, &size_len, &unknown)
              || unknown || size > G_MAXINT64 / 2)
            return -1;
          if (element == 1)
            return id == 0x18538067 ? at + id_len + size_len + (goffset) size : -1;
          at += id_len + size_len + (goffset) size;
        }
      return -1;
    }

  if (memcmp (head, "RIFF", 4) == 0 && (memcmp (head + 8, "WAVE", 4) == 0 || memcmp (head + 8, "AVI ", 4) == 0))
    {
      guint32 size = le32 (head + 4);
      /* streaming writers leave 0 or 0xffffffff until they finish */
      if (size == 0 || size == G_MAXUINT32)
        return -1;
      return (goffset) size + 8;
    }

  if (looks_like_quicktime (r))
    {
      Box box;
      goffset end = -1;

      /* the last top-level box announces where the file ends */
      for (goffset at = 0; at < r->size && read_box (r, at, r->size, &box); at = box.end)
        end = box.end;
      return end;
    }
  return -1;
}

/**
 * tl_container_check_complete:
 *
 * Compares the file's size with the size its header announces (QuickTime,
 * MP4, Matroska, WebM, WAV, AVI). GStreamer plays such a file without an
 * error and stops early, so this is the only way to warn before playing.
 *
 * Returns: %FALSE with a %TL_MEDIA_ERROR_CORRUPT error when the file is
 *   shorter than announced; %TRUE when it is complete or nobody can tell
 */
gboolean
tl_container_check_complete (const char *path, GError **error)
{
  g_auto(Reader) r = { 0 };
  goffset expected;

  if (!reader_open (&r, path))
    return TRUE;
  expected = announced_length (&r);
  if (expected > r.size)
    {
      g_autofree char *have = g_format_size (r.size);
      g_autofree char *want = g_format_size (expected);
      g_set_error (error, TL_MEDIA_ERROR, TL_MEDIA_ERROR_CORRUPT,
                   _("%s looks incomplete: it holds %s of the %s its header announces "
                   "(was it copied or downloaded completely?)"), path, have, want);
      return FALSE;
    }
  return TRUE;
}
