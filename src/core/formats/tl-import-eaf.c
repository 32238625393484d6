/* tl-import-eaf.c: ELAN annotation documents (.eaf): every annotation of
 * every tier becomes a segment, its speaker the tier's participant. */
#include "tl-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tl-text.h"
#include "tl-xml.h"

/* An annotation as found, before its times are known. */
typedef struct {
  const xmlNode *node;
  guint tier;
  const char *ref;      /* REF_ANNOTATION: the annotation it depends on */
  gint slot1, slot2;    /* ALIGNABLE_ANNOTATION: indices in the time order */
  gint64 start, end;
  guint8 state;         /* 0 unresolved, 1 resolving, 2 done, 3 failed */
} Annotation;

typedef struct {
  const char *speaker;
  gboolean has_participant;
  guint n_annotations;
} Tier;

typedef struct {
  TlDocument *doc;
  GArray *slots;            /* gint64 µs, TL_TIME_NONE where unaligned */
  GHashTable *slot_ids;     /* TIME_SLOT_ID → index + 1 */
  GArray *annotations;      /* Annotation */
  GHashTable *annotation_ids; /* ANNOTATION_ID → index + 1 */
  GArray *tiers;            /* Tier */
} Eaf;

static guint
eaf_sniff (const char *text, gsize length)
{
  return g_strstr_len (text, MIN (length, 2048), "<ANNOTATION_DOCUMENT") ? 100 : 0;
}

/* TIME_SLOTs in their order, which is time order; those without a value
 * ("unaligned", as ELAN makes them when an annotation is split) get times
 * spread evenly between the aligned slots around them. */
static void
read_time_order (Eaf *e, xmlNode *order)
{
  gint prev = -1;
  gint64 *v;
  guint n;

  for (xmlNode *slot = tl_xml_first_element (order); slot != NULL; slot = tl_xml_next_element (slot))
    {
      const char *id = tl_xml_attr (slot, "TIME_SLOT_ID");
      const char *value = tl_xml_attr (slot, "TIME_VALUE");
      gint64 usec = TL_TIME_NONE;

      if (!tl_xml_is (slot, "TIME_SLOT") || id == NULL)
        continue;
      if (value != NULL)
        {
          char *endp;
          gint64 ms = g_ascii_strtoll (value, &endp, 10);
          while (g_ascii_isspace (*endp))
            endp++;
          if (endp != value && *endp == '\0' && ms > TL_TIME_MAX / TL_USEC_PER_MSEC)
            tl_document_warn (e->doc, tl_xml_line (slot), _("time value “%s” is past %d hours"),
                              value, TL_TIME_MAX_HOURS);
          else if (endp != value && *endp == '\0' && ms >= 0)
            usec = ms * TL_USEC_PER_MSEC;
          else
            tl_document_warn (e->doc, tl_xml_line (slot), _("time value “%s” not understood"), value);
        }
      g_array_append_val (e->slots, usec);
      g_hash_table_insert (e->slot_ids, (gpointer) id, GUINT_TO_POINTER (e->slots->len));
    }

  v = (gint64 *) (gpointer) e->slots->data;
  n = e->slots->len;
  for (guint i = 0; i <= n; i++)
    {
      if (i < n && v[i] == TL_TIME_NONE)
        continue;
      /* slot i is aligned (or past the end); those since @prev are not */
      if ((gint) i - prev > 1)
        {
          gint64 from, to;
          gint steps = (gint) i - prev;

          if (i == n && prev < 0)
            break; /* nothing aligned at all: the document is untimed */
          from = prev >= 0 ? v[prev] : 0;
          to = i < n ? v[i] : from; /* nothing to go towards after the last */
          /* in doubles: (to - from) × k can overflow with many slots */
          for (gint k = 1; k < steps; k++)
            v[prev + k] = from + (gint64) ((double) (to - from) * k / steps);
        }
      prev = (gint) i;
    }
}

static gint
slot_index (Eaf *e, const xmlNode *node, const char *attr)
{
  const char *id = tl_xml_attr (node, attr);

  if (id == NULL)
    return -1;
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (e->slot_ids, id)) - 1;
}

static void
read_tier (Eaf *e, xmlNode *tier_node)
{
  const char *participant = tl_xml_attr (tier_node, "PARTICIPANT");
  const char *tier_id = tl_xml_attr (tier_node, "TIER_ID");
  Tier tier = { NULL, FALSE, 0 };
  guint tier_index = e->tiers->len;

  if (participant)
    {
      g_autofree char *name = tl_text_clean (participant, -1);
      if (*name)
        {
          tier.speaker = tl_document_strdup (e->doc, name);
          tier.has_participant = TRUE;
        }
    }
  if (tier.speaker == NULL && tier_id && *tier_id)
    tier.speaker = tl_document_strdup (e->doc, tier_id);

  for (xmlNode *wrap = tl_xml_first_element (tier_node); wrap != NULL; wrap = tl_xml_next_element (wrap))
    {
      xmlNode *node;
      Annotation ann = { 0 };
      const char *id;

      if (!tl_xml_is (wrap, "ANNOTATION"))
        continue;
      node = tl_xml_first_element (wrap);
      if (node == NULL)
        continue;
      ann.node = node;
      ann.tier = tier_index;
      ann.start = ann.end = TL_TIME_NONE;
      if (tl_xml_is (node, "ALIGNABLE_ANNOTATION"))
        {
          ann.slot1 = slot_index (e, node, "TIME_SLOT_REF1");
          ann.slot2 = slot_index (e, node, "TIME_SLOT_REF2");
          if (ann.slot1 < 0 || ann.slot2 < 0)
            {
              tl_document_warn (e->doc, tl_xml_line (node),
                                _("annotation whose time slots are not in the time order left out"));
              continue;
            }
        }
      else if (tl_xml_is (node, "REF_ANNOTATION"))
        {
          ann.ref = tl_xml_attr (node, "ANNOTATION_REF");
          ann.slot1 = ann.slot2 = -1;
          if (ann.ref == NULL)
            {
              tl_document_warn (e->doc, tl_xml_line (node),
                                _("reference annotation without ANNOTATION_REF left out"));
              continue;
            }
        }
      else
        continue;
      g_array_append_val (e->annotations, ann);
      id = tl_xml_attr (node, "ANNOTATION_ID");
      if (id)
        g_hash_table_insert (e->annotation_ids, (gpointer) id, GUINT_TO_POINTER (e->annotations->len));
      tier.n_annotations++;
    }
  g_array_append_val (e->tiers, tier);
}

/* Times of annotation @i: its slots', or those of the annotation it refers
 * to, through chains of references; a reference loop fails. Chains can be
 * as long as the file, so they are followed in a loop, not by recursion:
 * once to their end, marking each step as resolving, then again to hand
 * the outcome to every step. */
static gboolean
resolve (Eaf *e, guint i)
{
  Annotation *ann;
  guint j = i, target;
  gboolean ok;
  gint64 start = TL_TIME_NONE, end = TL_TIME_NONE;

  for (;;)
    {
      ann = &g_array_index (e->annotations, Annotation, j);
      if (ann->state != 0)
        {
          /* done, or failed, or met again on this chain: a loop */
          ok = ann->state == 2;
          break;
        }
      if (ann->ref == NULL)
        {
          ann->start = g_array_index (e->slots, gint64, ann->slot1);
          ann->end = g_array_index (e->slots, gint64, ann->slot2);
          ann->state = 2;
          ok = TRUE;
          break;
        }
      ann->state = 1;
      target = GPOINTER_TO_UINT (g_hash_table_lookup (e->annotation_ids, ann->ref));
      if (target == 0)
        {
          ok = FALSE;
          break;
        }
      j = target - 1;
    }
  if (ok)
    {
      start = ann->start;
      end = ann->end;
    }

  /* the array does not move while resolving: nothing is appended */
  for (j = i;;)
    {
      ann = &g_array_index (e->annotations, Annotation, j);
      if (ann->state != 1)
        break;
      ann->state = ok ? 2 : 3;
      ann->start = start;
      ann->end = end;
      target = GPOINTER_TO_UINT (g_hash_table_lookup (e->annotation_ids, ann->ref));
      if (target == 0)
        break;
      j = target - 1;
    }
  return ok;
}

static TlDocument *
eaf_parse (TlImportContext *ctx, GError **error)
{
  g_autoptr(TlDocument) doc = tl_document_new ("eaf");
  g_autoptr(xmlDoc) xml = NULL;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) slot_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) annotations = g_array_new (FALSE, TRUE, sizeof (Annotation));
  g_autoptr(GHashTable) annotation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) tiers = g_array_new (FALSE, TRUE, sizeof (Tier));
  g_autoptr(GString) raw = g_string_sized_new (256);
  g_autoptr(GString) text = g_string_sized_new (256);
  Eaf e = { doc, slots, slot_ids, annotations, annotation_ids, tiers };
  xmlNode *root;
  guint n_used_tiers = 0;

  xml = tl_xml_read (ctx, error);
  if (xml == NULL)
    return NULL;
  root = xmlDocGetRootElement (xml);
  if (!tl_xml_is (root, "ANNOTATION_DOCUMENT"))
    {
      tl_import_fail (ctx, error, tl_xml_line (root),
                      _("Not an ELAN document: the root element is <%s>, not <ANNOTATION_DOCUMENT>"),
                      tl_xml_local_name (root));
      return NULL;
    }

  /* the time order comes before the tiers, but do not count on it */
  for (xmlNode *child = tl_xml_first_element (root); child != NULL; child = tl_xml_next_element (child))
    if (tl_xml_is (child, "TIME_ORDER"))
      read_time_order (&e, child);
  for (xmlNode *child = tl_xml_first_element (root); child != NULL; child = tl_xml_next_element (child))
    if (tl_xml_is (child, "TIER"))
      read_tier (&e, child);

  for (guint i = 0; i < tiers->len; i++)
    if (g_array_index (tiers, Tier, i).n_annotations > 0)
      n_used_tiers++;

  for (guint i = 0; i < annotations->len; i++)
    {
      const Annotation *ann;
      const Tier *tier;
      TlDocSegment *seg;

      if (!resolve (&e, i))
        {
          ann = &g_array_index (annotations, Annotation, i);
          tl_document_warn (doc, tl_xml_line (ann->node),
                            _("reference to annotation “%s” that cannot be found; left out"), ann->ref);
          continue;
        }
      ann = &g_array_index (annotations, Annotation, i);
      tier = &g_array_index (tiers, Tier, ann->tier);
      g_string_truncate (raw, 0);
      g_string_truncate (text, 0);
      for (xmlNode *v = tl_xml_first_element ((xmlNode *) ann->node); v != NULL; v = tl_xml_next_element (v))
        if (tl_xml_is (v, "ANNOTATION_VALUE"))
          tl_xml_append_text (raw, v);
      tl_text_append_clean (text, raw->str, raw->len);

      seg = tl_document_add_segment (doc, ann->start, ann->end, text->str, text->len);
      seg->line = tl_xml_line (ann->node);
      /* with one tier, its name ("default", "tier1") is nobody's */
      if (n_used_tiers > 1 || tier->has_participant)
        seg->speaker = tier->speaker;
    }

  if (doc->segments->len == 0)
    {
      tl_import_fail (ctx, error, tl_xml_line (root), _("The ELAN document holds no annotations"));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

const TlImporter tl_importer_eaf = {
  .name = "eaf",
  .label = N_("ELAN"),
  .sniff = eaf_sniff,
  .parse = eaf_parse,
};
