/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-server.h — a team database on PostgreSQL: connecting, setting it up, its members */
#pragma once

#include <gio/gio.h>

#include "sl-candidate-query.h"

G_BEGIN_DECLS

/* The team database's schema version this Shortlist writes (sl-server-schema.c) */
#define SL_SERVER_SCHEMA_VERSION 1

#define SL_TYPE_SERVER (sl_server_get_type ())
G_DECLARE_FINAL_TYPE (SlServer, sl_server, SL, SERVER, GObject)

gboolean sl_server_is_uri (const char *database);
void sl_server_set_password (const char *uri, const char *password);
char *sl_server_dup_password (const char *uri);
char *sl_server_display_name (const char *uri);
gboolean sl_server_split_uri (const char *uri, char **host, char **port, char **database,
                              char **login, gboolean *tls);
SlServer *sl_server_connect (const char *uri, GError **error);
int sl_server_get_version (SlServer *self, GError **error);
gboolean sl_server_setup (SlServer *self, gboolean *created, GError **error);
gint64 sl_server_add_member (SlServer *self, const char *name, const char *email, const char *role,
                             const char *login, const char *password, GError **error);
gboolean sl_server_set_member_role (SlServer *self, gint64 member_id, const char *role,
                                    GError **error);
gboolean sl_server_set_member_active (SlServer *self, gint64 member_id, gboolean active,
                                      GError **error);
gboolean sl_server_set_member_details (SlServer *self, gint64 member_id, const char *name,
                                       const char *email, GError **error);
gboolean sl_server_set_member_login (SlServer *self, gint64 member_id, const char *login,
                                     const char *password, GError **error);
gboolean sl_server_set_member_password (SlServer *self, gint64 member_id, const char *password,
                                        GError **error);
GListModel *sl_server_list_members (SlServer *self, GError **error);

/* The rows of one table a copy read from the local file and wrote to the team database */
typedef struct
{
  char *table;
  gint64 source;
  gint64 copied;
} SlServerCopyCount;

void sl_server_copy_count_free (gpointer data);
GPtrArray *sl_server_copy_from_file (SlServer *server, const char *path, GError **error);

typedef void (*SlServerListenerFunc) (gpointer data);
typedef struct _SlServerListener SlServerListener;

SlServerListener *sl_server_listen (const char *uri, SlServer *own, SlServerListenerFunc changed,
                                    SlServerListenerFunc lost, gpointer data, GError **error);
void sl_server_listener_free (SlServerListener *self);

char *sl_server_candidate_query_sql (const SlCandidateQuery *query, const char *columns,
                                     gboolean ordered, GPtrArray *params);
gboolean sl_server_index_candidate (SlDatabase *db, gint64 id, GError **error);
GArray *sl_server_query_ids (SlServer *server, const SlCandidateQuery *query, GError **error);

G_END_DECLS
