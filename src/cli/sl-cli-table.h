/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli-table.h — text in aligned columns for a terminal */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SlCliTable SlCliTable;

SlCliTable *sl_cli_table_new (guint n_columns);
void sl_cli_table_free (SlCliTable *table);
void sl_cli_table_set_max_width (SlCliTable *table, guint column, guint max_width);
void sl_cli_table_set_align_end (SlCliTable *table, guint column, gboolean end);
void sl_cli_table_add_row (SlCliTable *table, const char *const *cells);
char *sl_cli_table_to_string (SlCliTable *table);
gboolean sl_cli_finish_listing (GString *out, gboolean json, guint n, SlCliTable *table,
                                int *status);
guint sl_cli_display_width (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlCliTable, sl_cli_table_free)

G_END_DECLS
