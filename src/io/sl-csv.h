/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-csv.h — RFC 4180 CSV output that spreadsheets cannot mistake for formulas */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Written first by exports meant for spreadsheets, which otherwise guess the encoding */
#define SL_CSV_UTF8_BOM "\xef\xbb\xbf"

gboolean sl_csv_needs_neutralizing (const char *field);
void sl_csv_append_field (GString *out, const char *field);
void sl_csv_append_row (GString *out, const char *const *fields, gssize n_fields);
gboolean sl_csv_write_row (GOutputStream *stream, const char *const *fields, gssize n_fields,
                           GCancellable *cancellable, GError **error);

G_END_DECLS
