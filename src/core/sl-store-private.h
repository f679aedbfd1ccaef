/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-private.h — helpers shared by the files of the store */
#pragma once

#include <sqlite3.h>

#include "sl-server.h"
#include "sl-store.h"

G_BEGIN_DECLS

const char *sl_store_column_text (SlStmt *stmt, int column);
gboolean sl_store_invalid (GError **error, const char *message);
void sl_store_bind_optional (SlStmt *stmt, int index, const char *value);
void sl_store_bind_amount (SlStmt *stmt, int index, double value);

/* What a worker thread reads for: each has a connection of its own */
typedef enum
{
  SL_STORE_READER_WORK,   /* reports, the board, positions, interviews */
  SL_STORE_READER_SEARCH, /* the candidate lists' queries */
  SL_STORE_READER_ROWS,   /* the candidate lists' rows, a batch at a time */
  SL_STORE_N_READERS
} SlStoreReader;

SlDatabase *sl_store_lock_reader (SlStore *self, SlStoreReader which, GError **error);
void sl_store_unlock_reader (SlStore *self, SlStoreReader which);
SlReaders *sl_readers_new (const char *path);
SlReaders *sl_readers_ref (SlReaders *readers);
SlDatabase *sl_readers_lock (SlReaders *readers, SlStoreReader which, GError **error);
void sl_readers_unlock (SlReaders *readers, SlStoreReader which);

void sl_store_emit_position_changed (SlStore *self, gint64 position_id);
void sl_store_emit_interviews_changed (SlStore *self, gint64 application_id);
void sl_store_refresh_candidate (SlStore *self, gint64 candidate_id);
void sl_store_reread_candidate (SlStore *self, gint64 candidate_id);
void sl_store_emit_candidates_changed (SlStore *self);
gint64 sl_store_login_member (SlDatabase *db);

/* sl-store-versions.c */
typedef struct
{
  gint64 data_version; /* PRAGMA data_version when last looked */
  gint64 seen_clock;   /* the change clock when last looked */
  guint source;
  SlServerListener *listener; /* a team database's: its server says when others commit */
} SlStoreWatch;

SlStoreWatch *sl_store_get_watch (SlStore *self);
gint64 sl_store_next_version (SlStore *self, GError **error);
gint64 sl_store_claim_row (SlStore *self, const char *table, gint64 id, gint64 version,
                           GError **error);
gboolean sl_store_conflict (SlStore *self, const char *table, gint64 id, GError **error);
gint64 sl_store_stamp_new_row (SlStore *self, const char *table, gint64 id, GError **error);

G_END_DECLS
