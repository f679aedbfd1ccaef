/* sl-store-team.c — the store's team members and stacks
 *
 * Split from sl-store.c by concern; the helpers they share are in sl-store-private.h.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-option.h"
#include "sl-store-private.h"
#include "sl-store.h"
#include "sl-vocab.h"

static SlMember *
member_from_row (sqlite3_stmt *stmt)
{
  return sl_member_new (sqlite3_column_int64 (stmt, 0), sl_store_column_text (stmt, 1),
                        sl_store_column_text (stmt, 2), sl_store_column_text (stmt, 3));
}

GListModel *
sl_store_list_members (SlStore *self, GError **error)
{
  g_autoptr (GListStore) list = g_list_store_new (SL_TYPE_MEMBER);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  stmt =
    sl_database_prepare (sl_store_get_database (self),
                         "SELECT id, name, email, role FROM team_members ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (SlMember) member = member_from_row (stmt);
      g_list_store_append (list, member);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

SlMember *
sl_store_find_member (SlStore *self, const char *email)
{
  sqlite3_stmt *stmt;
  SlMember *member = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  if (email == NULL || *email == '\0')
    return NULL;
  stmt =
    sl_database_prepare (sl_store_get_database (self),
                         "SELECT id, name, email, role FROM team_members WHERE email = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    member = member_from_row (stmt);
  sqlite3_reset (stmt);
  return member;
}

gint64
sl_store_add_member (SlStore *self, const char *name, const char *email, const char *role,
                     GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SL_IS_STORE (self), 0);

  if (*trimmed == '\0')
    return sl_store_invalid (error, _ ("A team member needs a name"));
  if (email == NULL || *email == '\0' || !sl_store_valid_email (email))
    return sl_store_invalid (error, _ ("That email address is not valid"));
  if (!sl_vocab_is_valid (SL_VOCAB_ROLE, role))
    return sl_store_invalid (error,
                             _ ("The role must be recruiter, interviewer, hiring-lead or admin"));

  stmt = sl_database_prepare (
    sl_store_get_database (self),
    "INSERT INTO team_members (name, email, role, created_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (!sl_database_step_done (sl_store_get_database (self), stmt, NULL))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT,
                   _ ("A team member with the email %s already exists"), email);
      return 0;
    }
  return sl_database_last_insert_id (sl_store_get_database (self));
}

GListModel *
sl_store_list_stacks (SlStore *self, const char *none_label)
{
  GListStore *list = g_list_store_new (SL_TYPE_OPTION);
  sqlite3_stmt *stmt;

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
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (SlOption) option =
        sl_option_new (sl_store_column_text (stmt, 0), sl_store_column_text (stmt, 1));
      g_list_store_append (list, option);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (list);
}

char *
sl_store_get_stack_name (SlStore *self, const char *stack_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  stmt = sl_database_prepare (sl_store_get_database (self), "SELECT name FROM stacks WHERE id = ?",
                              NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, stack_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (sl_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

SlMember *
sl_store_get_member (SlStore *self, gint64 member_id)
{
  sqlite3_stmt *stmt;
  SlMember *member = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);

  stmt = sl_database_prepare (sl_store_get_database (self),
                              "SELECT id, name, email, role FROM team_members WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    member = member_from_row (stmt);
  sqlite3_reset (stmt);
  return member;
}
