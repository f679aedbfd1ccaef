/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-member.c — a team member: recruiter, interviewer, hiring lead or admin */
#include "config.h"

#include "sl-member.h"

struct _SlMember
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *email;
  char *role;
  gboolean inactive; /* deactivated (schema 7) */
};

G_DEFINE_FINAL_TYPE (SlMember, sl_member, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sl_member_finalize (GObject *object)
{
  SlMember *self = SL_MEMBER (object);

  g_free (self->name);
  g_free (self->email);
  g_free (self->role);

  G_OBJECT_CLASS (sl_member_parent_class)->finalize (object);
}

static void
sl_member_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlMember *self = SL_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_member_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SlMember *self = SL_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_EMAIL:
      self->email = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      self->role = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_member_class_init (SlMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_member_finalize;
  object_class->get_property = sl_member_get_property;
  object_class->set_property = sl_member_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_member_init (SlMember *self)
{
}

SlMember *
sl_member_new (gint64 id, const char *name, const char *email, const char *role)
{
  return g_object_new (SL_TYPE_MEMBER, "id", id, "name", name, "email", email, "role", role, NULL);
}

gint64
sl_member_get_id (SlMember *self)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), 0);
  return self->id;
}

const char *
sl_member_get_name (SlMember *self)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), NULL);
  return self->name;
}

const char *
sl_member_get_email (SlMember *self)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), NULL);
  return self->email;
}

const char *
sl_member_get_role (SlMember *self)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), NULL);
  return self->role;
}

/* A deactivated member keeps their name in history, timelines and reports, but is not offered
 * as an interviewer and cannot be chosen as who you are */
gboolean
sl_member_get_active (SlMember *self)
{
  g_return_val_if_fail (SL_IS_MEMBER (self), FALSE);
  return !self->inactive;
}

void
sl_member_set_active (SlMember *self, gboolean active)
{
  g_return_if_fail (SL_IS_MEMBER (self));
  self->inactive = !active;
}
