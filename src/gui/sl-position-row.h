/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-position-row.h — one position in the list: title, client, status, the pipeline in numbers */
#pragma once

#include <gtk/gtk.h>

#include "sl-position.h"

G_BEGIN_DECLS

#define SL_TYPE_POSITION_ROW (sl_position_row_get_type ())
G_DECLARE_FINAL_TYPE (SlPositionRow, sl_position_row, SL, POSITION_ROW, GtkWidget)

SlPositionRow *sl_position_row_new (void);
void sl_position_row_set_position (SlPositionRow *self, SlPosition *position);
const char *sl_position_status_label (const char *status);

G_END_DECLS
