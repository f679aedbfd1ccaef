/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-order.h — each candidate's place in the list's order, as one integer */
#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

gboolean sl_candidate_order_place (SlDatabase *db, gint64 id, GError **error);
gboolean sl_candidate_order_place_new (SlDatabase *db, GError **error);
void sl_candidate_order_register (SlDatabase *db);

G_END_DECLS
