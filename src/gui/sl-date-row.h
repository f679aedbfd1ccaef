/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-date-row.h — date fields: typed in ISO or the locale's order, or picked from a calendar */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void sl_date_row_add_calendar (AdwEntryRow *row);
char *sl_date_text_to_iso (const char *text);
char *sl_date_not_a_date_message (const char *text);

G_END_DECLS
