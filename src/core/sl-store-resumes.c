/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-resumes.c — a candidate's résumé, kept inside the database as an attachment
 *
 * One résumé per candidate (attachments.kind = 'resume'); attaching another replaces it in one
 * transaction, so a failure keeps the old one. The bytes live in the database file, which is
 * owner-only, so no copy is left readable in a shared folder.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-store-resumes.h"
#include "sl-store-private.h"

/* Name and size of the candidate's résumé, without reading its bytes */
gboolean
sl_resume_get_info (SlStore *store, gint64 candidate_id, char **filename, gint64 *size)
{
  SlDatabase *db = sl_store_get_database (store);
  SlStmt *stmt;
  gboolean found = FALSE;

  stmt =
    sl_database_prepare (db,
                         "SELECT filename, length(data) FROM attachments"
                         " WHERE candidate_id = ? AND kind = 'resume' ORDER BY id DESC LIMIT 1",
                         NULL);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, candidate_id);
  if (sl_stmt_step (stmt) == SL_STMT_ROW)
    {
      found = TRUE;
      if (filename != NULL)
        *filename = g_strdup (sl_store_column_text (stmt, 0));
      if (size != NULL)
        *size = sl_stmt_column_int64 (stmt, 1);
    }
  sl_stmt_reset (stmt);
  return found;
}

gboolean
sl_resume_attach (SlStore *store, gint64 candidate_id, const char *filename, const char *mime_type,
                  GBytes *data, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  g_autofree char *basename = g_path_get_basename (filename);
  SlStmt *stmt;
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  if (size > SL_RESUME_MAX_SIZE)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                   _ ("A résumé can be at most %d MB"), SL_RESUME_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!sl_database_begin (db, error))
    return FALSE;
  stmt = sl_database_prepare (
    db, "DELETE FROM attachments WHERE candidate_id = ? AND kind = 'resume'", error);
  if (stmt == NULL)
    goto fail;
  sl_stmt_bind_int64 (stmt, 1, candidate_id);
  if (!sl_database_step_done (db, stmt, error))
    goto fail;
  stmt = sl_database_prepare (
    db,
    "INSERT INTO attachments (candidate_id, kind, filename, mime_type, data, created_at)"
    " VALUES (?, 'resume', ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    goto fail;
  sl_stmt_bind_int64 (stmt, 1, candidate_id);
  sl_stmt_bind_text (stmt, 2, basename);
  sl_stmt_bind_text (stmt, 3, mime_type ? mime_type : "application/octet-stream");
  sl_stmt_bind_blob (stmt, 4, bytes ? bytes : "", size);
  sl_stmt_bind_int64 (stmt, 5, g_get_real_time () / G_USEC_PER_SEC);
  if (!sl_database_step_done (db, stmt, error))
    goto fail;
  return sl_database_commit (db, error);

fail:
  sl_database_rollback (db);
  return FALSE;
}

GBytes *
sl_resume_load (SlStore *store, gint64 candidate_id, char **filename, char **mime_type,
                GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  SlStmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  stmt =
    sl_database_prepare (db,
                         "SELECT filename, mime_type, data FROM attachments"
                         " WHERE candidate_id = ? AND kind = 'resume' ORDER BY id DESC LIMIT 1",
                         error);
  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, candidate_id);
  rc = sl_stmt_step (stmt);
  if (rc == SL_STMT_ROW)
    {
      if (filename != NULL)
        *filename = g_strdup (sl_store_column_text (stmt, 0));
      if (mime_type != NULL)
        *mime_type = g_strdup (sl_store_column_text (stmt, 1));
      bytes = g_bytes_new (sl_stmt_column_blob (stmt, 2), (gsize) sl_stmt_column_bytes (stmt, 2));
    }
  else if (rc == SL_STMT_DONE)
    g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND,
                         _ ("No résumé is attached"));
  else
    sl_database_set_error (db, error);
  sl_stmt_reset (stmt);
  return bytes;
}

gboolean
sl_resume_remove (SlStore *store, gint64 candidate_id, GError **error)
{
  SlDatabase *db = sl_store_get_database (store);
  SlStmt *stmt;

  stmt = sl_database_prepare (
    db, "DELETE FROM attachments WHERE candidate_id = ? AND kind = 'resume'", error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, candidate_id);
  return sl_database_step_done (db, stmt, error);
}
