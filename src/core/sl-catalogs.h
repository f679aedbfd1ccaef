/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-catalogs.h — the app's translations in every language at once */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SlCatalogs SlCatalogs;

SlCatalogs *sl_catalogs_load (void);
gboolean sl_catalogs_has_translation (SlCatalogs *catalogs, const char *msgid, const char *text);
guint sl_catalogs_get_n_languages (SlCatalogs *catalogs);
void sl_catalogs_free (SlCatalogs *catalogs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlCatalogs, sl_catalogs_free)

G_END_DECLS
