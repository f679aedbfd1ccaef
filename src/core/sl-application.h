/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-application.h — a candidate in a position's pipeline, as a row of the candidate's pane */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_TYPE_APPLICATION (sl_application_get_type ())
G_DECLARE_FINAL_TYPE (SlApplication, sl_application, SL, APPLICATION, GObject)

SlApplication *sl_application_new (gint64 id, gint64 candidate_id, gint64 position_id,
                                   const char *position_title, const char *stage, gint64 updated_at,
                                   const char *start_date, const char *left_at,
                                   const char *left_reason);
gint64 sl_application_get_id (SlApplication *self);
gint64 sl_application_get_candidate_id (SlApplication *self);
gint64 sl_application_get_position_id (SlApplication *self);
const char *sl_application_get_position_title (SlApplication *self);
const char *sl_application_get_stage (SlApplication *self);
gint64 sl_application_get_updated_at (SlApplication *self);
const char *sl_application_get_start_date (SlApplication *self);
const char *sl_application_get_left_at (SlApplication *self);
const char *sl_application_get_left_reason (SlApplication *self);

G_END_DECLS
