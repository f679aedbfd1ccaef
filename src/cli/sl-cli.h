/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-cli.h — what the commands of shortlist-cli share: option parsing, errors, exit codes */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sl-store.h"
#include "sl-vocab.h"

G_BEGIN_DECLS

#define SL_CLI_NAME "shortlist-cli"

typedef enum
{
  SL_CLI_OK = 0,
  SL_CLI_FAILED = 1, /* the command ran and failed: database, file, data */
  SL_CLI_USAGE = 2,  /* it did not run: unknown command or option, a bad value */
} SlCliStatus;

/* A command gets its own name as argv[0] and the arguments after it */
typedef int (*SlCliRun) (int argc, char **argv);

int sl_cli_demo (int argc, char **argv);
int sl_cli_add_candidate (int argc, char **argv);
int sl_cli_candidates (int argc, char **argv);
int sl_cli_check (int argc, char **argv);
int sl_cli_positions (int argc, char **argv);
int sl_cli_add_position (int argc, char **argv);
int sl_cli_approve (int argc, char **argv);
int sl_cli_apply (int argc, char **argv);
int sl_cli_move (int argc, char **argv);
int sl_cli_history (int argc, char **argv);
int sl_cli_members (int argc, char **argv);
int sl_cli_schedule (int argc, char **argv);
int sl_cli_interviews (int argc, char **argv);
int sl_cli_ics (int argc, char **argv);
int sl_cli_scorecard (int argc, char **argv);
int sl_cli_scorecards (int argc, char **argv);
int sl_cli_report (int argc, char **argv);
int sl_cli_backup (int argc, char **argv);
int sl_cli_add_member (int argc, char **argv);
int sl_cli_edit_member (int argc, char **argv);
int sl_cli_server_setup (int argc, char **argv);
int sl_cli_copy (int argc, char **argv);
int sl_cli_server_add_member (const char *database, const char *name, const char *email,
                              const char *role, const char *login, const char *password_file,
                              const char *as);
int sl_cli_server_edit_member (const char *database, gint64 id, const char *name, const char *email,
                               const char *role, const char *active, const char *login,
                               const char *password_file, const char *as);
GListModel *sl_cli_server_members (const char *database, int *status);
int sl_cli_restore (int argc, char **argv);
int sl_cli_recover (int argc, char **argv);

/* Helpers that check something print the error themselves and return FALSE with the exit status
 * in @status; the command then returns that status. */
GOptionContext *sl_cli_context_new (const char *summary, const GOptionEntry *entries,
                                    char **database);
GOptionContext *sl_cli_context_new_with_arguments (const char *arguments, const char *summary,
                                                   const GOptionEntry *entries, char **database);
gboolean sl_cli_parse (GOptionContext *context, const char *command, int *argc, char ***argv,
                       int *status);
gboolean sl_cli_parse_arguments (GOptionContext *context, const char *command, int *argc,
                                 char ***argv, const char *const *names, int *status);
void sl_cli_set_global_database (const char *path);
gboolean sl_cli_database_name (const char *option, char **name, int *status);
gboolean sl_cli_database_path (const char *option, char **path, int *status);
gboolean sl_cli_text (const char *option, const char *value, char **out, int *status);
gboolean sl_cli_number (const char *option, const char *value, guint64 min, guint64 max,
                        guint64 *out, int *status);
gboolean sl_cli_choice (const char *option, const char *value, const char *const *choices,
                        int *status);
gboolean sl_cli_id (const char *name, const char *value, gint64 *out, int *status);
gboolean sl_cli_vocab (const char *option, const char *value, SlVocab vocab, int *status);
gboolean sl_cli_country (char **country, int *status);
gboolean sl_cli_email (const char *option, const char *value, int *status);
gboolean sl_cli_stack (SlStore *store, const char *stack, int *status);
SlStore *sl_cli_open_store (const char *path, gboolean create, int *status);
SlStore *sl_cli_open_reader (const char *path, int *status);
gboolean sl_cli_member (SlStore *store, const char *email, gint64 *member_id, int *status);
gboolean sl_cli_act_as (SlStore *store, const char *email, gint64 *member_id, int *status);
void sl_cli_append_json (GString *out, JsonNode *node, gboolean first);
void sl_cli_remove_database (const char *path);
int sl_cli_fail (int status, const char *format, ...) G_GNUC_PRINTF (2, 3);
int sl_cli_fail_error (const GError *error);
int sl_cli_usage_error (const char *command, const char *format, ...) G_GNUC_PRINTF (2, 3);
gboolean sl_cli_write (const char *data, gsize length, int *status);
gboolean sl_cli_finish_output (int *status);

gboolean sl_cli_stage (const char *option, const char *stage, int *status);

G_END_DECLS
