/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-countries.h — ISO 3166 countries with their names in the user's language */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean sl_countries_is_valid (const char *code);
const char *sl_countries_name (const char *code);
const char *sl_countries_english_name (const char *code);
GListModel *sl_countries_model (const char *none_label);
const char *const *sl_countries_offshore (void);

G_END_DECLS
