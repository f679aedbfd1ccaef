/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-member.h — a team member: recruiter, interviewer, hiring lead or admin */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_TYPE_MEMBER (sl_member_get_type ())
G_DECLARE_FINAL_TYPE (SlMember, sl_member, SL, MEMBER, GObject)

SlMember *sl_member_new (gint64 id, const char *name, const char *email, const char *role);
gint64 sl_member_get_id (SlMember *self);
const char *sl_member_get_name (SlMember *self);
const char *sl_member_get_email (SlMember *self);
const char *sl_member_get_role (SlMember *self);
gboolean sl_member_get_active (SlMember *self);
void sl_member_set_active (SlMember *self, gboolean active);

G_END_DECLS
