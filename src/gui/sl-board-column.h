/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-board-column.h — one stage on the pipeline board: its name, its count and its cards */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SL_TYPE_BOARD_COLUMN (sl_board_column_get_type ())
G_DECLARE_FINAL_TYPE (SlBoardColumn, sl_board_column, SL, BOARD_COLUMN, GtkWidget)

SlBoardColumn *sl_board_column_new (const char *stage, const char *name);
const char *sl_board_column_get_stage (SlBoardColumn *self);
GtkWidget *sl_board_column_get_header (SlBoardColumn *self);
void sl_board_column_set_name (SlBoardColumn *self, const char *name);
void sl_board_column_update (SlBoardColumn *self, GListModel *cards);
guint sl_board_column_get_count (SlBoardColumn *self);
int sl_board_column_find (SlBoardColumn *self, gint64 application_id);
gboolean sl_board_column_has_candidate (SlBoardColumn *self, gint64 candidate_id);
gint64 sl_board_column_get_selected (SlBoardColumn *self);
void sl_board_column_select (SlBoardColumn *self, guint position, gboolean focus);
void sl_board_column_unselect (SlBoardColumn *self);
void sl_board_column_move_card (SlBoardColumn *self, guint position, SlBoardColumn *target);

G_END_DECLS
