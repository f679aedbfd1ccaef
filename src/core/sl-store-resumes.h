/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-store-resumes.h — a candidate's résumé, kept inside the database as an attachment */
#pragma once

#include "sl-store.h"

G_BEGIN_DECLS

/* Larger files are refused: the database is meant to stay small enough to copy around */
#define SL_RESUME_MAX_SIZE (20 * 1024 * 1024)

gboolean sl_resume_get_info (SlStore *store, gint64 candidate_id, char **filename, gint64 *size);
gboolean sl_resume_attach (SlStore *store, gint64 candidate_id, const char *filename,
                           const char *mime_type, GBytes *data, GError **error);
GBytes *sl_resume_load (SlStore *store, gint64 candidate_id, char **filename, char **mime_type,
                        GError **error);
gboolean sl_resume_remove (SlStore *store, gint64 candidate_id, GError **error);

G_END_DECLS
