/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-position-editor-private.h — the position editor's state, shared by the files it is split into */
#pragma once

#include <adwaita.h>

#include "sl-position-editor.h"

G_BEGIN_DECLS

struct _SlPositionEditor
{
  GtkWidget parent_instance;

  SlStore *store;
  SlPosition *position;
  GSettings *settings;
  gulong notify_id;
  gboolean loading;
  GtkWidget *invalid_widget;
  GPtrArray *country_checks; /* GtkCheckButton, each with its country code as "sl-country" */

  AdwPreferencesPage *page;
  GtkWidget *title_row;
  AdwComboRow *status_row;
  GtkSpinButton *headcount_spin;
  GtkSpinButton *rate_min_spin;
  GtkSpinButton *rate_max_spin;
  GtkListBox *countries_list;
  GtkDropDown *add_country_dropdown;
  GtkWidget *skills_row;
  GtkTextView *kickoff_view;
  GtkTextView *description_view;
  AdwActionRow *approval_row;
  GtkWidget *approve_button;
  GtkWidget *revise_button;
  gboolean revising;
  AdwActionRow *sourcing_row;
  GtkListBox *stages_list;
  AdwActionRow *new_stage_row;
  AdwPreferencesGroup *kit_group;
  AdwComboRow *kit_kind_row;
  AdwActionRow *kit_status_row;
  GtkWidget *kit_reset_button;
  GtkListBox *kit_list;
  AdwActionRow *new_category_row;
  GListStore *kit; /* SlKitItem: the kit shown, as last saved */
  guint kit_reload_source;
  guint kit_focus_index; /* where the focus goes when the kit is shown again */
  gboolean kit_focus_header;
  const char *kit_focus_what;
};

void sl_position_editor_toast (SlPositionEditor *self, const char *message);
void sl_position_editor_refused (SlPositionEditor *self, const GError *error);
void sl_position_editor_load_stages (SlPositionEditor *self);
void sl_position_editor_init_stages (SlPositionEditor *self);
void sl_position_editor_init_kits (SlPositionEditor *self);
void sl_position_editor_load_kits (SlPositionEditor *self);

G_END_DECLS
