/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-picker.h — choose candidates to add to a position's pipeline */
#pragma once

#include <adwaita.h>

#include "sl-position.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_CANDIDATE_PICKER (sl_candidate_picker_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidatePicker, sl_candidate_picker, SL, CANDIDATE_PICKER, AdwWindow)

SlCandidatePicker *sl_candidate_picker_new (SlStore *store, SlPosition *position);
gboolean sl_candidate_picker_is_busy (SlCandidatePicker *self);
guint sl_candidate_picker_add_ids (SlCandidatePicker *self, const gint64 *ids, guint n_ids,
                                   char **message);

G_END_DECLS
