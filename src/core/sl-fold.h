/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-fold.h — text folding for search: case, diacritics and Cyrillic transliteration */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char *sl_fold_text (const char *text);
char *sl_fold_for_index (const char *text);
char *sl_fold_latin (const char *text);
GStrv sl_fold_query_words (const char *text);
char *sl_fold_fts_query (const char *text);
void sl_fold_register (sqlite3 *db);

G_END_DECLS
