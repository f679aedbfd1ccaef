/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-stage-column.h — a stage as one position's pipeline shows it: its id, its name there, and whether it is hidden */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_TYPE_STAGE_COLUMN (sl_stage_column_get_type ())
G_DECLARE_FINAL_TYPE (SlStageColumn, sl_stage_column, SL, STAGE_COLUMN, GObject)

SlStageColumn *sl_stage_column_new (const char *id, const char *name, gint64 rank, gint64 hidden);
const char *sl_stage_column_get_id (SlStageColumn *self);
const char *sl_stage_column_get_name (SlStageColumn *self);
gint64 sl_stage_column_get_rank (SlStageColumn *self);
gint64 sl_stage_column_get_hidden (SlStageColumn *self);

G_END_DECLS
