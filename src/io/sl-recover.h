/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-recover.h — what can still be read of a damaged database, saved into a new one */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;          /* the table */
  gint64 rows;         /* rows saved */
  gboolean incomplete; /* some of its rows could not be read, or lost the rows they belonged to */
} SlRecoveredTable;

void sl_recovered_table_free (SlRecoveredTable *table);
GPtrArray *sl_recover (const char *database, const char *output, GError **error);

G_END_DECLS
