/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-position-editor.h — a position's details, kickoff, approved description and pipeline */
#pragma once

#include <gtk/gtk.h>

#include "sl-position.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_POSITION_EDITOR (sl_position_editor_get_type ())
G_DECLARE_FINAL_TYPE (SlPositionEditor, sl_position_editor, SL, POSITION_EDITOR, GtkWidget)

void sl_position_editor_set_store (SlPositionEditor *self, SlStore *store);
void sl_position_editor_set_position (SlPositionEditor *self, SlPosition *position);
SlPosition *sl_position_editor_get_position (SlPositionEditor *self);
void sl_position_editor_focus_title (SlPositionEditor *self);

G_END_DECLS
