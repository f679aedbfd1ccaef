/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-application-row.c — one of the candidate's applications: its stage, moves and timeline
 *
 * The row's title is the position and its subtitle the stage (by the name the position's
 * pipeline gives it). Expanded, it offers the moves — back, forward, to any stage, reject with
 * a reason, withdraw, reopen — the hire's dates, and every stage event so far; those are made
 * when it is first expanded.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-application-row.h"
#include "sl-date-row.h"
#include "sl-debrief-window.h"
#include "sl-interview-dialog.h"
#include "sl-interview-list.h"
#include "sl-option.h"
#include "sl-store-pipeline.h"
#include "sl-position-editor.h"
#include "sl-store-positions.h"
#include "sl-stage-column.h"
#include "sl-stage-event.h"
#include "sl-vocab.h"
#include "sl-widgets.h"
#include "sl-session.h"
#include "sl-time.h"

struct _SlApplicationRow
{
  AdwExpanderRow parent_instance;

  SlStore *store;
  SlApplication *application;
  GtkWidget *end_reason;
  GtkWidget *end_details;
  const char *ending; /* rejected or withdrawn, while its dialog is open */
  gboolean built;
};

G_DEFINE_FINAL_TYPE (SlApplicationRow, sl_application_row, ADW_TYPE_EXPANDER_ROW)

static void
toast (SlApplicationRow *self, const char *message)
{
  sl_widget_toast (GTK_WIDGET (self), message);
}

gint64
sl_application_row_get_id (SlApplicationRow *self)
{
  return sl_application_get_id (self->application);
}

gboolean
sl_application_row_is_active (SlApplicationRow *self)
{
  const char *stage = sl_application_get_stage (self->application);

  return !g_str_equal (stage, "rejected") && !g_str_equal (stage, "withdrawn");
}

static char *
stage_name (SlApplicationRow *self, const char *stage)
{
  if (stage == NULL)
    return g_strdup ("");
  if (g_str_equal (stage, "rejected") || g_str_equal (stage, "withdrawn"))
    return g_strdup (sl_vocab_label (SL_VOCAB_STAGE, stage));
  return sl_store_stage_name (self->store, sl_application_get_position_id (self->application),
                              stage);
}

static gboolean
move_to (SlApplicationRow *self, const char *stage, const char *reason_id, const char *details)
{
  g_autoptr (GError) error = NULL;

  if (!sl_store_move_application (
        self->store, sl_application_get_id (self->application), stage, reason_id, details,
        sl_session_get_member_id (sl_session_get (self->store), NULL), &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Forward (1) or back (-1) along the position's visible stages */
gboolean
sl_application_row_move (SlApplicationRow *self, int direction)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stage = NULL;

  g_return_val_if_fail (SL_IS_APPLICATION_ROW (self), FALSE);

  stage = sl_store_adjacent_stage (self->store, sl_application_get_id (self->application),
                                   direction, &error);
  if (stage == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  return move_to (self, stage, NULL, NULL);
}

static void
end_response_cb (AdwMessageDialog *dialog, const char *response, SlApplicationRow *self)
{
  SlVocab reasons = sl_vocab_reasons_for (self->ending);
  guint index = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->end_reason));
  const char *details = gtk_editable_get_text (GTK_EDITABLE (self->end_details));

  if (!g_str_equal (response, "end"))
    return;
  /* The reason is kept as its id, so that each reader sees it in their own language */
  move_to (self, self->ending,
           index < sl_vocab_size (reasons) ? sl_vocab_id (reasons, index) : NULL, details);
}

/* Asks why the application ends at @outcome (from the list, plus free text), then moves it */
static void
ask_end (SlApplicationRow *self, const char *outcome)
{
  gboolean reject = g_str_equal (outcome, "rejected");
  g_autoptr (GListModel) reasons = sl_vocab_model (sl_vocab_reasons_for (outcome), NULL);
  g_autoptr (GtkExpression) expression =
    gtk_property_expression_new (SL_TYPE_OPTION, NULL, "label");
  const char *title = sl_application_get_position_title (self->application);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *heading = NULL;

  self->ending = reject ? "rejected" : "withdrawn";
  heading = reject
              /* Translators: %s is the position's title */
              ? g_strdup_printf (_ ("Reject for “%s”?"), title)
              /* Translators: the candidate withdraws from a position; %s is its title */
              : g_strdup_printf (_ ("Withdraw from “%s”?"), title);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _ ("The reason is kept in the application’s history."));
  self->end_reason = gtk_drop_down_new (g_object_ref (reasons), gtk_expression_ref (expression));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->end_reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Reason"), -1);
  self->end_details = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->end_details), _ ("Details (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->end_details), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Details"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (self->end_details), TRUE);
  gtk_box_append (GTK_BOX (box), self->end_reason);
  gtk_box_append (GTK_BOX (box), self->end_details);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "end",
                                    reject ? _ ("_Reject") : _ ("_Withdraw"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "end");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Asks for the reason (from the list, plus free text), then rejects */
void
sl_application_row_ask_reject (SlApplicationRow *self)
{
  ask_end (self, "rejected");
}

/* Asks why the candidate withdrew, then marks the application withdrawn */
void
sl_application_row_ask_withdraw (SlApplicationRow *self)
{
  ask_end (self, "withdrawn");
}

/* Opens the dialog to schedule an interview of this application */
void
sl_application_row_schedule (SlApplicationRow *self)
{
  SlInterviewDialog *dialog = sl_interview_dialog_new (
    self->store, self->application, NULL, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every scorecard of the application the current member may see, side by side */
void
sl_application_row_debrief (SlApplicationRow *self)
{
  gint64 member = sl_session_get_member_id (sl_session_get (self->store), NULL);
  GtkWidget *window;

  if (member == 0)
    {
      toast (self, _ ("Choose who you are in Preferences to read scorecards"));
      return;
    }
  window = sl_debrief_window_new (self->store, sl_application_get_id (self->application), member,
                                  GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (window));
}

static void
button_clicked_cb (GtkButton *button, SlApplicationRow *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "sl-what");
  g_autoptr (GError) error = NULL;

  if (g_str_equal (what, "back"))
    sl_application_row_move (self, -1);
  else if (g_str_equal (what, "forward"))
    sl_application_row_move (self, 1);
  else if (g_str_equal (what, "reject"))
    sl_application_row_ask_reject (self);
  else if (g_str_equal (what, "withdraw"))
    sl_application_row_ask_withdraw (self);
  else if (g_str_equal (what, "schedule"))
    sl_application_row_schedule (self);
  else if (g_str_equal (what, "debrief"))
    sl_application_row_debrief (self);
  else if (g_str_equal (what, "reopen") &&
           !sl_store_reopen_application (
             self->store, sl_application_get_id (self->application),
             sl_session_get_member_id (sl_session_get (self->store), NULL), &error))
    toast (self, error->message);
}

static GtkWidget *
action_button (SlApplicationRow *self, const char *what, const char *label, const char *icon)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  /* Named by the content's label, its mnemonic label: an accessible label too reads twice */
  gtk_button_set_child (GTK_BUTTON (button), content);
  g_object_set_data_full (G_OBJECT (button), "sl-what", g_strdup (what), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (button_clicked_cb), self);
  return button;
}

static void
stage_chosen_cb (GtkListBox *list, GtkListBoxRow *row, SlApplicationRow *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  move_to (self, g_object_get_data (G_OBJECT (row), "sl-stage"), NULL, NULL);
}

/* “Move to…”: any stage of the position's pipeline */
static GtkWidget *
stage_menu (SlApplicationRow *self)
{
  g_autoptr (GListModel) stages = sl_store_list_position_stages (
    self->store, sl_application_get_position_id (self->application), FALSE, NULL);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *list = gtk_list_box_new ();
  guint n = stages ? g_list_model_get_n_items (stages) : 0;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _ ("Move _to"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Move to a stage"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Stages"), -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (stages, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (sl_stage_column_get_name (column));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "sl-stage",
                              g_strdup (sl_stage_column_get_id (column)), g_free);
      gtk_widget_set_sensitive (row, !g_str_equal (sl_stage_column_get_id (column),
                                                   sl_application_get_stage (self->application)));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (stage_chosen_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), list);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static void
dates_applied_cb (SlApplicationRow *self)
{
  GtkWidget *start = g_object_get_data (G_OBJECT (self), "sl-start");
  GtkWidget *left = g_object_get_data (G_OBJECT (self), "sl-left");
  GtkWidget *reason = g_object_get_data (G_OBJECT (self), "sl-left-reason");
  g_autofree char *start_iso = sl_date_text_to_iso (gtk_editable_get_text (GTK_EDITABLE (start)));
  g_autofree char *left_iso = sl_date_text_to_iso (gtk_editable_get_text (GTK_EDITABLE (left)));
  g_autoptr (GError) error = NULL;

  /* Typed in the user's own order or picked from the calendar; stored as ISO */
  if (start_iso == NULL || left_iso == NULL)
    {
      g_autofree char *message = sl_date_not_a_date_message (
        gtk_editable_get_text (GTK_EDITABLE (start_iso == NULL ? start : left)));

      gtk_widget_add_css_class (start_iso == NULL ? start : left, "error");
      toast (self, message);
      return;
    }
  if (!sl_store_set_employment_dates (self->store, sl_application_get_id (self->application),
                                      start_iso, left_iso,
                                      gtk_editable_get_text (GTK_EDITABLE (reason)), &error))
    {
      /* Nothing was saved: the rows say so until the dates are right */
      gtk_widget_add_css_class (start, "error");
      gtk_widget_add_css_class (left, "error");
      toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (start, "error");
  gtk_widget_remove_css_class (left, "error");
  toast (self, _ ("Dates saved"));
}

static GtkWidget *
date_row (SlApplicationRow *self, const char *title, const char *value, const char *key)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  if (!g_str_equal (key, "sl-left-reason"))
    {
      g_autofree char *shown = sl_time_format_numeric_date (value);

      gtk_editable_set_text (GTK_EDITABLE (row), shown);
      sl_date_row_add_calendar (ADW_ENTRY_ROW (row));
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_signal_connect_swapped (row, "apply", G_CALLBACK (dates_applied_cb), self);
  g_object_set_data (G_OBJECT (self), key, row);
  return row;
}

/* What the row shows expanded: built the first time it is, since a candidate's pane lists
 * every application and most stay closed (selecting candidates one after another with the
 * keyboard must not read each one's timeline and interviews) */
static void
build_contents (SlApplicationRow *self)
{
  g_autoptr (GListModel) events =
    sl_store_list_stage_events (self->store, sl_application_get_id (self->application), NULL);
  const char *stage = sl_application_get_stage (self->application);
  GtkWidget *actions = gtk_flow_box_new ();
  GtkWidget *actions_row = adw_preferences_row_new ();
  GtkWidget *interviews, *interviews_row;
  gboolean active = sl_application_row_is_active (self);
  guint n = events ? g_list_model_get_n_items (events) : 0;

  self->built = TRUE;

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (actions), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (actions), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (actions), 6);
  gtk_widget_set_margin_top (actions, 6);
  gtk_widget_set_margin_bottom (actions, 6);
  gtk_widget_set_margin_start (actions, 6);
  gtk_widget_set_margin_end (actions, 6);
  if (active)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (actions),
                           action_button (self, "back", _ ("_Back"), "go-previous-symbolic"));
      gtk_flow_box_append (GTK_FLOW_BOX (actions),
                           action_button (self, "forward", _ ("_Forward"), "go-next-symbolic"));
      gtk_flow_box_append (GTK_FLOW_BOX (actions), stage_menu (self));
      gtk_flow_box_append (GTK_FLOW_BOX (actions), action_button (self, "reject", _ ("_Reject…"),
                                                                  "action-unavailable-symbolic"));
      gtk_flow_box_append (
        GTK_FLOW_BOX (actions),
        action_button (self, "withdraw", _ ("_Withdraw…"), "edit-undo-symbolic"));
      gtk_flow_box_append (
        GTK_FLOW_BOX (actions),
        action_button (self, "schedule", _ ("Schedule _Interview…"), "x-office-calendar-symbolic"));
    }
  else
    gtk_flow_box_append (GTK_FLOW_BOX (actions),
                         action_button (self, "reopen", _ ("Re_open"), "view-refresh-symbolic"));
  gtk_flow_box_append (GTK_FLOW_BOX (actions),
                       action_button (self, "debrief", _ ("_Debrief"), "view-dual-symbolic"));
  /* Tab goes from button to button, not through the flow box's own children first */
  for (GtkWidget *child = gtk_widget_get_first_child (actions); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), actions);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), actions_row);

  /* The interviews, each with its own menu; hidden while there are none */
  interviews = GTK_WIDGET (sl_interview_list_new (self->store, self->application));
  interviews_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (interviews_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (interviews_row), interviews);
  g_object_bind_property (interviews, "visible", interviews_row, "visible", G_BINDING_SYNC_CREATE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), interviews_row);

  if (g_str_equal (stage, "hired"))
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self),
                                date_row (self, _ ("Start date"),
                                          sl_application_get_start_date (self->application),
                                          "sl-start"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self),
                                date_row (self, _ ("Left the company on"),
                                          sl_application_get_left_at (self->application),
                                          "sl-left"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self),
                                date_row (self, _ ("Why they left"),
                                          sl_application_get_left_reason (self->application),
                                          "sl-left-reason"));
    }

  /* The timeline, newest first: what a recruiter asks first is what happened last */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (SlStageEvent) event = g_list_model_get_item (events, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *from = stage_name (self, sl_stage_event_get_from_stage (event));
      g_autofree char *to = stage_name (self, sl_stage_event_get_to_stage (event));
      g_autofree char *when = sl_time_format_moment (sl_stage_event_get_at (event));
      g_autofree char *title = NULL;
      g_autoptr (GString) subtitle = g_string_new (when);
      g_autofree char *reason = sl_stage_event_dup_reason_text (event);

      if (sl_stage_event_get_from_stage (event) == NULL)
        /* Translators: the first event of an application; %s is the first stage */
        title = g_strdup_printf (_ ("Added at %s"), to);
      else
        /* Translators: a stage move, from one stage to another */
        title = g_strdup_printf (_ ("%s → %s"), from, to);
      if (*sl_stage_event_get_by_name (event) != '\0')
        {
          /* The event keeps the member's email; people read names */
          g_autoptr (SlMember) member =
            sl_store_find_member (self->store, sl_stage_event_get_by_name (event));

          /* Translators: who made a move; %s is a team member's name */
          g_string_append_printf (subtitle, _ (" · by %s"),
                                  member ? sl_member_get_name (member)
                                         : sl_stage_event_get_by_name (event));
        }
      if (reason != NULL)
        g_string_append_printf (subtitle, " · %s", reason);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("document-open-recent-symbolic"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }
}

static void
expanded_cb (SlApplicationRow *self)
{
  if (!self->built && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    build_contents (self);
}

static void
build (SlApplicationRow *self)
{
  g_autofree char *current = stage_name (self, sl_application_get_stage (self->application));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 sl_application_get_position_title (self->application));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), current);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
}

static void
sl_application_row_dispose (GObject *object)
{
  SlApplicationRow *self = SL_APPLICATION_ROW (object);

  g_clear_object (&self->application);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_application_row_parent_class)->dispose (object);
}

static void
sl_application_row_class_init (SlApplicationRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_application_row_dispose;
}

static void
sl_application_row_init (SlApplicationRow *self)
{
}

SlApplicationRow *
sl_application_row_new (SlStore *store, SlApplication *application)
{
  SlApplicationRow *self = g_object_new (SL_TYPE_APPLICATION_ROW, NULL);

  self->store = g_object_ref (store);
  self->application = g_object_ref (application);
  build (self);
  return self;
}
