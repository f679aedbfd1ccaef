/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-team.h — what the store tests share: a team of each role, candidates, open positions,
 * applications and SQL reads of the store's own file */
#pragma once

#include <sqlite3.h>

#include "sl-store-pipeline.h"
#include "sl-store-positions.h"
#include "sl-store.h"

G_BEGIN_DECLS

typedef struct
{
  SlStore *store;
  gint64 recruiter;
  gint64 interviewer;
  gint64 lead;
  gint64 admin;
} SlTestTeam;

SlStore *sl_test_open_store (const char *path);
sqlite3 *sl_test_handle (SlStore *store);
gint64 sl_test_sql_int (SlStore *store, const char *format, ...) G_GNUC_PRINTF (2, 3);
char *sl_test_sql_dump (SlStore *store, const char *format, ...) G_GNUC_PRINTF (2, 3);
gint64 sl_test_add_member (SlStore *store, const char *name, const char *email, const char *role);
void sl_test_team_init (SlTestTeam *team, const char *path);
void sl_test_team_clear (SlTestTeam *team);
gint64 sl_test_add_candidate (SlStore *store, const char *name);
SlPosition *sl_test_new_position (SlStore *store, const char *title, const char *description);
SlPosition *sl_test_open_position (SlTestTeam *team, const char *title);
gint64 sl_test_apply (SlTestTeam *team, gint64 candidate, SlPosition *position, gint64 member);
void sl_test_move (SlTestTeam *team, gint64 application, const char *stage, const char *why,
                   gint64 member);

/* Position @id as it is now, read afresh (each call), kept with @store: for a test that writes
 * the position's pipeline or kits with no concurrent reader in mind */
SlPosition *sl_test_fresh_position (SlStore *store, gint64 id);

G_END_DECLS
