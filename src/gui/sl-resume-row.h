/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-resume-row.h — the candidate's résumé: attach, open, remove */
#pragma once

#include <adwaita.h>

#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_RESUME_ROW (sl_resume_row_get_type ())
G_DECLARE_FINAL_TYPE (SlResumeRow, sl_resume_row, SL, RESUME_ROW, AdwActionRow)

void sl_resume_row_set_candidate (SlResumeRow *self, SlStore *store, gint64 candidate_id);
gboolean sl_resume_row_attach_file (SlResumeRow *self, GFile *file, GError **error);

G_END_DECLS
