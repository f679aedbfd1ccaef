/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store.h — the hiring data in domain terms: candidates, applications, team members */
#pragma once

#include <gio/gio.h>

#include "sl-candidate-query.h"
#include "sl-candidate.h"
#include "sl-database.h"
#include "sl-member.h"

G_BEGIN_DECLS

#define SL_TYPE_STORE (sl_store_get_type ())
G_DECLARE_FINAL_TYPE (SlStore, sl_store, SL, STORE, GObject)

SlStore *sl_store_new (SlDatabase *db);
SlStore *sl_store_open (const char *path, GError **error);
SlStore *sl_store_open_deferring_check (const char *path, GError **error);
void sl_store_check_file_async (SlStore *self, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
gboolean sl_store_check_file_finish (SlStore *self, GAsyncResult *result, GError **error);
SlDatabase *sl_store_get_database (SlStore *self);
void sl_store_set_actor (SlStore *self, gint64 member_id);
gint64 sl_store_get_actor (SlStore *self);
void sl_store_watch_changes (SlStore *self);
void sl_store_check_changes (SlStore *self);

/* What a worker thread opens its own connections to the store's file with, without the store
 * (which belongs to the main thread). Every connection is opened by the store's code. */
typedef struct _SlReaders SlReaders;

SlReaders *sl_store_ref_readers (SlStore *self);
void sl_readers_unref (SlReaders *readers);
SlDatabase *sl_readers_open (SlReaders *readers, GError **error);
SlDatabase *sl_readers_open_writer (SlReaders *readers, GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlReaders, sl_readers_unref)

SlCandidate *sl_store_get_candidate (SlStore *self, gint64 id, GError **error);
/* One of a candidate's applications, as exports write it */
typedef struct
{
  gint64 id;
  gint64 position_id;
  const char *position; /* its title */
  const char *stage;
  gint64 updated_at;
  int order; /* where its stage sorts: the reader's own */
} SlApplicationRecord;

typedef struct _SlApplicationReader SlApplicationReader;

SlApplicationReader *sl_application_reader_new (SlDatabase *db, GError **error);
void sl_application_reader_free (SlApplicationReader *self);
gboolean sl_application_reader_read (SlApplicationReader *self, gint64 candidate_id,
                                     GArray *records, GError **error);
typedef gboolean (*SlCandidateRecordFunc) (const SlCandidateRecord *row, gpointer user_data,
                                           GError **error);
gboolean sl_store_read_candidates (SlDatabase *db, const SlCandidateQuery *query,
                                   SlCandidateRecordFunc func, gpointer user_data, GError **error);
gboolean sl_store_save_candidate (SlStore *self, SlCandidate *candidate, GError **error);
gboolean sl_store_rebase_candidate (SlStore *self, SlCandidate *candidate, gboolean *clashed,
                                    GError **error);
gboolean sl_store_delete_candidate (SlStore *self, gint64 id, GError **error);
gboolean sl_store_undelete_candidate (SlStore *self, gint64 id, GError **error);
gboolean sl_store_purge_deleted (SlStore *self, gint64 id, GError **error);
gboolean sl_store_reload_candidate (SlStore *self, SlCandidate *candidate, GError **error);
gboolean sl_store_has_candidates (SlStore *self);
void sl_store_notify_reset (SlStore *self);

GListModel *sl_store_list_applications (SlStore *self, gint64 candidate_id, GError **error);
GListModel *sl_store_list_members (SlStore *self, GError **error);
GListModel *sl_store_list_active_members (SlStore *self, GError **error);
guint sl_store_count_admins (SlStore *self);
gboolean sl_store_update_member (SlStore *self, gint64 member_id, const char *name,
                                 const char *email, const char *role, int active, GError **error);
gboolean sl_store_edit_member (SlStore *self, SlMember *read, const char *name, const char *email,
                               const char *role, gboolean active, GError **error);
SlMember *sl_store_find_member (SlStore *self, const char *email);
SlMember *sl_store_get_member (SlStore *self, gint64 member_id);
gboolean sl_store_valid_email (const char *email);
gint64 sl_store_add_member (SlStore *self, const char *name, const char *email, const char *role,
                            GError **error);
gint64 sl_store_add_team_member (SlStore *self, const char *name, const char *email,
                                 const char *role, const char *login, const char *password,
                                 GError **error);
GListModel *sl_store_list_stacks (SlStore *self, const char *none_label);
char *sl_store_get_stack_name (SlStore *self, const char *stack_id);

void sl_store_query_candidates_async (SlStore *self, const SlCandidateQuery *query,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data);
GArray *sl_store_query_candidates_finish (SlStore *self, GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlApplicationReader, sl_application_reader_free)

G_END_DECLS
