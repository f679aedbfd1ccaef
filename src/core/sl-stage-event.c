/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-stage-event.c — one move of an application between stages: from, to, when, by whom, why
 *
 * Why is two things: the reason chosen from the app's list when an application ends (its id,
 * shown in the reader's language) and the details typed by hand, on any move.
 */
#include "config.h"

#include "sl-stage-event.h"
#include "sl-vocab.h"

struct _SlStageEvent
{
  GObject parent_instance;

  gint64 id;
  gint64 application_id;
  char *from_stage;
  char *to_stage;
  gint64 at;
  char *by_name;
  char *reason_id;
  char *reason;
};

G_DEFINE_FINAL_TYPE (SlStageEvent, sl_stage_event, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_APPLICATION_ID,
  PROP_FROM_STAGE,
  PROP_TO_STAGE,
  PROP_AT,
  PROP_BY_NAME,
  PROP_REASON_ID,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sl_stage_event_finalize (GObject *object)
{
  SlStageEvent *self = SL_STAGE_EVENT (object);

  g_free (self->from_stage);
  g_free (self->to_stage);
  g_free (self->by_name);
  g_free (self->reason_id);
  g_free (self->reason);

  G_OBJECT_CLASS (sl_stage_event_parent_class)->finalize (object);
}

static void
sl_stage_event_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlStageEvent *self = SL_STAGE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_APPLICATION_ID:
      g_value_set_int64 (value, self->application_id);
      break;
    case PROP_FROM_STAGE:
      g_value_set_string (value, self->from_stage);
      break;
    case PROP_TO_STAGE:
      g_value_set_string (value, self->to_stage);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case PROP_BY_NAME:
      g_value_set_string (value, self->by_name);
      break;
    case PROP_REASON_ID:
      g_value_set_string (value, self->reason_id);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_stage_event_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SlStageEvent *self = SL_STAGE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_APPLICATION_ID:
      self->application_id = g_value_get_int64 (value);
      break;
    case PROP_FROM_STAGE:
      self->from_stage = g_value_dup_string (value);
      break;
    case PROP_TO_STAGE:
      self->to_stage = g_value_dup_string (value);
      break;
    case PROP_AT:
      self->at = g_value_get_int64 (value);
      break;
    case PROP_BY_NAME:
      self->by_name = g_value_dup_string (value);
      break;
    case PROP_REASON_ID:
      self->reason_id = g_value_dup_string (value);
      break;
    case PROP_REASON:
      self->reason = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_stage_event_class_init (SlStageEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_stage_event_finalize;
  object_class->get_property = sl_stage_event_get_property;
  object_class->set_property = sl_stage_event_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_APPLICATION_ID] =
    g_param_spec_int64 ("application-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_FROM_STAGE] = g_param_spec_string ("from-stage", NULL, NULL, NULL, flags);
  properties[PROP_TO_STAGE] = g_param_spec_string ("to-stage", NULL, NULL, NULL, flags);
  properties[PROP_AT] = g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_BY_NAME] = g_param_spec_string ("by-name", NULL, NULL, NULL, flags);
  properties[PROP_REASON_ID] = g_param_spec_string ("reason-id", NULL, NULL, NULL, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_stage_event_init (SlStageEvent *self)
{
}

SlStageEvent *
sl_stage_event_new (gint64 id, gint64 application_id, const char *from_stage, const char *to_stage,
                    gint64 at, const char *by_name, const char *reason_id, const char *reason)
{
  return g_object_new (SL_TYPE_STAGE_EVENT, "id", id, "application-id", application_id,
                       "from-stage", from_stage, "to-stage", to_stage, "at", at, "by-name", by_name,
                       "reason-id", reason_id, "reason", reason, NULL);
}

gint64
sl_stage_event_get_id (SlStageEvent *self)
{
  g_return_val_if_fail (SL_IS_STAGE_EVENT (self), 0);
  return self->id;
}

gint64
sl_stage_event_get_application_id (SlStageEvent *self)
{
  g_return_val_if_fail (SL_IS_STAGE_EVENT (self), 0);
  return self->application_id;
}

const char *
sl_stage_event_get_from_stage (SlStageEvent *self)
{
  g_return_val_if_fail (SL_IS_STAGE_EVENT (self), NULL);
  return self->from_stage;
}

const char *
sl_stage_event_get_to_stage (SlStageEvent *self)
{
  g_return_val_if_fail (SL_IS_STAGE_EVENT (self), NULL);
  return self->to_stage;
}

gint64
sl_stage_event_get_at (SlStageEvent *self)
{
  g_return_val_if_fail (SL_IS_STAGE_EVENT (self), 0);
  return self->at;
}

const char *
sl_stage_event_get_by_name (SlStageEvent *self)
{
  g_return_val_if_fail (SL_IS_STAGE_EVENT (self), NULL);
  return self->by_name;
}

/* The id of the reason chosen from the list, for a rejection or withdrawal; NULL if none was */
const char *
sl_stage_event_get_reason_id (SlStageEvent *self)
{
  g_return_val_if_fail (SL_IS_STAGE_EVENT (self), NULL);
  return self->reason_id;
}

/* The details typed by hand, if any */
const char *
sl_stage_event_get_reason (SlStageEvent *self)
{
  g_return_val_if_fail (SL_IS_STAGE_EVENT (self), NULL);
  return self->reason;
}

/* The reason as the reader sees it: the chosen one in their language, then the details */
char *
sl_stage_event_dup_reason_text (SlStageEvent *self)
{
  g_return_val_if_fail (SL_IS_STAGE_EVENT (self), NULL);
  return sl_vocab_reason_text (self->to_stage, self->reason_id, self->reason);
}
