/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-stage-column.c — a stage as one position's pipeline shows it: its id, its name there, and whether it is hidden */
#include "config.h"

#include "sl-stage-column.h"

struct _SlStageColumn
{
  GObject parent_instance;

  char *id;
  char *name;
  gint64 rank;
  gint64 hidden;
};

G_DEFINE_FINAL_TYPE (SlStageColumn, sl_stage_column, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_RANK,
  PROP_HIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sl_stage_column_finalize (GObject *object)
{
  SlStageColumn *self = SL_STAGE_COLUMN (object);

  g_free (self->id);
  g_free (self->name);

  G_OBJECT_CLASS (sl_stage_column_parent_class)->finalize (object);
}

static void
sl_stage_column_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlStageColumn *self = SL_STAGE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_RANK:
      g_value_set_int64 (value, self->rank);
      break;
    case PROP_HIDDEN:
      g_value_set_int64 (value, self->hidden);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_stage_column_set_property (GObject *object, guint prop_id, const GValue *value,
                              GParamSpec *pspec)
{
  SlStageColumn *self = SL_STAGE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_RANK:
      self->rank = g_value_get_int64 (value);
      break;
    case PROP_HIDDEN:
      self->hidden = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_stage_column_class_init (SlStageColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_stage_column_finalize;
  object_class->get_property = sl_stage_column_get_property;
  object_class->set_property = sl_stage_column_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_RANK] = g_param_spec_int64 ("rank", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_HIDDEN] =
    g_param_spec_int64 ("hidden", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_stage_column_init (SlStageColumn *self)
{
}

SlStageColumn *
sl_stage_column_new (const char *id, const char *name, gint64 rank, gint64 hidden)
{
  return g_object_new (SL_TYPE_STAGE_COLUMN, "id", id, "name", name, "rank", rank, "hidden", hidden,
                       NULL);
}

const char *
sl_stage_column_get_id (SlStageColumn *self)
{
  g_return_val_if_fail (SL_IS_STAGE_COLUMN (self), NULL);
  return self->id;
}

const char *
sl_stage_column_get_name (SlStageColumn *self)
{
  g_return_val_if_fail (SL_IS_STAGE_COLUMN (self), NULL);
  return self->name;
}

gint64
sl_stage_column_get_rank (SlStageColumn *self)
{
  g_return_val_if_fail (SL_IS_STAGE_COLUMN (self), 0);
  return self->rank;
}

gint64
sl_stage_column_get_hidden (SlStageColumn *self)
{
  g_return_val_if_fail (SL_IS_STAGE_COLUMN (self), 0);
  return self->hidden;
}
