/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-scorecard-editor.h — one interviewer's scorecard of one interview: rate, recommend, submit */
#pragma once

#include <adwaita.h>

#include "sl-scorecard.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_SCORECARD_EDITOR (sl_scorecard_editor_get_type ())
G_DECLARE_FINAL_TYPE (SlScorecardEditor, sl_scorecard_editor, SL, SCORECARD_EDITOR, AdwWindow)

GtkWidget *sl_scorecard_editor_new (SlStore *store, gint64 interview_id, gint64 member_id,
                                    GtkWindow *parent, GError **error);
SlScorecard *sl_scorecard_editor_get_scorecard (SlScorecardEditor *self);
void sl_scorecard_editor_flush (SlScorecardEditor *self);

G_END_DECLS
