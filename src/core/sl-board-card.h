/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-board-card.h — one application on a position's board: who, from where, and how long at this stage */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_TYPE_BOARD_CARD (sl_board_card_get_type ())
G_DECLARE_FINAL_TYPE (SlBoardCard, sl_board_card, SL, BOARD_CARD, GObject)

SlBoardCard *sl_board_card_new (gint64 application_id, gint64 candidate_id, const char *name,
                                const char *country, const char *seniority, const char *stage,
                                gint64 since);
gint64 sl_board_card_get_application_id (SlBoardCard *self);
gint64 sl_board_card_get_candidate_id (SlBoardCard *self);
const char *sl_board_card_get_name (SlBoardCard *self);
const char *sl_board_card_get_country (SlBoardCard *self);
const char *sl_board_card_get_seniority (SlBoardCard *self);
const char *sl_board_card_get_stage (SlBoardCard *self);
gint64 sl_board_card_get_since (SlBoardCard *self);

G_END_DECLS
