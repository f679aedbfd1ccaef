/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-server-private.h — what the team database's files share */
#pragma once

#include <libpq-fe.h>

#include "sl-server.h"

G_BEGIN_DECLS

/* The schema's steps: sl_server_steps[v - 1] moves it from version v - 1 to v */
extern const char *const sl_server_steps[];

PGconn *sl_server_get_handle (SlServer *self);
gboolean sl_server_check_result (SlServer *self, PGresult *result, char **sqlstate, GError **error);
gboolean sl_server_exec (SlServer *self, const char *sql, GError **error);

G_END_DECLS
