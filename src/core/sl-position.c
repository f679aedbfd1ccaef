/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-position.c — a job opening: what is hired, for whom, and its approved description
 *
 * Like SlCandidate, the text fields share one array and one setter that notifies only on
 * change. The per-stage counts are filled by the store's list query and read by the views.
 */
#include "config.h"

#include "sl-position.h"

struct _SlPosition
{
  GObject parent_instance;

  gint64 id;
  char *texts[SL_POSITION_N_TEXTS];
  int headcount;
  double rate_min; /* < 0: not set */
  double rate_max;
  gint64 approved_by;
  gint64 approved_at;
  char **countries;
  char **skills;
  GHashTable *counts; /* stage id → count of active applications */
};

G_DEFINE_FINAL_TYPE (SlPosition, sl_position, G_TYPE_OBJECT)

enum
{
  PROP_0,
  /* 1 … SL_POSITION_N_TEXTS are the text fields */
  PROP_ID = SL_POSITION_N_TEXTS + 1,
  PROP_HEADCOUNT,
  PROP_RATE_MIN,
  PROP_RATE_MAX,
  PROP_APPROVED_BY,
  PROP_APPROVED_AT,
  PROP_COUNTRIES,
  PROP_SKILLS,
  PROP_COUNTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *text_names[SL_POSITION_N_TEXTS] = {
  "title",        "client",           "seniority",   "stack",  "employment-type",
  "contract-end", "currency",         "rate-period", "status", "kickoff-notes",
  "description",  "approved-by-name", "stack-name",
};

static void
sl_position_finalize (GObject *object)
{
  SlPosition *self = SL_POSITION (object);

  for (guint i = 0; i < SL_POSITION_N_TEXTS; i++)
    g_free (self->texts[i]);
  g_strfreev (self->countries);
  g_strfreev (self->skills);
  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (sl_position_parent_class)->finalize (object);
}

static void
sl_position_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlPosition *self = SL_POSITION (object);

  if (prop_id >= 1 && prop_id <= SL_POSITION_N_TEXTS)
    {
      g_value_set_string (value, sl_position_get_text (self, prop_id - 1));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_HEADCOUNT:
      g_value_set_int (value, self->headcount);
      break;
    case PROP_RATE_MIN:
      g_value_set_double (value, self->rate_min);
      break;
    case PROP_RATE_MAX:
      g_value_set_double (value, self->rate_max);
      break;
    case PROP_APPROVED_BY:
      g_value_set_int64 (value, self->approved_by);
      break;
    case PROP_APPROVED_AT:
      g_value_set_int64 (value, self->approved_at);
      break;
    case PROP_COUNTRIES:
      g_value_set_boxed (value, self->countries);
      break;
    case PROP_SKILLS:
      g_value_set_boxed (value, self->skills);
      break;
    case PROP_COUNTS:
      g_value_set_boxed (value, self->counts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_position_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SlPosition *self = SL_POSITION (object);

  if (prop_id >= 1 && prop_id <= SL_POSITION_N_TEXTS)
    {
      sl_position_set_text (self, prop_id - 1, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID:
      sl_position_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_HEADCOUNT:
      sl_position_set_headcount (self, g_value_get_int (value));
      break;
    case PROP_RATE_MIN:
      sl_position_set_rate_min (self, g_value_get_double (value));
      break;
    case PROP_RATE_MAX:
      sl_position_set_rate_max (self, g_value_get_double (value));
      break;
    case PROP_APPROVED_BY:
      sl_position_set_approved_by (self, g_value_get_int64 (value));
      break;
    case PROP_APPROVED_AT:
      sl_position_set_approved_at (self, g_value_get_int64 (value));
      break;
    case PROP_COUNTRIES:
      sl_position_set_countries (self, g_value_get_boxed (value));
      break;
    case PROP_SKILLS:
      sl_position_set_skills (self, g_value_get_boxed (value));
      break;
    case PROP_COUNTS:
      sl_position_set_counts (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_position_class_init (SlPositionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sl_position_finalize;
  object_class->get_property = sl_position_get_property;
  object_class->set_property = sl_position_set_property;

  for (guint i = 0; i < SL_POSITION_N_TEXTS; i++)
    properties[i + 1] = g_param_spec_string (text_names[i], NULL, NULL, "", flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HEADCOUNT] = g_param_spec_int ("headcount", NULL, NULL, 1, 1000, 1, flags);
  properties[PROP_RATE_MIN] =
    g_param_spec_double ("rate-min", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_RATE_MAX] =
    g_param_spec_double ("rate-max", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_APPROVED_BY] =
    g_param_spec_int64 ("approved-by", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_APPROVED_AT] =
    g_param_spec_int64 ("approved-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_COUNTRIES] = g_param_spec_boxed ("countries", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SKILLS] = g_param_spec_boxed ("skills", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_COUNTS] = g_param_spec_boxed ("counts", NULL, NULL, G_TYPE_HASH_TABLE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_position_init (SlPosition *self)
{
  self->headcount = 1;
  self->rate_min = -1;
  self->rate_max = -1;
  self->texts[SL_POSITION_STATUS] = g_strdup ("kickoff");
}

SlPosition *
sl_position_new (void)
{
  return g_object_new (SL_TYPE_POSITION, NULL);
}

gint64
sl_position_get_id (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), 0);
  return self->id;
}

void
sl_position_set_id (SlPosition *self, gint64 id)
{
  g_return_if_fail (SL_IS_POSITION (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sl_position_get_text (SlPosition *self, SlPositionText field)
{
  g_return_val_if_fail (SL_IS_POSITION (self), NULL);
  g_return_val_if_fail (field < SL_POSITION_N_TEXTS, NULL);
  return self->texts[field] ? self->texts[field] : "";
}

void
sl_position_set_text (SlPosition *self, SlPositionText field, const char *value)
{
  g_return_if_fail (SL_IS_POSITION (self));
  g_return_if_fail (field < SL_POSITION_N_TEXTS);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (sl_position_get_text (self, field), value) == 0)
    return;
  g_free (self->texts[field]);
  self->texts[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

const char *
sl_position_get_title (SlPosition *self)
{
  return sl_position_get_text (self, SL_POSITION_TITLE);
}

const char *
sl_position_get_status (SlPosition *self)
{
  return sl_position_get_text (self, SL_POSITION_STATUS);
}

int
sl_position_get_headcount (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), 1);
  return self->headcount;
}

void
sl_position_set_headcount (SlPosition *self, int headcount)
{
  g_return_if_fail (SL_IS_POSITION (self));
  headcount = CLAMP (headcount, 1, 1000);
  if (self->headcount == headcount)
    return;
  self->headcount = headcount;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADCOUNT]);
}

static void
set_rate (SlPosition *self, double *field, double value, guint prop)
{
  if (value < 0)
    value = -1;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

double
sl_position_get_rate_min (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), -1);
  return self->rate_min;
}

void
sl_position_set_rate_min (SlPosition *self, double rate)
{
  g_return_if_fail (SL_IS_POSITION (self));
  set_rate (self, &self->rate_min, rate, PROP_RATE_MIN);
}

double
sl_position_get_rate_max (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), -1);
  return self->rate_max;
}

void
sl_position_set_rate_max (SlPosition *self, double rate)
{
  g_return_if_fail (SL_IS_POSITION (self));
  set_rate (self, &self->rate_max, rate, PROP_RATE_MAX);
}

gint64
sl_position_get_approved_by (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), 0);
  return self->approved_by;
}

void
sl_position_set_approved_by (SlPosition *self, gint64 member_id)
{
  g_return_if_fail (SL_IS_POSITION (self));
  if (self->approved_by == member_id)
    return;
  self->approved_by = member_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED_BY]);
}

gint64
sl_position_get_approved_at (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), 0);
  return self->approved_at;
}

void
sl_position_set_approved_at (SlPosition *self, gint64 unix_time)
{
  g_return_if_fail (SL_IS_POSITION (self));
  if (self->approved_at == unix_time)
    return;
  self->approved_at = unix_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED_AT]);
}

gboolean
sl_position_is_approved (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), FALSE);
  return self->approved_at > 0;
}

static const char *const empty_strv[] = { NULL };

static void
set_strv (SlPosition *self, char ***field, const char *const *value, guint prop)
{
  if (g_strv_equal (*field ? (const char *const *) *field : empty_strv, value ? value : empty_strv))
    return;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *const *
sl_position_get_countries (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), NULL);
  return self->countries ? (const char *const *) self->countries : empty_strv;
}

void
sl_position_set_countries (SlPosition *self, const char *const *countries)
{
  g_return_if_fail (SL_IS_POSITION (self));
  set_strv (self, &self->countries, countries, PROP_COUNTRIES);
}

const char *const *
sl_position_get_skills (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), NULL);
  return self->skills ? (const char *const *) self->skills : empty_strv;
}

void
sl_position_set_skills (SlPosition *self, const char *const *skills)
{
  g_return_if_fail (SL_IS_POSITION (self));
  set_strv (self, &self->skills, skills, PROP_SKILLS);
}

GHashTable *
sl_position_get_counts (SlPosition *self)
{
  g_return_val_if_fail (SL_IS_POSITION (self), NULL);
  return self->counts;
}

void
sl_position_set_counts (SlPosition *self, GHashTable *counts)
{
  g_return_if_fail (SL_IS_POSITION (self));
  if (self->counts == counts)
    return;
  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = counts ? g_hash_table_ref (counts) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTS]);
}

/* Active applications of this position at @stage, as of the last list query */
guint
sl_position_get_count (SlPosition *self, const char *stage)
{
  g_return_val_if_fail (SL_IS_POSITION (self), 0);
  if (self->counts == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, stage));
}
