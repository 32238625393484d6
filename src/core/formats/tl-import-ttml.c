/* tl-import-ttml.c: W3C Timed Text (TTML1/2, DFXP, the 2006 ttaf1 drafts,
 * EBU-TT-D, IMSC): one segment per <p>, with time containment resolved. */
#include "tl-import.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tl-text.h"
#include "tl-xml.h"

/* The ttp: parameters on <tt> that say how to read frame and tick times. */
typedef struct {
  double frame_rate;      /* ttp:frameRate: nominal frames per second */
  double multiplier;      /* ttp:frameRateMultiplier, "1000 1001" = 0.999 */
  double sub_frame_rate;  /* ttp:subFrameRate */
  double tick_rate;       /* ttp:tickRate */
  gboolean smpte;         /* ttp:timeBase="smpte": clock times are time codes */
  guint drop;             /* ttp:dropMode: 0 none, 1 NTSC, 2 PAL */
} TimeParams;

/* An element's active interval in document time. */
typedef struct {
  gint64 begin;   /* µs; 0 for the document's start when nothing says more */
  gint64 end;     /* µs, or TL_TIME_NONE while open-ended */
  gboolean timed; /* this element or an ancestor has timing attributes */
} Interval;

typedef struct {
  TlDocument *doc;
  TimeParams tp;
  GHashTable *agents; /* xml:id of a ttm:agent → its name (in doc strings) */
  GString *raw;
  GString *clean;
  guint n_untimed;
} Ttml;

/* Sniffing: a <tt> (or <tt:tt>) root near the start, and a TTML namespace. */
static guint
ttml_sniff (const char *text, gsize length)
{
  gsize n = MIN (length, 2048);
  const char *p = text, *end = text + n;
  gboolean root = FALSE;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *name = p + 1;
      const char *q = name;

      while (q < end && (g_ascii_isalnum (*q) || *q == ':' || *q == '_' || *q == '-' || *q == '.'))
        q++;
      if (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '>'))
        {
          gsize len = q - name;
          if ((len == 2 && memcmp (name, "tt", 2) == 0)
              || (len > 3 && memcmp (q - 3, ":tt", 3) == 0))
            {
              root = TRUE;
              break;
            }
        }
      p++;
    }
  if (!root)
    return 0;
  if (g_strstr_len (text, n, "ttml") || g_strstr_len (text, n, "ttaf1"))
    return 95;
  return 0;
}

/* Reads an unsigned decimal with an optional fraction. Digits past what a
 * double holds exactly only scale the value: such a time is out of range
 * whatever they are. */
static const char *
parse_decimal (const char *p, double *value)
{
  gint64 mantissa = 0;
  double scale = 1, excess = 1;
  guint digits = 0;

  if (!g_ascii_isdigit (*p) && !(*p == '.' && g_ascii_isdigit (p[1])))
    return NULL;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (digits < 15)
        {
          mantissa = mantissa * 10 + (*p - '0');
          digits++;
        }
      else if (excess < 1e300)
        excess *= 10;
    }
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        if (digits < 15)
          {
            mantissa = mantissa * 10 + (*p - '0');
            scale *= 10;
            digits++;
          }
    }
  *value = (double) mantissa / scale * excess;
  return p;
}

/* A time in µs computed in doubles, if it is one media can have: the
 * conversion of anything larger to an integer is undefined. */
static TlTimeScan
round_usec (double usec, gint64 *out)
{
  if (!(usec >= -(double) TL_TIME_MAX && usec <= (double) TL_TIME_MAX))
    return TL_TIME_SCAN_RANGE;
  *out = (gint64) floor (usec + 0.5);
  return TL_TIME_SCAN_OK;
}

/* Clock time: HH:MM:SS[.fraction] or HH:MM:SS:FF[.subframes]. Frames count
 * in the effective frame rate (frameRate × multiplier). Under the smpte time
 * base a value with frames is a time code as a whole, so 29.97 fps non-drop
 * codes run 0.1 % slow against the clock and drop-frame codes skip their
 * dropped frame numbers; a value with a decimal fraction has no frames to
 * count and is read as clock seconds, which is what its writers mean. */
static TlTimeScan
parse_clock_time (const TimeParams *tp, const char *str, const char **endp, gint64 *usec)
{
  const char *p;
  gint64 clock, extra;
  double frames = 0;
  gboolean has_frames = FALSE;
  double eff_rate = tp->frame_rate * tp->multiplier;
  TlTimeScan scan;

  scan = tl_scan_clock (str, &p, &clock);
  if (scan != TL_TIME_SCAN_OK)
    return scan;
  if (*p == ':' && g_ascii_isdigit (p[1]))
    {
      gint64 ff = 0, sub = 0;
      for (p++; g_ascii_isdigit (*p) && ff < 1000000; p++)
        ff = ff * 10 + (*p - '0');
      if (*p == '.' && g_ascii_isdigit (p[1]))
        for (p++; g_ascii_isdigit (*p) && sub < 1000000; p++)
          sub = sub * 10 + (*p - '0');
      frames = ff + sub / tp->sub_frame_rate;
      has_frames = TRUE;
    }
  *endp = p;

  if (tp->smpte && has_frames)
    {
      /* counted frames = seconds × nominal rate + frames − dropped */
      gint64 minutes = clock / (60 * TL_USEC_PER_SEC);
      double dropped = 0;

      if (tp->drop == 1)
        dropped = 2 * (minutes - minutes / 10);
      else if (tp->drop == 2)
        dropped = 4 * (minutes / 2 - minutes / 20);
      return round_usec ((clock * tp->frame_rate + (frames - dropped) * TL_USEC_PER_SEC) / eff_rate, usec);
    }
  scan = round_usec (frames * TL_USEC_PER_SEC / eff_rate, &extra);
  if (scan == TL_TIME_SCAN_OK && clock + extra > TL_TIME_MAX)
    scan = TL_TIME_SCAN_RANGE;
  if (scan == TL_TIME_SCAN_OK)
    *usec = clock + extra;
  return scan;
}

/* A TTML time expression: clock time, or an offset "12.5s", "1500ms", "90f",
 * "2t", "1.5h", "2m". A bare number is read as seconds, as lenient players do. */
static TlTimeScan
parse_time (const TimeParams *tp, const char *str, gint64 *usec)
{
  const char *p = str;
  double value, unit;
  TlTimeScan scan;

  while (g_ascii_isspace (*p))
    p++;
  if (strchr (p, ':') != NULL)
    scan = parse_clock_time (tp, p, &p, usec);
  else
    {
      p = parse_decimal (p, &value);
      if (p == NULL)
        return TL_TIME_SCAN_NONE;
      if (p[0] == 'm' && p[1] == 's')
        {
          unit = TL_USEC_PER_MSEC;
          p += 2;
        }
      else
        {
          switch (*p)
            {
            case 'h': unit = 3600.0 * TL_USEC_PER_SEC; p++; break;
            case 'm': unit = 60.0 * TL_USEC_PER_SEC; p++; break;
            case 's': unit = TL_USEC_PER_SEC; p++; break;
            case 'f': unit = TL_USEC_PER_SEC / (tp->frame_rate * tp->multiplier); p++; break;
            case 't': unit = TL_USEC_PER_SEC / tp->tick_rate; p++; break;
            default: unit = TL_USEC_PER_SEC; break;
            }
        }
      scan = round_usec (value * unit, usec);
    }
  if (scan == TL_TIME_SCAN_NONE)
    return scan;
  while (g_ascii_isspace (*p))
    p++;
  return *p == '\0' ? scan : TL_TIME_SCAN_NONE;
}

/* A positive rate from an attribute, or @fallback. */
static double
rate_attr (const xmlNode *node, const char *name, double fallback)
{
  const char *value = tl_xml_attr (node, name);
  double rate;

  if (value == NULL)
    return fallback;
  rate = g_ascii_strtod (value, NULL);
  return rate > 0 && rate < 1e9 ? rate : fallback;
}

static void
read_time_params (Ttml *t, const xmlNode *tt)
{
  TimeParams *tp = &t->tp;
  const char *value;

  tp->frame_rate = rate_attr (tt, "frameRate", 30);
  tp->sub_frame_rate = rate_attr (tt, "subFrameRate", 1);
  tp->multiplier = 1;
  value = tl_xml_attr (tt, "frameRateMultiplier");
  if (value)
    {
      /* "1000 1001"; some writers use "1000:1001" */
      char *sep;
      double num = g_ascii_strtod (value, &sep), den;
      while (*sep == ' ' || *sep == ':' || *sep == '\t')
        sep++;
      den = g_ascii_strtod (sep, NULL);
      if (num > 0 && den > 0)
        tp->multiplier = num / den;
      else
        tl_document_warn (t->doc, tl_xml_line (tt), _("frame rate multiplier “%s” not understood"), value);
    }
  /* without a tick rate, ticks are sub-frames when frames are defined */
  if (tl_xml_attr (tt, "frameRate") != NULL)
    tp->tick_rate = rate_attr (tt, "tickRate", tp->frame_rate * tp->multiplier * tp->sub_frame_rate);
  else
    tp->tick_rate = rate_attr (tt, "tickRate", 1);
  value = tl_xml_attr (tt, "timeBase");
  tp->smpte = value && strcmp (value, "smpte") == 0;
  value = tl_xml_attr (tt, "dropMode");
  tp->drop = value == NULL ? 0 : strcmp (value, "dropNTSC") == 0 ? 1 : strcmp (value, "dropPAL") == 0 ? 2 : 0;
}

static gboolean
has_timing (const xmlNode *node)
{
  return tl_xml_attr (node, "begin") || tl_xml_attr (node, "end") || tl_xml_attr (node, "dur");
}

static void
warn_range (Ttml *t, const xmlNode *node, const char *attr, const char *value)
{
  gboolean body = tl_xml_is (node, "body");
  const char *v = value;

  while (g_ascii_isspace (*v))
    v++;
  if (*v == '-')
    tl_document_warn (t->doc, tl_xml_line (node),
                      body ? _("%s time “%s” is negative; <%s> times ignored")
                           : _("%s time “%s” is negative; <%s> left out"),
                      attr, value, tl_xml_local_name (node));
  else
    tl_document_warn (t->doc, tl_xml_line (node),
                      body ? _("%s time “%s” is past %d hours; <%s> times ignored")
                           : _("%s time “%s” is past %d hours; <%s> left out"),
                      attr, value, TL_TIME_MAX_HOURS, tl_xml_local_name (node));
}

/* Resolves @node's begin, end and dur against its sync base @base (the
 * parent's begin in a par container, the previous sibling's end in a seq
 * one). Offsets of begin and end both count from the base; dur from the
 * begin; without either, the element ends with its parent. Children are
 * not cut at their parent's end: writers set short container ends by
 * mistake far more often than they mean to hide text. */
static gboolean
resolve_interval (Ttml *t, const xmlNode *node, const Interval *parent, gint64 base,
                  Interval *out)
{
  static const char *const names[] = { "begin", "end", "dur" };
  gint64 v[3];
  gboolean has[3];

  for (guint i = 0; i < 3; i++)
    {
      const char *value = tl_xml_attr (node, names[i]);
      TlTimeScan scan = TL_TIME_SCAN_OK;

      has[i] = value != NULL;
      if (has[i])
        scan = parse_time (&t->tp, value, &v[i]);
      if (scan == TL_TIME_SCAN_NONE)
        {
          tl_document_warn (t->doc, tl_xml_line (node),
                            tl_xml_is (node, "body") ? _("%s time “%s” not understood; <%s> times ignored")
                                                     : _("%s time “%s” not understood; <%s> left out"),
                            names[i], value, tl_xml_local_name (node));
          return FALSE;
        }
      if (scan == TL_TIME_SCAN_RANGE)
        {
          warn_range (t, node, names[i], value);
          return FALSE;
        }
    }
  out->begin = base + (has[0] ? v[0] : 0);
  if (has[1] && has[2])
    out->end = MIN (base + v[1], out->begin + v[2]);
  else if (has[1])
    out->end = base + v[1];
  else if (has[2])
    out->end = out->begin + v[2];
  else
    out->end = parent->end;
  out->timed = parent->timed || has[0] || has[1] || has[2];
  /* every time and every base is within TL_TIME_MAX, so these sums are
   * within twice that; a seq of long children can add up past it */
  if (out->begin > TL_TIME_MAX || out->end > TL_TIME_MAX)
    {
      g_autofree char *sum = g_strdup_printf ("%" G_GINT64_FORMAT "s", MAX (out->begin, out->end) / TL_USEC_PER_SEC);
      warn_range (t, node, has[0] ? "begin" : "end", sum);
      return FALSE;
    }
  return TRUE;
}

/* The name for a ttm:agent reference ("a1" or "a1 a2": the first). */
static const char *
agent_name (Ttml *t, const xmlNode *node, const char *inherited)
{
  const char *value = tl_xml_attr (node, "agent");
  const char *name;
  gsize len;

  if (value == NULL)
    return inherited;
  while (g_ascii_isspace (*value))
    value++;
  len = strcspn (value, " \t\n");
  if (len == 0)
    return inherited;
  {
    g_autofree char *id = g_strndup (value, len);
    name = g_hash_table_lookup (t->agents, id);
    /* an agent that is not declared is still somebody */
    return name ? name : tl_document_strdup (t->doc, id);
  }
}

/* Gathers a paragraph's text, with the span of times its timed <span>s
 * cover for paragraphs that carry no times of their own. */
typedef struct {
  gint64 min_begin;
  gint64 max_end;
  const char *speaker;
  GArray *words; /* TlDocWord of the innermost timed spans, text owned */
} Content;

static void
collect_content (Ttml *t, const xmlNode *node, const Interval *iv, Content *c)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          g_string_append (t->raw, (const char *) child->content);
          break;
        case XML_ENTITY_REF_NODE:
          {
            xmlEntity *ent = xmlGetDocEntity (child->doc, child->name);
            if (ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY && ent->content)
              g_string_append (t->raw, (const char *) ent->content);
          }
          break;
        case XML_ELEMENT_NODE:
          {
            const char *name = tl_xml_local_name (child);
            Interval civ = *iv;

            if (strcmp (name, "br") == 0)
              {
                g_string_append_c (t->raw, '\n');
                break;
              }
            /* not text: animation, metadata, and TTML2 <image> and the like */
            if (strcmp (name, "set") == 0 || strcmp (name, "animate") == 0
                || strcmp (name, "metadata") == 0 || strcmp (name, "image") == 0
                || strcmp (name, "audio") == 0 || strcmp (name, "source") == 0
                || strcmp (name, "data") == 0 || strcmp (name, "chunk") == 0)
              break;
            if (has_timing (child))
              {
                if (!resolve_interval (t, child, iv, iv->begin, &civ))
                  break;
                c->min_begin = MIN (c->min_begin, civ.begin);
                if (civ.end != TL_TIME_NONE)
                  c->max_end = MAX (c->max_end, civ.end);
              }
            if (c->speaker == NULL)
              c->speaker = agent_name (t, child, NULL);
            {
              gsize from = t->raw->len;
              guint n_words = c->words->len;

              collect_content (t, child, &civ, c);
              /* a timed span of words (not one that holds timed spans):
               * its words are said in its time */
              if (has_timing (child) && civ.end != TL_TIME_NONE && c->words->len == n_words)
                {
                  char *text = tl_text_clean (t->raw->str + from, t->raw->len - from);
                  TlDocWord word = { civ.begin, civ.end, text, -1 };

                  if (*text)
                    g_array_append_val (c->words, word);
                  else
                    g_free (text);
                }
            }
          }
          break;
        default:
          break;
        }
    }
}

static void
add_paragraph (Ttml *t, const xmlNode *p, const Interval *iv, const char *speaker)
{
  Content c = { G_MAXINT64, TL_TIME_NONE, NULL, NULL };
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (TlDocWord));
  gint64 begin, end;
  TlDocSegment *seg;

  c.words = words;
  g_string_truncate (t->raw, 0);
  g_string_truncate (t->clean, 0);
  collect_content (t, p, iv, &c);
  tl_text_append_clean (t->clean, t->raw->str, t->raw->len);

  if (!has_timing (p) && c.min_begin != G_MAXINT64)
    {
      /* word- or phrase-timed spans in an untimed paragraph */
      begin = c.min_begin;
      end = c.max_end != TL_TIME_NONE ? c.max_end : iv->end;
    }
  else if (iv->timed)
    {
      begin = iv->begin;
      end = iv->end != TL_TIME_NONE ? iv->end : c.max_end;
    }
  else
    {
      /* an empty paragraph without times says nothing */
      if (t->clean->len == 0)
        return;
      begin = end = TL_TIME_NONE;
      t->n_untimed++;
    }

  seg = tl_document_add_segment (t->doc, begin, end, t->clean->str, t->clean->len);
  seg->line = tl_xml_line (p);
  seg->speaker = speaker ? speaker : c.speaker;
  for (guint i = 0; i < words->len; i++)
    {
      TlDocWord *word = &g_array_index (words, TlDocWord, i);
      if (begin != TL_TIME_NONE)
        tl_document_add_word (t->doc, word->start, word->end, word->text, -1);
      g_free ((char *) word->text);
    }
}

/* Walks <body> or a <div>: <div>s nest, <p>s are the segments. */
static void
walk_container (Ttml *t, const xmlNode *node, const Interval *iv, const char *speaker)
{
  const char *container = tl_xml_attr (node, "timeContainer");
  gboolean seq = container && strcmp (container, "seq") == 0;
  gint64 cursor = iv->begin;

  for (xmlNode *child = tl_xml_first_element ((xmlNode *) node); child != NULL;
       child = tl_xml_next_element (child))
    {
      gboolean is_div = tl_xml_is (child, "div");
      Interval civ;
      const char *child_speaker;

      if (!is_div && !tl_xml_is (child, "p"))
        continue;
      if (!resolve_interval (t, child, iv, seq ? cursor : iv->begin, &civ))
        continue;
      child_speaker = agent_name (t, child, speaker);
      if (is_div)
        walk_container (t, child, &civ, child_speaker);
      else
        add_paragraph (t, child, &civ, child_speaker);
      if (seq)
        cursor = civ.end != TL_TIME_NONE ? civ.end : civ.begin;
    }
}

static char *
element_text (const xmlNode *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  tl_xml_append_text (raw, node);
  return tl_text_clean (raw->str, raw->len);
}

/* Title, description and the agents (speakers) from <head> and the
 * <metadata> in it (styling and layout are not looked at); EBU-TT files
 * name the programme in ebuttm:documentMetadata. */
static void
read_metadata (Ttml *t, const xmlNode *node, const char **ebu_title)
{
  for (xmlNode *child = tl_xml_first_element ((xmlNode *) node); child != NULL;
       child = tl_xml_next_element (child))
    {
      const char *name = tl_xml_local_name (child);

      if (strcmp (name, "title") == 0 && t->doc->title == NULL)
        {
          g_autofree char *title = element_text (child);
          if (*title)
            t->doc->title = tl_document_strdup (t->doc, title);
        }
      else if (strcmp (name, "desc") == 0 && t->doc->description == NULL)
        {
          g_autofree char *desc = element_text (child);
          if (*desc)
            t->doc->description = tl_document_strdup (t->doc, desc);
        }
      else if (strcmp (name, "documentOriginalProgrammeTitle") == 0 && *ebu_title == NULL)
        {
          g_autofree char *title = element_text (child);
          if (*title)
            *ebu_title = tl_document_strdup (t->doc, title);
        }
      else if (strcmp (name, "agent") == 0)
        {
          const char *id = tl_xml_attr (child, "id");
          const char *agent = NULL;

          if (id == NULL)
            continue;
          /* the full name if one is given, else the first name of any type */
          for (xmlNode *n = tl_xml_first_element (child); n != NULL; n = tl_xml_next_element (n))
            {
              const char *type = tl_xml_attr (n, "type");
              g_autofree char *text = NULL;

              if (!tl_xml_is (n, "name"))
                continue;
              text = element_text (n);
              if (*text && (agent == NULL || (type && strcmp (type, "full") == 0)))
                agent = tl_document_strdup (t->doc, text);
            }
          g_hash_table_insert (t->agents, g_strdup (id),
                               (gpointer) (agent ? agent : tl_document_strdup (t->doc, id)));
        }
      else if (strcmp (name, "metadata") == 0 || strcmp (name, "documentMetadata") == 0)
        read_metadata (t, child, ebu_title);
    }
}

static TlDocument *
ttml_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("ttml");
  g_autoptr(xmlDoc) xml = NULL;
  g_autoptr(GHashTable) agents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) raw = g_string_sized_new (256);
  g_autoptr(GString) clean = g_string_sized_new (256);
  Ttml t = { doc, { 0 }, agents, raw, clean, 0 };
  Interval root = { 0, TL_TIME_NONE, FALSE };
  const char *ebu_title = NULL;
  xmlNode *tt, *body = NULL;
  const char *lang;

  xml = tl_xml_read (ctx, error);
  if (xml == NULL)
    return NULL;
  tt = xmlDocGetRootElement (xml);
  if (!tl_xml_is (tt, "tt"))
    {
      tl_import_fail (ctx, error, tl_xml_line (tt),
                      _("Not a TTML document: the root element is <%s>, not <tt>"),
                      tl_xml_local_name (tt));
      return NULL;
    }
  read_time_params (&t, tt);
  lang = tl_xml_attr (tt, "lang");
  if (lang && *lang)
    doc->language = tl_document_strdup (doc, lang);

  for (xmlNode *child = tl_xml_first_element (tt); child != NULL; child = tl_xml_next_element (child))
    {
      if (tl_xml_is (child, "head"))
        read_metadata (&t, child, &ebu_title);
      else if (tl_xml_is (child, "body") && body == NULL)
        body = child;
    }
  if (doc->title == NULL)
    doc->title = ebu_title;

  if (body != NULL)
    {
      Interval iv;
      /* a body time that cannot be read is warned about, not fatal */
      if (!resolve_interval (&t, body, &root, 0, &iv))
        iv = root;
      walk_container (&t, body, &iv, agent_name (&t, body, NULL));
    }

  if (t.n_untimed > 0 && t.n_untimed < doc->segments->len)
    {
      /* A paragraph without times among timed ones would, by TTML's rules,
       * show for the whole programme: not a line of the transcript. */
      guint w = 0;
      for (guint r = 0; r < doc->segments->len; r++)
        {
          TlDocSegment *seg = tl_document_get_segment (doc, r);
          if (seg->start == TL_TIME_NONE)
            {
              tl_document_warn (doc, seg->line, _("paragraph without times among timed ones left out"));
              continue;
            }
          g_array_index (doc->segments, TlDocSegment, w++) = *seg;
        }
      g_array_set_size (doc->segments, w);
    }

  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, body ? tl_xml_line (body) : tl_xml_line (tt),
                      body ? _("The TTML body holds no <p> paragraphs") : _("The TTML document has no <body>"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_ttml = {
  .name = "ttml",
  .label = N_("TTML / DFXP"),
  .sniff = ttml_sniff,
  .parse = ttml_parse,
};
