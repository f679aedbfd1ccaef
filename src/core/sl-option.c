/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-option.c — an id with its label, for pickers and filters */
#include "config.h"

#include "sl-option.h"

struct _SlOption
{
  GObject parent_instance;

  char *id;
  char *label;
};

G_DEFINE_FINAL_TYPE (SlOption, sl_option, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sl_option_finalize (GObject *object)
{
  SlOption *self = SL_OPTION (object);

  g_free (self->id);
  g_free (self->label);

  G_OBJECT_CLASS (sl_option_parent_class)->finalize (object);
}

static void
sl_option_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlOption *self = SL_OPTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_option_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SlOption *self = SL_OPTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_option_class_init (SlOptionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_option_finalize;
  object_class->get_property = sl_option_get_property;
  object_class->set_property = sl_option_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_option_init (SlOption *self)
{
}

SlOption *
sl_option_new (const char *id, const char *label)
{
  return g_object_new (SL_TYPE_OPTION, "id", id, "label", label, NULL);
}

const char *
sl_option_get_id (SlOption *self)
{
  g_return_val_if_fail (SL_IS_OPTION (self), NULL);
  return self->id;
}

const char *
sl_option_get_label (SlOption *self)
{
  g_return_val_if_fail (SL_IS_OPTION (self), NULL);
  return self->label;
}
