/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate.c — a candidate's profile
 *
 * The text fields share one array and one property setter; every setter notifies only when the
 * value changes, so a form bound to the candidate does not save on its own echo.
 */
#include "config.h"

#include "sl-candidate.h"

struct _SlCandidate
{
  GObject parent_instance;

  gint64 id;
  char *texts[SL_CANDIDATE_N_TEXTS];
  double years_experience; /* < 0: unknown */
  double expected_rate;    /* < 0: unknown */
  gint64 consent_at;       /* 0: not given */
  gint64 created_at;
  gint64 updated_at;
  char **skills;
};

G_DEFINE_FINAL_TYPE (SlCandidate, sl_candidate, G_TYPE_OBJECT)

enum
{
  PROP_0,
  /* PROP_0 + 1 … SL_CANDIDATE_N_TEXTS are the text fields */
  PROP_ID = SL_CANDIDATE_N_TEXTS + 1,
  PROP_YEARS_EXPERIENCE,
  PROP_EXPECTED_RATE,
  PROP_CONSENT_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_SKILLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static int n_instances;

static const char *text_names[SL_CANDIDATE_N_TEXTS] = {
  "name",          "email",     "phone", "country",         "city",     "timezone",
  "english-level", "seniority", "stack", "employment-type", "currency", "rate-period",
  "availability",  "source",    "links", "notes",           "stage",    "stack-name",
};

const char *
sl_candidate_text_property_name (SlCandidateText field)
{
  g_return_val_if_fail (field < SL_CANDIDATE_N_TEXTS, NULL);
  return text_names[field];
}

static void
sl_candidate_finalize (GObject *object)
{
  SlCandidate *self = SL_CANDIDATE (object);

  for (guint i = 0; i < SL_CANDIDATE_N_TEXTS; i++)
    g_free (self->texts[i]);
  g_strfreev (self->skills);
  g_atomic_int_add (&n_instances, -1);

  G_OBJECT_CLASS (sl_candidate_parent_class)->finalize (object);
}

static void
sl_candidate_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlCandidate *self = SL_CANDIDATE (object);

  if (prop_id >= 1 && prop_id <= SL_CANDIDATE_N_TEXTS)
    {
      g_value_set_string (value, sl_candidate_get_text (self, prop_id - 1));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_YEARS_EXPERIENCE:
      g_value_set_double (value, self->years_experience);
      break;
    case PROP_EXPECTED_RATE:
      g_value_set_double (value, self->expected_rate);
      break;
    case PROP_CONSENT_AT:
      g_value_set_int64 (value, self->consent_at);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_SKILLS:
      g_value_set_boxed (value, self->skills);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_candidate_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SlCandidate *self = SL_CANDIDATE (object);

  if (prop_id >= 1 && prop_id <= SL_CANDIDATE_N_TEXTS)
    {
      sl_candidate_set_text (self, prop_id - 1, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_ID:
      sl_candidate_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_YEARS_EXPERIENCE:
      sl_candidate_set_years_experience (self, g_value_get_double (value));
      break;
    case PROP_EXPECTED_RATE:
      sl_candidate_set_expected_rate (self, g_value_get_double (value));
      break;
    case PROP_CONSENT_AT:
      sl_candidate_set_consent_at (self, g_value_get_int64 (value));
      break;
    case PROP_CREATED_AT:
      sl_candidate_set_created_at (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      sl_candidate_set_updated_at (self, g_value_get_int64 (value));
      break;
    case PROP_SKILLS:
      sl_candidate_set_skills (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_candidate_class_init (SlCandidateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sl_candidate_finalize;
  object_class->get_property = sl_candidate_get_property;
  object_class->set_property = sl_candidate_set_property;

  for (guint i = 0; i < SL_CANDIDATE_N_TEXTS; i++)
    properties[i + 1] = g_param_spec_string (text_names[i], NULL, NULL, "", flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_YEARS_EXPERIENCE] =
    g_param_spec_double ("years-experience", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_EXPECTED_RATE] =
    g_param_spec_double ("expected-rate", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_CONSENT_AT] =
    g_param_spec_int64 ("consent-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SKILLS] = g_param_spec_boxed ("skills", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_candidate_init (SlCandidate *self)
{
  self->years_experience = -1;
  self->expected_rate = -1;
  g_atomic_int_inc (&n_instances);
}

SlCandidate *
sl_candidate_new (void)
{
  return g_object_new (SL_TYPE_CANDIDATE, NULL);
}

/* How many candidate objects are alive: tests use it to prove lists stay lazy */
guint
sl_candidate_get_n_instances (void)
{
  return (guint) g_atomic_int_get (&n_instances);
}

gint64
sl_candidate_get_id (SlCandidate *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE (self), 0);
  return self->id;
}

void
sl_candidate_set_id (SlCandidate *self, gint64 id)
{
  g_return_if_fail (SL_IS_CANDIDATE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sl_candidate_get_text (SlCandidate *self, SlCandidateText field)
{
  g_return_val_if_fail (SL_IS_CANDIDATE (self), NULL);
  g_return_val_if_fail (field < SL_CANDIDATE_N_TEXTS, NULL);
  return self->texts[field] ? self->texts[field] : "";
}

void
sl_candidate_set_text (SlCandidate *self, SlCandidateText field, const char *value)
{
  g_return_if_fail (SL_IS_CANDIDATE (self));
  g_return_if_fail (field < SL_CANDIDATE_N_TEXTS);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (sl_candidate_get_text (self, field), value) == 0)
    return;
  g_free (self->texts[field]);
  self->texts[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

const char *
sl_candidate_get_name (SlCandidate *self)
{
  return sl_candidate_get_text (self, SL_CANDIDATE_NAME);
}

void
sl_candidate_set_name (SlCandidate *self, const char *name)
{
  sl_candidate_set_text (self, SL_CANDIDATE_NAME, name);
}

static void
set_double (SlCandidate *self, double *field, double value, guint prop)
{
  if (value < 0)
    value = -1;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int64 (SlCandidate *self, gint64 *field, gint64 value, guint prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

double
sl_candidate_get_years_experience (SlCandidate *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE (self), -1);
  return self->years_experience;
}

void
sl_candidate_set_years_experience (SlCandidate *self, double years)
{
  g_return_if_fail (SL_IS_CANDIDATE (self));
  set_double (self, &self->years_experience, years, PROP_YEARS_EXPERIENCE);
}

double
sl_candidate_get_expected_rate (SlCandidate *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE (self), -1);
  return self->expected_rate;
}

void
sl_candidate_set_expected_rate (SlCandidate *self, double rate)
{
  g_return_if_fail (SL_IS_CANDIDATE (self));
  set_double (self, &self->expected_rate, rate, PROP_EXPECTED_RATE);
}

gint64
sl_candidate_get_consent_at (SlCandidate *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE (self), 0);
  return self->consent_at;
}

void
sl_candidate_set_consent_at (SlCandidate *self, gint64 unix_time)
{
  g_return_if_fail (SL_IS_CANDIDATE (self));
  set_int64 (self, &self->consent_at, unix_time, PROP_CONSENT_AT);
}

gint64
sl_candidate_get_created_at (SlCandidate *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE (self), 0);
  return self->created_at;
}

void
sl_candidate_set_created_at (SlCandidate *self, gint64 unix_time)
{
  g_return_if_fail (SL_IS_CANDIDATE (self));
  set_int64 (self, &self->created_at, unix_time, PROP_CREATED_AT);
}

gint64
sl_candidate_get_updated_at (SlCandidate *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE (self), 0);
  return self->updated_at;
}

void
sl_candidate_set_updated_at (SlCandidate *self, gint64 unix_time)
{
  g_return_if_fail (SL_IS_CANDIDATE (self));
  set_int64 (self, &self->updated_at, unix_time, PROP_UPDATED_AT);
}

const char *const *
sl_candidate_get_skills (SlCandidate *self)
{
  static const char *const empty[] = { NULL };

  g_return_val_if_fail (SL_IS_CANDIDATE (self), NULL);
  return self->skills ? (const char *const *) self->skills : empty;
}

void
sl_candidate_set_skills (SlCandidate *self, const char *const *skills)
{
  g_return_if_fail (SL_IS_CANDIDATE (self));

  if (g_strv_equal (sl_candidate_get_skills (self),
                    skills ? skills : (const char *const[]){ NULL }))
    return;
  g_strfreev (self->skills);
  self->skills = g_strdupv ((char **) skills);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILLS]);
}

/* @row borrows @candidate's values: it is valid while @candidate is not changed */
void
sl_candidate_record_init (SlCandidateRecord *row, SlCandidate *candidate)
{
  static const char *const no_skills[] = { NULL };
  const char *const *skills;

  g_return_if_fail (SL_IS_CANDIDATE (candidate));

  row->id = sl_candidate_get_id (candidate);
  for (guint i = 0; i < SL_CANDIDATE_N_TEXTS; i++)
    row->texts[i] = sl_candidate_get_text (candidate, i);
  row->years_experience = sl_candidate_get_years_experience (candidate);
  row->expected_rate = sl_candidate_get_expected_rate (candidate);
  row->consent_at = sl_candidate_get_consent_at (candidate);
  row->created_at = sl_candidate_get_created_at (candidate);
  row->updated_at = sl_candidate_get_updated_at (candidate);
  skills = sl_candidate_get_skills (candidate);
  row->skills = skills != NULL ? skills : no_skills;
}
