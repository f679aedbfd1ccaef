/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-application.c — a candidate in a position's pipeline, as a row of the candidate's pane */
#include "config.h"

#include "sl-application.h"

struct _SlApplication
{
  GObject parent_instance;

  gint64 id;
  gint64 candidate_id;
  gint64 position_id;
  char *position_title;
  char *stage;
  gint64 updated_at;
  char *start_date;
  char *left_at;
  char *left_reason;
};

G_DEFINE_FINAL_TYPE (SlApplication, sl_application, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CANDIDATE_ID,
  PROP_POSITION_ID,
  PROP_POSITION_TITLE,
  PROP_STAGE,
  PROP_UPDATED_AT,
  PROP_START_DATE,
  PROP_LEFT_AT,
  PROP_LEFT_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sl_application_finalize (GObject *object)
{
  SlApplication *self = SL_APPLICATION (object);

  g_free (self->position_title);
  g_free (self->stage);
  g_free (self->start_date);
  g_free (self->left_at);
  g_free (self->left_reason);

  G_OBJECT_CLASS (sl_application_parent_class)->finalize (object);
}

static void
sl_application_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlApplication *self = SL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CANDIDATE_ID:
      g_value_set_int64 (value, self->candidate_id);
      break;
    case PROP_POSITION_ID:
      g_value_set_int64 (value, self->position_id);
      break;
    case PROP_POSITION_TITLE:
      g_value_set_string (value, self->position_title);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_LEFT_AT:
      g_value_set_string (value, self->left_at);
      break;
    case PROP_LEFT_REASON:
      g_value_set_string (value, self->left_reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_application_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SlApplication *self = SL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_CANDIDATE_ID:
      self->candidate_id = g_value_get_int64 (value);
      break;
    case PROP_POSITION_ID:
      self->position_id = g_value_get_int64 (value);
      break;
    case PROP_POSITION_TITLE:
      self->position_title = g_value_dup_string (value);
      break;
    case PROP_STAGE:
      self->stage = g_value_dup_string (value);
      break;
    case PROP_UPDATED_AT:
      self->updated_at = g_value_get_int64 (value);
      break;
    case PROP_START_DATE:
      self->start_date = g_value_dup_string (value);
      break;
    case PROP_LEFT_AT:
      self->left_at = g_value_dup_string (value);
      break;
    case PROP_LEFT_REASON:
      self->left_reason = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_application_class_init (SlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_application_finalize;
  object_class->get_property = sl_application_get_property;
  object_class->set_property = sl_application_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CANDIDATE_ID] =
    g_param_spec_int64 ("candidate-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_POSITION_ID] =
    g_param_spec_int64 ("position-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_POSITION_TITLE] = g_param_spec_string ("position-title", NULL, NULL, NULL, flags);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, flags);
  properties[PROP_LEFT_AT] = g_param_spec_string ("left-at", NULL, NULL, NULL, flags);
  properties[PROP_LEFT_REASON] = g_param_spec_string ("left-reason", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_application_init (SlApplication *self)
{
}

SlApplication *
sl_application_new (gint64 id, gint64 candidate_id, gint64 position_id, const char *position_title,
                    const char *stage, gint64 updated_at, const char *start_date,
                    const char *left_at, const char *left_reason)
{
  return g_object_new (SL_TYPE_APPLICATION, "id", id, "candidate-id", candidate_id, "position-id",
                       position_id, "position-title", position_title, "stage", stage, "updated-at",
                       updated_at, "start-date", start_date, "left-at", left_at, "left-reason",
                       left_reason, NULL);
}

gint64
sl_application_get_id (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), 0);
  return self->id;
}

gint64
sl_application_get_candidate_id (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), 0);
  return self->candidate_id;
}

gint64
sl_application_get_position_id (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), 0);
  return self->position_id;
}

const char *
sl_application_get_position_title (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);
  return self->position_title;
}

const char *
sl_application_get_stage (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);
  return self->stage;
}

gint64
sl_application_get_updated_at (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), 0);
  return self->updated_at;
}

const char *
sl_application_get_start_date (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);
  return self->start_date;
}

const char *
sl_application_get_left_at (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);
  return self->left_at;
}

const char *
sl_application_get_left_reason (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);
  return self->left_reason;
}
