/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-stage-event.h — one move of an application between stages: from, to, when, by whom, why */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_TYPE_STAGE_EVENT (sl_stage_event_get_type ())
G_DECLARE_FINAL_TYPE (SlStageEvent, sl_stage_event, SL, STAGE_EVENT, GObject)

SlStageEvent *sl_stage_event_new (gint64 id, gint64 application_id, const char *from_stage,
                                  const char *to_stage, gint64 at, const char *by_name,
                                  const char *reason_id, const char *reason);
gint64 sl_stage_event_get_id (SlStageEvent *self);
gint64 sl_stage_event_get_application_id (SlStageEvent *self);
const char *sl_stage_event_get_from_stage (SlStageEvent *self);
const char *sl_stage_event_get_to_stage (SlStageEvent *self);
gint64 sl_stage_event_get_at (SlStageEvent *self);
const char *sl_stage_event_get_by_name (SlStageEvent *self);
const char *sl_stage_event_get_reason_id (SlStageEvent *self);
const char *sl_stage_event_get_reason (SlStageEvent *self);
char *sl_stage_event_dup_reason_text (SlStageEvent *self);

G_END_DECLS
