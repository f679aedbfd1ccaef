/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-positions-page.h — the Positions view: every position beside the selected one's editor and board */
#pragma once

#include <adwaita.h>

#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_POSITIONS_PAGE (sl_positions_page_get_type ())
G_DECLARE_FINAL_TYPE (SlPositionsPage, sl_positions_page, SL, POSITIONS_PAGE, GtkWidget)

void sl_positions_page_set_store (SlPositionsPage *self, SlStore *store);
GListModel *sl_positions_page_get_positions (SlPositionsPage *self);
gboolean sl_positions_page_is_busy (SlPositionsPage *self);
gboolean sl_positions_page_select (SlPositionsPage *self, gint64 position_id);
void sl_positions_page_show_board (SlPositionsPage *self);

gboolean sl_positions_page_list_is_shown (SlPositionsPage *self);

G_END_DECLS
