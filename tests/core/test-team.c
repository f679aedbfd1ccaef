/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* test-team.c — what the store tests share (see test-team.h) */
#include "config.h"

#include "sl-vocab.h"
#include "test-team.h"
#include "test-util.h"

SlStore *
sl_test_open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  SlStore *store = sl_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

sqlite3 *
sl_test_handle (SlStore *store)
{
  return sl_database_get_handle (sl_store_get_database (store));
}

gint64
sl_test_sql_int (SlStore *store, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return sl_test_sqlite_int (sl_test_handle (store), sql);
}

char *
sl_test_sql_dump (SlStore *store, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return sl_test_sqlite_dump (sl_test_handle (store), sql);
}

gint64
sl_test_add_member (SlStore *store, const char *name, const char *email, const char *role)
{
  g_autoptr (GError) error = NULL;
  gint64 id = sl_store_add_member (store, name, email, role, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
sl_test_team_init (SlTestTeam *team, const char *path)
{
  team->store = sl_test_open_store (path);
  team->recruiter = sl_test_add_member (team->store, "Ana Ribeiro", "ana@example.com", "recruiter");
  team->interviewer =
    sl_test_add_member (team->store, "Piotr Zając", "piotr@example.com", "interviewer");
  team->lead = sl_test_add_member (team->store, "Helen Carter", "helen@example.com", "hiring-lead");
  team->admin = sl_test_add_member (team->store, "Sam Okafor", "sam@example.com", "admin");
}

void
sl_test_team_clear (SlTestTeam *team)
{
  g_assert_finalize_object (team->store);
}

gint64
sl_test_add_candidate (SlStore *store, const char *name)
{
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GError) error = NULL;

  sl_candidate_set_name (candidate, name);
  g_assert_true (sl_store_save_candidate (store, candidate, &error));
  g_assert_no_error (error);
  return sl_candidate_get_id (candidate);
}

/* A new position, saved; with a description it is a draft */
SlPosition *
sl_test_new_position (SlStore *store, const char *title, const char *description)
{
  g_autoptr (GError) error = NULL;
  SlPosition *position = sl_position_new ();

  sl_position_set_text (position, SL_POSITION_TITLE, title);
  sl_position_set_text (position, SL_POSITION_DESCRIPTION, description);
  g_assert_true (sl_store_save_position (store, position, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_position_get_id (position), >, 0);
  return position;
}

/* A position approved by the hiring lead, so open */
SlPosition *
sl_test_open_position (SlTestTeam *team, const char *title)
{
  g_autoptr (GError) error = NULL;
  SlPosition *position =
    sl_test_new_position (team->store, title, "Build and run backend services.");

  g_assert_true (sl_store_approve_description (team->store, position, team->lead, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_position_get_status (position), ==, "open");
  return position;
}

gint64
sl_test_apply (SlTestTeam *team, gint64 candidate, SlPosition *position, gint64 member)
{
  g_autoptr (GError) error = NULL;
  gint64 id =
    sl_store_apply (team->store, candidate, sl_position_get_id (position), member, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* @why is the reason's id for rejected or withdrawn, the details typed for any other stage */
void
sl_test_move (SlTestTeam *team, gint64 application, const char *stage, const char *why,
              gint64 member)
{
  g_autoptr (GError) error = NULL;
  gboolean outcome = sl_vocab_is_outcome (stage);

  g_assert_true (sl_store_move_application (team->store, application, stage, outcome ? why : NULL,
                                            outcome ? NULL : why, member, &error));
  g_assert_no_error (error);
}
SlPosition *
sl_test_fresh_position (SlStore *store, gint64 id)
{
  g_autoptr (GError) error = NULL;
  SlPosition *position = sl_store_get_position (store, id, &error);

  g_assert_no_error (error);
  g_object_set_data_full (G_OBJECT (store), "sl-test-fresh-position", position, g_object_unref);
  return position;
}
