/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-board-card-row.h — one card on the pipeline board: who, from where, how long at this stage */
#pragma once

#include <gtk/gtk.h>

#include "sl-board-card.h"

G_BEGIN_DECLS

#define SL_TYPE_BOARD_CARD_ROW (sl_board_card_row_get_type ())
G_DECLARE_FINAL_TYPE (SlBoardCardRow, sl_board_card_row, SL, BOARD_CARD_ROW, GtkWidget)

SlBoardCardRow *sl_board_card_row_new (void);
SlBoardCard *sl_board_card_row_get_card (SlBoardCardRow *self);
void sl_board_card_row_set_card (SlBoardCardRow *self, SlBoardCard *card);
char *sl_board_card_row_days_in_stage (gint64 since, gint64 now);

G_END_DECLS
