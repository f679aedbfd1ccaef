/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-session.h — one database as this user works on it: its store, the settings, who they are */
#pragma once

#include <gio/gio.h>

#include "sl-member.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_SESSION (sl_session_get_type ())
G_DECLARE_FINAL_TYPE (SlSession, sl_session, SL, SESSION, GObject)

SlSession *sl_session_get (SlStore *store);
SlStore *sl_session_get_store (SlSession *self);
gboolean sl_session_is_team (SlSession *self);
GSettings *sl_session_get_settings (SlSession *self);
SlMember *sl_session_dup_member (SlSession *self);
gint64 sl_session_get_member_id (SlSession *self, char **role);

G_END_DECLS
