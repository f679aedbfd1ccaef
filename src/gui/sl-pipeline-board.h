/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-pipeline-board.h — a position's pipeline as columns of cards, moved by drag and drop or keys */
#pragma once

#include <gtk/gtk.h>

#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_PIPELINE_BOARD (sl_pipeline_board_get_type ())
G_DECLARE_FINAL_TYPE (SlPipelineBoard, sl_pipeline_board, SL, PIPELINE_BOARD, GtkWidget)

SlPipelineBoard *sl_pipeline_board_new (void);
void sl_pipeline_board_set_position (SlPipelineBoard *self, SlStore *store, gint64 position_id,
                                     gint64 member_id);
gint64 sl_pipeline_board_get_position_id (SlPipelineBoard *self);
gboolean sl_pipeline_board_is_busy (SlPipelineBoard *self);
guint sl_pipeline_board_get_count (SlPipelineBoard *self, const char *stage);
gboolean sl_pipeline_board_select (SlPipelineBoard *self, gint64 application_id);
gint64 sl_pipeline_board_get_selected (SlPipelineBoard *self);
gboolean sl_pipeline_board_move_selected (SlPipelineBoard *self, int direction);
gboolean sl_pipeline_board_move_to (SlPipelineBoard *self, gint64 application_id,
                                    const char *stage);

G_END_DECLS
