/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-window-private.h — what the main window's files share (sl-window.c, sl-window-actions.c) */
#pragma once

#include <adwaita.h>

#include "sl-candidate-list.h"
#include "sl-candidate-pane.h"
#include "sl-candidate-query.h"
#include "sl-candidate-selection.h"
#include "sl-candidate-view.h"
#include "sl-export-bar.h"
#include "sl-interviews-page.h"
#include "sl-positions-page.h"
#include "sl-reports-page.h"
#include "sl-window.h"

G_BEGIN_DECLS

struct _SlWindow
{
  AdwApplicationWindow parent_instance;

  SlStore *store;
  GSettings *settings;
  SlCandidateList *candidates;
  SlCandidateSelection *selection;
  SlCandidate *current; /* the selected candidate's profile, read once when it is selected */
  GCancellable *query_cancellable;
  char *query_key;         /* the search and filters of the query last started */
  char *member_name;       /* in a team database, the member logged in */
  GtkLabel *offline_label; /* in a team database, what the bar says when offline */
  GCancellable *sample_cancellable;
  GCancellable *check_cancellable;
  guint pane_source; /* the pane catches up with a selection the keyboard moved */
  gint64 select_after_query;
  guint busy;
  GBinding *title_binding;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *none_page;
  GtkWidget *content;
  AdwViewSwitcherTitle *list_title;
  GtkLabel *count_label;
  AdwViewStack *main_stack;
  GtkInfoBar *member_bar;
  /* Made when first shown: nothing is built or read at start-up that it does not show */
  AdwBin *positions_bin;
  AdwBin *interviews_bin;
  AdwBin *reports_bin;
  AdwBin *pane_bin;
  SlPositionsPage *positions_page;
  SlInterviewsPage *interviews_page;
  SlReportsPage *reports_page;
  SlExportBar *export_bar;
  AdwWindowTitle *content_title;
  GtkSearchEntry *search_entry;
  GtkDropDown *stage_filter;
  GtkDropDown *country_filter;
  GtkDropDown *seniority_filter;
  GtkDropDown *stack_filter;
  GtkStack *list_stack;
  SlCandidateView *list_view;
  GtkStack *content_stack;
  SlCandidatePane *pane;
  GtkWidget *sample_button;
  GtkWidget *sample_spinner;
};

/* sl-window.c */
void sl_window_toast_error (SlWindow *self, const GError *error);
void sl_window_refresh (SlWindow *self);
SlCandidateQuery *sl_window_current_query (SlWindow *self);
void sl_window_select_position (SlWindow *self, guint position);
void sl_window_sync_pane (SlWindow *self);
void sl_window_update_title (SlWindow *self);
void sl_window_candidate_added_cb (SlWindow *self, gint64 id);

/* sl-window-actions.c: the window's actions on candidates and on the database */
void sl_window_new_candidate_action (GtkWidget *widget, const char *action_name,
                                     GVariant *parameter);
void sl_window_delete_candidate_action (GtkWidget *widget, const char *action_name,
                                        GVariant *parameter);
void sl_window_load_sample_data_action (GtkWidget *widget, const char *action_name,
                                        GVariant *parameter);
void sl_window_export_candidates_action (GtkWidget *widget, const char *action_name,
                                         GVariant *parameter);
void sl_window_back_up_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void sl_window_restore_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void sl_window_check_file (SlWindow *self);

G_END_DECLS
