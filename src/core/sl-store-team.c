/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-team.c — the store's team members and stacks
 *
 * Split from sl-store.c by concern; the helpers they share are in sl-store-private.h.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-database-private.h"
#include "sl-option.h"
#include "sl-store-private.h"
#include "sl-store.h"
#include "sl-vocab.h"

gboolean
sl_store_valid_email (const char *email)
{
  const char *at = strchr (email, '@');

  if (*email == '\0')
    return TRUE;
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL || strchr (email, ' ') != NULL)
    return FALSE;
  return strchr (at + 1, '.') != NULL && at[1] != '.' && email[strlen (email) - 1] != '.';
}

/* The member a team database's login is, as its server says (0 for its owner, no member) */
gint64
sl_store_login_member (SlDatabase *db)
{
  return sl_database_query_int64 (db, "SELECT coalesce(shortlist.me(), 0)", 0);
}

/* The columns member_from_row () reads */
#define MEMBER_COLUMNS "id, name, email, role, active"

static SlMember *
member_from_row (SlStmt *stmt)
{
  SlMember *member = sl_member_new (sl_stmt_column_int64 (stmt, 0), sl_store_column_text (stmt, 1),
                                    sl_store_column_text (stmt, 2), sl_store_column_text (stmt, 3));

  sl_member_set_active (member, sl_stmt_column_int (stmt, 4) != 0);
  return member;
}

static GListModel *
list_members (SlStore *self, const char *sql, GError **error)
{
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_MEMBER);
  SlStmt *stmt;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  stmt = sl_database_prepare (sl_store_get_database (self), sql, error);
  if (stmt == NULL)
    return NULL;
  while (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      g_autoptr (SlMember) member = member_from_row (stmt);
      g_list_store_append (list, member);
    }
  sl_stmt_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Every team member, deactivated ones too, by name */
GListModel *
sl_store_list_members (SlStore *self, GError **error)
{
  return list_members (self, "SELECT " MEMBER_COLUMNS " FROM team_members ORDER BY name, id",
                       error);
}

/* The members who can be chosen as who you are, or as an interviewer */
GListModel *
sl_store_list_active_members (SlStore *self, GError **error)
{
  return list_members (
    self, "SELECT " MEMBER_COLUMNS " FROM team_members WHERE active ORDER BY name, id", error);
}

SlMember *
sl_store_find_member (SlStore *self, const char *email)
{
  SlStmt *stmt;
  SlMember *member = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  if (email == NULL || *email == '\0')
    return NULL;
  stmt = sl_database_prepare (sl_store_get_database (self),
                              "SELECT " MEMBER_COLUMNS " FROM team_members WHERE email = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_text (stmt, 1, email);
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    member = member_from_row (stmt);
  sl_stmt_reset (stmt);
  return member;
}

gint64
sl_store_add_member (SlStore *self, const char *name, const char *email, const char *role,
                     GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr (GError) local_error = NULL;
  SlDatabase *db;
  SlStmt *stmt;
  gint64 id;

  g_return_val_if_fail (SL_IS_STORE (self), 0);

  db = sl_store_get_database (self);
  if (*trimmed == '\0')
    return sl_store_invalid (error, _ ("A team member needs a name"));
  if (email == NULL || *email == '\0' || !sl_store_valid_email (email))
    return sl_store_invalid (error, _ ("That email address is not valid"));
  if (!sl_vocab_is_valid (SL_VOCAB_ROLE, role))
    return sl_store_invalid (error,
                             _ ("The role must be recruiter, interviewer, hiring-lead or admin"));

  stmt = sl_database_prepare (
    db, "INSERT INTO team_members (name, email, role, created_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL || !sl_database_begin (db, error))
    return 0;
  sl_stmt_bind_text (stmt, 1, trimmed);
  sl_stmt_bind_text (stmt, 2, email);
  sl_stmt_bind_text (stmt, 3, role);
  sl_stmt_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (!sl_database_step_done (db, stmt, &local_error))
    {
      sl_database_rollback (db);
      if (g_error_matches (local_error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT))
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT,
                     _ ("A team member with the email %s already exists"), email);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  id = sl_database_last_insert_id (db);
  if (sl_store_stamp_new_row (self, "team_members", id, error) == 0 ||
      !sl_database_commit (db, error))
    {
      sl_database_rollback (db);
      return 0;
    }
  return id;
}

GListModel *
sl_store_list_stacks (SlStore *self, const char *none_label)
{
  GListStore *list = g_list_store_new (SL_TYPE_OPTION);
  SlStmt *stmt;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  if (none_label != NULL)
    {
      g_autoptr (SlOption) none = sl_option_new ("", none_label);
      g_list_store_append (list, none);
    }
  stmt = sl_database_prepare (sl_store_get_database (self),
                              "SELECT id, name FROM stacks ORDER BY rank, name", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (list);
  while (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      g_autoptr (SlOption) option =
        sl_option_new (sl_store_column_text (stmt, 0), sl_store_column_text (stmt, 1));
      g_list_store_append (list, option);
    }
  sl_stmt_reset (stmt);
  return G_LIST_MODEL (list);
}

char *
sl_store_get_stack_name (SlStore *self, const char *stack_id)
{
  SlStmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  stmt = sl_database_prepare (sl_store_get_database (self), "SELECT name FROM stacks WHERE id = ?",
                              NULL);
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_text (stmt, 1, stack_id);
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    name = g_strdup (sl_store_column_text (stmt, 0));
  sl_stmt_reset (stmt);
  return name;
}

SlMember *
sl_store_get_member (SlStore *self, gint64 member_id)
{
  SlStmt *stmt;
  SlMember *member = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  stmt = sl_database_prepare (sl_store_get_database (self),
                              "SELECT " MEMBER_COLUMNS " FROM team_members WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, member_id);
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    member = member_from_row (stmt);
  sl_stmt_reset (stmt);
  return member;
}

/* The active admins */
guint
sl_store_count_admins (SlStore *self)
{
  SlStmt *stmt;
  guint n = 0;

  g_return_val_if_fail (SL_IS_STORE (self), 0);

  stmt =
    sl_database_prepare (sl_store_get_database (self),
                         "SELECT count(*) FROM team_members WHERE role = 'admin' AND active", NULL);
  if (stmt != NULL && sl_stmt_step (stmt) == SL_STMT_ROW)
    n = (guint) sl_stmt_column_int (stmt, 0);
  if (stmt != NULL)
    sl_stmt_reset (stmt);
  return n;
}

/* A team database's members are changed by its server's own functions, which move the login
 * between the group roles and disable it with the member (sl-server-schema.c); each change is
 * one of them, whole */
static gboolean
update_team_member (SlDatabase *db, SlMember *member, const char *name, const char *email,
                    const char *role, int active, GError **error)
{
  SlServer *server = sl_database_get_server (db);
  gint64 id = sl_member_get_id (member);

  if (sl_database_is_offline (db))
    return sl_store_invalid (error, _ ("The team database cannot be reached: Shortlist tries "
                                       "again by itself"));
  /* All of the change, or none of it */
  if (!sl_database_begin (db, error))
    return FALSE;
  if (((name != NULL || email != NULL) &&
       !sl_server_set_member_details (server, id, name ? name : sl_member_get_name (member),
                                      email ? email : sl_member_get_email (member), error)) ||
      (role != NULL && !sl_server_set_member_role (server, id, role, error)) ||
      (active >= 0 && !sl_server_set_member_active (server, id, active != 0, error)))
    {
      sl_database_rollback (db);
      return FALSE;
    }
  return sl_database_commit (db, error);
}

/* Adds a member to a team database, with a login (and its password, if not NULL: else the
 * login cannot log in until an admin gives one). Admins only, as the server says. */
gint64
sl_store_add_team_member (SlStore *self, const char *name, const char *email, const char *role,
                          const char *login, const char *password, GError **error)
{
  SlDatabase *db;

  g_return_val_if_fail (SL_IS_STORE (self), 0);

  db = sl_store_get_database (self);
  g_return_val_if_fail (sl_database_is_team (db), 0);
  if (sl_database_is_offline (db))
    return sl_store_invalid (error, _ ("The team database cannot be reached: Shortlist tries "
                                       "again by itself"));
  return sl_server_add_member (sl_database_get_server (db), name, email, role, login, password,
                               error);
}

/* Changes member @member_id: @name, @email and @role unless NULL, and whether they are active
 * unless @active is negative. Refused, changing nothing, when it would leave no active admin. */
gboolean
sl_store_update_member (SlStore *self, gint64 member_id, const char *name, const char *email,
                        const char *role, int active, GError **error)
{
  g_autoptr (SlMember) member = NULL;
  g_autofree char *trimmed = name ? g_strstrip (g_strdup (name)) : NULL;
  g_autoptr (GError) local_error = NULL;
  SlDatabase *db;
  SlStmt *stmt;
  gboolean was_admin, stays_admin;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  db = sl_store_get_database (self);
  member = sl_store_get_member (self, member_id);
  if (member == NULL)
    return sl_store_invalid (error, _ ("There is no such team member"));
  if (trimmed != NULL && *trimmed == '\0')
    return sl_store_invalid (error, _ ("A team member needs a name"));
  if (email != NULL && (*email == '\0' || !sl_store_valid_email (email)))
    return sl_store_invalid (error, _ ("That email address is not valid"));
  if (role != NULL && !sl_vocab_is_valid (SL_VOCAB_ROLE, role))
    return sl_store_invalid (error,
                             _ ("The role must be recruiter, interviewer, hiring-lead or admin"));
  was_admin =
    sl_member_get_active (member) && g_strcmp0 (sl_member_get_role (member), "admin") == 0;
  stays_admin = (active < 0 ? sl_member_get_active (member) : active != 0) &&
                g_strcmp0 (role ? role : sl_member_get_role (member), "admin") == 0;
  if (was_admin && !stays_admin && sl_store_count_admins (self) <= 1)
    return sl_store_invalid (error, _ ("The last active admin cannot be demoted or deactivated: "
                                       "make another member an admin first"));

  if (sl_database_is_team (db))
    return update_team_member (db, member, trimmed, email, role, active, error);
  stmt = sl_database_prepare (db,
                              "UPDATE team_members SET name = coalesce (?, name),"
                              " email = coalesce (?, email), role = coalesce (?, role),"
                              " active = coalesce (?, active) WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_text (stmt, 1, trimmed);
  sl_stmt_bind_text (stmt, 2, email);
  sl_stmt_bind_text (stmt, 3, role);
  if (active >= 0)
    sl_stmt_bind_int (stmt, 4, active != 0);
  else
    sl_stmt_bind_null (stmt, 4);
  sl_stmt_bind_int64 (stmt, 5, member_id);
  if (!sl_database_begin (db, error))
    return FALSE;
  if (!sl_database_step_done (db, stmt, &local_error))
    {
      sl_database_rollback (db);
      if (g_error_matches (local_error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT))
        g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT,
                     _ ("A team member with the email %s already exists"), email);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (sl_store_claim_row (self, "team_members", member_id, -1, error) == 0 ||
      !sl_database_commit (db, error))
    {
      sl_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Changes member @read (as a form read it) to @name, @email, @role and @active: only the fields
 * that differ from @read are written, so another admin's change to other fields stays; one that
 * someone changed since @read was read as well is refused (SL_DATABASE_ERROR_CONFLICT, saying
 * who), changing nothing. */
gboolean
sl_store_edit_member (SlStore *self, SlMember *read, const char *name, const char *email,
                      const char *role, gboolean active, GError **error)
{
  gint64 id = sl_member_get_id (read);
  g_autoptr (SlMember) current = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  gboolean new_name = g_strcmp0 (trimmed, sl_member_get_name (read)) != 0;
  gboolean new_email = g_strcmp0 (email, sl_member_get_email (read)) != 0;
  gboolean new_role = g_strcmp0 (role, sl_member_get_role (read)) != 0;
  gboolean new_active = !active != !sl_member_get_active (read);
  SlDatabase *db = sl_store_get_database (self);
  /* A team database's changes are its server's functions, each whole on its own */
  gboolean local = !sl_database_is_team (db);

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  if (!new_name && !new_email && !new_role && !new_active)
    return TRUE;
  if (local && !sl_database_begin (db, error))
    return FALSE;
  current = sl_store_get_member (self, id);
  if (current == NULL)
    {
      if (local)
        sl_database_rollback (db);
      return sl_store_invalid (error, _ ("There is no such team member"));
    }
  if ((new_name && g_strcmp0 (sl_member_get_name (current), sl_member_get_name (read)) != 0) ||
      (new_email && g_strcmp0 (sl_member_get_email (current), sl_member_get_email (read)) != 0) ||
      (new_role && g_strcmp0 (sl_member_get_role (current), sl_member_get_role (read)) != 0) ||
      (new_active && !sl_member_get_active (current) != !sl_member_get_active (read)))
    {
      sl_store_conflict (self, "team_members", id, error);
      if (local)
        sl_database_rollback (db);
      return FALSE;
    }
  if (!sl_store_update_member (self, id, new_name ? trimmed : NULL, new_email ? email : NULL,
                               new_role ? role : NULL, new_active ? active : -1, error) ||
      (local && !sl_database_commit (db, error)))
    {
      if (local)
        sl_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}
