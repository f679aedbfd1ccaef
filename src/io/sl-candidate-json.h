/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-json.h — a candidate and its applications as JSON, for export and the CLI */
#pragma once

#include <json-glib/json-glib.h>

#include "sl-application.h"
#include "sl-candidate.h"
#include "sl-store.h"

G_BEGIN_DECLS

typedef enum
{
  SL_CANDIDATE_CELL_NULL,
  SL_CANDIDATE_CELL_TEXT,
  SL_CANDIDATE_CELL_NUMBER,
  SL_CANDIDATE_CELL_TIME,
  SL_CANDIDATE_CELL_LIST, /* the text is the items joined with “; ” */
} SlCandidateCellKind;

typedef struct
{
  SlCandidateCellKind kind;
  const char *text;
  double number;
  gint64 time; /* Unix time, UTC */
} SlCandidateCell;

/* “2026-11-01T00:00:00Z” and its NUL */
#define SL_CANDIDATE_TIME_SIZE 32

const char *const *sl_candidate_json_fields (void);
guint sl_candidate_n_fields (void);
void sl_candidate_record_cell (const SlCandidateRecord *row, guint field, GString *scratch,
                               SlCandidateCell *cell);
const char *sl_candidate_format_time (gint64 unix_time, char *buffer);
const char *sl_candidate_format_number (double number, char *buffer, gsize size);
JsonObject *sl_candidate_record_to_json_object (const SlCandidateRecord *row,
                                                GListModel *applications);
JsonObject *sl_candidate_to_json_object (SlCandidate *candidate, GListModel *applications);
JsonNode *sl_candidate_to_json (SlCandidate *candidate, GListModel *applications);
JsonObject *sl_application_to_json_object (SlApplication *application);
void sl_json_append_string (GString *out, const char *text);
void sl_candidate_json_append (GString *out, const SlCandidateRecord *row,
                               const SlApplicationRecord *applications, guint n_applications,
                               GString *scratch);

G_END_DECLS
