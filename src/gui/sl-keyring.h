/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-keyring.h — team databases' passwords in the desktop's keyring */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *sl_keyring_lookup (const char *uri);
void sl_keyring_store (const char *uri, const char *password, const char *label);
void sl_keyring_forget (const char *uri);

G_END_DECLS
