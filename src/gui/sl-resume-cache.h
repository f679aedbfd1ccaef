/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-resume-cache.h — the owner-only copies of résumés handed to a viewer */
#pragma once

#include "sl-store.h"

G_BEGIN_DECLS

char *sl_resume_cache_write (SlStore *store, gint64 candidate_id, const char *filename,
                             GBytes *bytes, GError **error);
void sl_resume_cache_forget (SlStore *store, gint64 candidate_id);
void sl_resume_cache_clear (void);
void sl_resume_cache_clear_stale (void);
char *sl_resume_cache_dir (void);

G_END_DECLS
