/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-session.c — one database as this user works on it: its store, the settings, who they are
 *
 * Like GNOME Calendar's GcalContext, the one place the widgets ask "who am I" and reach the
 * settings, instead of each reading GSettings and the team for itself. There is one per open
 * database (the app opens a window per database, each on its own store), so it lives with the
 * store: every widget is given the store it works on, and gets the session from it. It keeps
 * the store's actor (who saved rows say changed them) in step with the member chosen in
 * Preferences, and says when that changes.
 *
 * The member is read each time it is asked for: Preferences may deactivate them or change their
 * role at any moment, and a read is one indexed row.
 *
 * In a team database there is nothing to choose: you are the member you logged in as, which
 * the server says (sl_store_get_actor()), and Preferences' choice is the local files'.
 */
#include "config.h"

#include "sl-session.h"

struct _SlSession
{
  GObject parent_instance;

  SlStore *store; /* not a reference: the store owns its session */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (SlSession, sl_session, G_TYPE_OBJECT)

enum
{
  MEMBER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sl_session_finalize (GObject *object)
{
  SlSession *self = SL_SESSION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (sl_session_parent_class)->finalize (object);
}

static void
sl_session_class_init (SlSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_session_finalize;

  /* Another member was chosen in Preferences (or none) */
  signals[MEMBER_CHANGED] = g_signal_new ("member-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sl_session_init (SlSession *self)
{
}

static void
member_email_changed_cb (SlSession *self)
{
  /* What this user saves from now on says they changed it */
  sl_store_set_actor (self->store, sl_session_get_member_id (self, NULL));
  g_signal_emit (self, signals[MEMBER_CHANGED], 0);
}

/* The session of the database @store is open on, made the first time it is asked for */
SlSession *
sl_session_get (SlStore *store)
{
  SlSession *self;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (store), "sl-session");
  if (self != NULL)
    return self;
  self = g_object_new (SL_TYPE_SESSION, NULL);
  self->store = store;
  self->settings = g_settings_new (BASE_ID);
  g_object_set_data_full (G_OBJECT (store), "sl-session", self, g_object_unref);
  if (sl_session_is_team (self))
    return self;
  g_signal_connect_object (self->settings, "changed::member-email",
                           G_CALLBACK (member_email_changed_cb), self, G_CONNECT_SWAPPED);
  sl_store_set_actor (store, sl_session_get_member_id (self, NULL));
  return self;
}

/* Whether the database is a team's: who you are is then your login */
gboolean
sl_session_is_team (SlSession *self)
{
  g_return_val_if_fail (SL_IS_SESSION (self), FALSE);
  return sl_database_is_team (sl_store_get_database (self->store));
}

SlStore *
sl_session_get_store (SlSession *self)
{
  g_return_val_if_fail (SL_IS_SESSION (self), NULL);
  return self->store;
}

GSettings *
sl_session_get_settings (SlSession *self)
{
  g_return_val_if_fail (SL_IS_SESSION (self), NULL);
  return self->settings;
}

/* The team member the user said they are (Preferences), or NULL; a deactivated member is no
 * one's to act as */
SlMember *
sl_session_dup_member (SlSession *self)
{
  g_autofree char *email = NULL;
  g_autoptr (SlMember) member = NULL;

  g_return_val_if_fail (SL_IS_SESSION (self), NULL);

  if (sl_session_is_team (self))
    {
      gint64 id = sl_store_get_actor (self->store);

      return id > 0 ? sl_store_get_member (self->store, id) : NULL;
    }
  email = g_settings_get_string (self->settings, "member-email");
  if (*email == '\0')
    return NULL;
  member = sl_store_find_member (self->store, email);
  if (member != NULL && !sl_member_get_active (member))
    return NULL;
  return g_steal_pointer (&member);
}

/* The id of the member the user acts as, or 0; @role (if not NULL) gets their role */
gint64
sl_session_get_member_id (SlSession *self, char **role)
{
  g_autoptr (SlMember) member = sl_session_dup_member (self);

  if (role != NULL)
    *role = member ? g_strdup (sl_member_get_role (member)) : NULL;
  return member ? sl_member_get_id (member) : 0;
}
