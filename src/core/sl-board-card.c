/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-board-card.c — one application on a position's board: who, from where, and how long at this stage */
#include "config.h"

#include "sl-board-card.h"

struct _SlBoardCard
{
  GObject parent_instance;

  gint64 application_id;
  gint64 candidate_id;
  char *name;
  char *country;
  char *seniority;
  char *stage;
  gint64 since;
};

G_DEFINE_FINAL_TYPE (SlBoardCard, sl_board_card, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_APPLICATION_ID,
  PROP_CANDIDATE_ID,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_SENIORITY,
  PROP_STAGE,
  PROP_SINCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sl_board_card_finalize (GObject *object)
{
  SlBoardCard *self = SL_BOARD_CARD (object);

  g_free (self->name);
  g_free (self->country);
  g_free (self->seniority);
  g_free (self->stage);

  G_OBJECT_CLASS (sl_board_card_parent_class)->finalize (object);
}

static void
sl_board_card_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlBoardCard *self = SL_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_APPLICATION_ID:
      g_value_set_int64 (value, self->application_id);
      break;
    case PROP_CANDIDATE_ID:
      g_value_set_int64 (value, self->candidate_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_SENIORITY:
      g_value_set_string (value, self->seniority);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_SINCE:
      g_value_set_int64 (value, self->since);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_board_card_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SlBoardCard *self = SL_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_APPLICATION_ID:
      self->application_id = g_value_get_int64 (value);
      break;
    case PROP_CANDIDATE_ID:
      self->candidate_id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_COUNTRY:
      self->country = g_value_dup_string (value);
      break;
    case PROP_SENIORITY:
      self->seniority = g_value_dup_string (value);
      break;
    case PROP_STAGE:
      self->stage = g_value_dup_string (value);
      break;
    case PROP_SINCE:
      self->since = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_board_card_class_init (SlBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_board_card_finalize;
  object_class->get_property = sl_board_card_get_property;
  object_class->set_property = sl_board_card_set_property;

  properties[PROP_APPLICATION_ID] =
    g_param_spec_int64 ("application-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CANDIDATE_ID] =
    g_param_spec_int64 ("candidate-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_SENIORITY] = g_param_spec_string ("seniority", NULL, NULL, NULL, flags);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, NULL, flags);
  properties[PROP_SINCE] =
    g_param_spec_int64 ("since", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_board_card_init (SlBoardCard *self)
{
}

SlBoardCard *
sl_board_card_new (gint64 application_id, gint64 candidate_id, const char *name,
                   const char *country, const char *seniority, const char *stage, gint64 since)
{
  return g_object_new (SL_TYPE_BOARD_CARD, "application-id", application_id, "candidate-id",
                       candidate_id, "name", name, "country", country, "seniority", seniority,
                       "stage", stage, "since", since, NULL);
}

gint64
sl_board_card_get_application_id (SlBoardCard *self)
{
  g_return_val_if_fail (SL_IS_BOARD_CARD (self), 0);
  return self->application_id;
}

gint64
sl_board_card_get_candidate_id (SlBoardCard *self)
{
  g_return_val_if_fail (SL_IS_BOARD_CARD (self), 0);
  return self->candidate_id;
}

const char *
sl_board_card_get_name (SlBoardCard *self)
{
  g_return_val_if_fail (SL_IS_BOARD_CARD (self), NULL);
  return self->name;
}

const char *
sl_board_card_get_country (SlBoardCard *self)
{
  g_return_val_if_fail (SL_IS_BOARD_CARD (self), NULL);
  return self->country;
}

const char *
sl_board_card_get_seniority (SlBoardCard *self)
{
  g_return_val_if_fail (SL_IS_BOARD_CARD (self), NULL);
  return self->seniority;
}

const char *
sl_board_card_get_stage (SlBoardCard *self)
{
  g_return_val_if_fail (SL_IS_BOARD_CARD (self), NULL);
  return self->stage;
}

gint64
sl_board_card_get_since (SlBoardCard *self)
{
  g_return_val_if_fail (SL_IS_BOARD_CARD (self), 0);
  return self->since;
}
