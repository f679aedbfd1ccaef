/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-position-editor.c — a position's details, kickoff, approved description and pipeline
 *
 * Saved as you type, like the candidate pane. The store enforces the rules (approval by a
 * hiring lead or an admin, back to draft after an edit, no sourcing before approval); this
 * editor shows them: the Approve and Add Candidates buttons say why they are disabled.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sl-candidate-picker.h"
#include "sl-countries.h"
#include "sl-option.h"
#include "sl-position-editor-private.h"
#include "sl-date-row.h"
#include "sl-a11y.h"
#include "sl-position-editor.h"
#include "sl-position-row.h"
#include "sl-store-positions.h"
#include "sl-stage-column.h"
#include "sl-vocab.h"
#include "sl-widgets.h"
#include "sl-session.h"
#include "sl-time.h"

typedef struct
{
  const char *widget;
  SlPositionText field;
} TextBinding;

static const TextBinding entry_bindings[] = {
  { "title_row", SL_POSITION_TITLE },
  { "client_row", SL_POSITION_CLIENT },
  { "contract_end_row", SL_POSITION_CONTRACT_END },
  { "currency_entry", SL_POSITION_CURRENCY },
};

static const TextBinding combo_bindings[] = {
  { "seniority_row", SL_POSITION_SENIORITY },
  { "stack_row", SL_POSITION_STACK },
  { "employment_row", SL_POSITION_EMPLOYMENT_TYPE },
  { "period_dropdown", SL_POSITION_RATE_PERIOD },
};

static const char *const statuses[] = { "kickoff", "draft", "open", "on-hold", "filled", "closed" };

G_DEFINE_FINAL_TYPE (SlPositionEditor, sl_position_editor, GTK_TYPE_WIDGET)

static GObject *
child (SlPositionEditor *self, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), SL_TYPE_POSITION_EDITOR, name);
}

void
sl_position_editor_toast (SlPositionEditor *self, const char *message)
{
  sl_widget_toast (GTK_WIDGET (self), message);
}

static void
mark_invalid (SlPositionEditor *self, GtkWidget *widget, const char *message)
{
  sl_widget_mark_invalid (&self->invalid_widget, widget, message);
}

static void update_rules (SlPositionEditor *self);

/* Someone else saved the position since it was read (@message says who and when): the form
 * shows their values and keeps this user's changes where they changed something else */
static void
save_over_conflict (SlPositionEditor *self, const char *message)
{
  g_autoptr (GError) error = NULL;
  gboolean clashed = FALSE;

  if (!sl_store_rebase_position (self->store, self->position, &clashed, &error) ||
      (!clashed && !sl_store_save_position (self->store, self->position, &error)))
    {
      sl_widget_toast (GTK_WIDGET (self), error->message);
      return;
    }
  mark_invalid (self, NULL, NULL);
  sl_widget_toast_conflict (GTK_WIDGET (self), message, clashed);
}

/* A change to the pipeline or a kit was refused because someone changed the position since it
 * was read (@error says who): the editor shows the position as it is now, and the user makes
 * their change again. Any other error is shown as it is. */
void
sl_position_editor_refused (SlPositionEditor *self, const GError *error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *text = NULL;
  gboolean clashed = FALSE;

  if (!g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT))
    {
      sl_position_editor_toast (self, error->message);
      return;
    }
  if (!sl_store_rebase_position (self->store, self->position, &clashed, &local))
    {
      sl_position_editor_toast (self, local->message);
      return;
    }
  sl_position_editor_load_stages (self);
  sl_position_editor_load_kits (self);
  /* Translators: %s says who changed it and when, e.g. "Changed by Ana Lima a moment ago" */
  text = g_strdup_printf (_ ("%s. The position is shown as it is now: make your change again."),
                          error->message);
  sl_position_editor_toast (self, text);
}

static void
save (SlPositionEditor *self, GtkWidget *edited)
{
  g_autoptr (GError) error = NULL;

  if (self->loading || self->position == NULL || self->store == NULL)
    return;
  if (!sl_store_save_position (self->store, self->position, &error))
    {
      if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT))
        save_over_conflict (self, error->message);
      else
        mark_invalid (self, edited, error->message);
      return;
    }
  mark_invalid (self, NULL, NULL);
  update_rules (self);
}

static void
entry_changed_cb (GtkEditable *editable, SlPositionEditor *self)
{
  SlPositionText field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "sl-field"));
  g_autofree char *text = NULL;

  if (self->loading || self->position == NULL)
    return;
  text = field == SL_POSITION_CURRENCY ? g_utf8_strup (gtk_editable_get_text (editable), -1)
                                       : g_strdup (gtk_editable_get_text (editable));
  /* The contract's end as the user types dates or picks it; stored as ISO. While it is no date
   * yet, the store refuses it and the row says why. */
  if (field == SL_POSITION_CONTRACT_END)
    {
      char *iso = sl_date_text_to_iso (text);

      if (iso != NULL)
        g_free (g_steal_pointer (&text)), text = iso;
    }
  sl_position_set_text (self->position, field, text);
  save (self, GTK_WIDGET (editable));
}

static void
combo_changed_cb (GObject *combo, GParamSpec *pspec, SlPositionEditor *self)
{
  SlPositionText field = GPOINTER_TO_UINT (g_object_get_data (combo, "sl-field"));
  g_autoptr (SlOption) option = NULL;

  if (self->loading || self->position == NULL)
    return;
  g_object_get (combo, "selected-item", &option, NULL);
  sl_position_set_text (self->position, field, option ? sl_option_get_id (option) : "");
  save (self, GTK_WIDGET (combo));
}

static void
status_changed_cb (SlPositionEditor *self)
{
  SlOption *option = adw_combo_row_get_selected_item (self->status_row);
  g_autoptr (GError) error = NULL;

  if (self->loading || self->position == NULL || option == NULL)
    return;
  if (!sl_store_set_position_status (self->store, self->position, sl_option_get_id (option),
                                     &error))
    {
      sl_position_editor_toast (self, error->message);
      update_rules (self);
    }
}

static void
spins_changed_cb (SlPositionEditor *self)
{
  double min = gtk_spin_button_get_value (self->rate_min_spin);
  double max = gtk_spin_button_get_value (self->rate_max_spin);

  if (self->loading || self->position == NULL)
    return;
  sl_position_set_headcount (self->position,
                             gtk_spin_button_get_value_as_int (self->headcount_spin));
  sl_position_set_rate_min (self->position, min > 0 ? min : -1);
  sl_position_set_rate_max (self->position, max > 0 ? max : -1);
  save (self, GTK_WIDGET (self->rate_max_spin));
}

static char **
split_list (const char *text, gboolean upper)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      if (*part == '\0')
        continue;
      if (upper)
        {
          g_autofree char *up = g_ascii_strup (part, -1);
          g_strv_builder_add (builder, up);
        }
      else
        g_strv_builder_add (builder, part);
    }
  return g_strv_builder_end (builder);
}

static void
countries_changed_cb (SlPositionEditor *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) countries = NULL;

  if (self->loading || self->position == NULL)
    return;
  for (guint i = 0; i < self->country_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->country_checks, i);
      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "sl-country"));
    }
  countries = g_strv_builder_end (builder);
  sl_position_set_countries (self->position, (const char *const *) countries);
  save (self, GTK_WIDGET (self->countries_list));
}

static void
add_country_row (SlPositionEditor *self, const char *code, gboolean allowed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_countries_name (code));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), allowed);
  g_object_set_data_full (G_OBJECT (check), "sl-country", g_strdup (code), g_free);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (countries_changed_cb), self);
  g_ptr_array_add (self->country_checks, check);
  gtk_list_box_append (self->countries_list, row);
}

/* The offshore six, then every other allowed country, each by its name in the user's language */
static void
load_countries (SlPositionEditor *self)
{
  const char *const *offshore = sl_countries_offshore ();
  const char *const *countries = sl_position_get_countries (self->position);
  GtkWidget *row;
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  g_ptr_array_set_size (self->country_checks, 0);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->countries_list))) != NULL)
    gtk_list_box_remove (self->countries_list, row);
  for (guint i = 0; offshore[i] != NULL; i++)
    add_country_row (self, offshore[i], g_strv_contains (countries, offshore[i]));
  for (guint i = 0; countries[i] != NULL; i++)
    if (!g_strv_contains (offshore, countries[i]))
      add_country_row (self, countries[i], TRUE);
  self->loading = was_loading;
}

static void
country_added_cb (SlPositionEditor *self)
{
  SlOption *option = gtk_drop_down_get_selected_item (self->add_country_dropdown);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) countries = NULL;

  if (self->loading || self->position == NULL || option == NULL ||
      *sl_option_get_id (option) == '\0')
    return;
  g_strv_builder_addv (builder, (const char **) sl_position_get_countries (self->position));
  if (!g_strv_contains (sl_position_get_countries (self->position), sl_option_get_id (option)))
    g_strv_builder_add (builder, sl_option_get_id (option));
  countries = g_strv_builder_end (builder);
  sl_position_set_countries (self->position, (const char *const *) countries);
  save (self, GTK_WIDGET (self->add_country_dropdown));
  load_countries (self);
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->add_country_dropdown, 0);
  self->loading = FALSE;
}

static void
skills_changed_cb (SlPositionEditor *self)
{
  g_auto (GStrv) skills = NULL;

  if (self->loading || self->position == NULL)
    return;
  skills = split_list (gtk_editable_get_text (GTK_EDITABLE (self->skills_row)), FALSE);
  sl_position_set_skills (self->position, (const char *const *) skills);
  save (self, self->skills_row);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextIter start, end;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_changed_cb (GtkTextBuffer *buffer, SlPositionEditor *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (buffer), "sl-view");
  g_autofree char *text = buffer_text (view);

  if (self->loading || self->position == NULL)
    return;
  sl_position_set_text (
    self->position,
    view == self->kickoff_view ? SL_POSITION_KICKOFF_NOTES : SL_POSITION_DESCRIPTION, text);
  save (self, GTK_WIDGET (view));
}

static void
set_buffer (GtkTextView *view, const char *text)
{
  g_autofree char *current = buffer_text (view);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* The approval and sourcing rows say what is allowed now, and why not */
static void
update_rules (SlPositionEditor *self)
{
  g_autofree char *role = NULL;
  gint64 member = self->store ? sl_session_get_member_id (sl_session_get (self->store), &role) : 0;
  gboolean may_approve =
    member > 0 && (g_strcmp0 (role, "hiring-lead") == 0 || g_strcmp0 (role, "admin") == 0);
  gboolean approved, has_text, open;
  g_autofree char *approval = NULL;

  if (self->position == NULL)
    return;
  approved = sl_position_is_approved (self->position);
  has_text = *sl_position_get_text (self->position, SL_POSITION_DESCRIPTION) != '\0';
  open = g_str_equal (sl_position_get_status (self->position), "open");

  if (approved)
    {
      g_autofree char *when = sl_time_format_moment (sl_position_get_approved_at (self->position));
      /* Translators: who approved the job description, and when */
      approval =
        g_strdup_printf (_ ("Approved by %s on %s"),
                         sl_position_get_text (self->position, SL_POSITION_APPROVED_BY_NAME), when);
    }
  else if (!has_text)
    approval =
      g_strdup (_ ("Write the job description, then a hiring lead or an admin approves it"));
  else if (member == 0)
    approval = g_strdup (_ ("Not approved. Choose who you are in Preferences to approve it."));
  else if (!may_approve)
    approval = g_strdup (_ ("Not approved. Only a hiring lead or an admin can approve it."));
  else
    approval = g_strdup (_ ("Not approved yet"));
  adw_action_row_set_subtitle (self->approval_row, approval);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.approve",
                                 may_approve && has_text && !approved);
  /* An approved description is read-only until someone chooses to revise it, since any edit
   * withdraws the approval */
  gtk_widget_set_visible (self->approve_button, !approved);
  gtk_widget_set_visible (self->revise_button, approved && !self->revising);
  gtk_text_view_set_editable (self->description_view, !approved || self->revising);

  adw_action_row_set_subtitle (
    self->sourcing_row, !approved
                          ? _ ("No candidate can be added until the job description is approved")
                        : !open ? _ ("No candidate can be added while the position is not open")
                                : _ ("Pick candidates to put at the start of the pipeline"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-candidates", approved && open);

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (statuses[i], sl_position_get_status (self->position)))
      adw_combo_row_set_selected (self->status_row, i);
  self->loading = FALSE;
}

static void
fill (SlPositionEditor *self)
{
  SlPosition *position = self->position;
  g_autofree char *skills = NULL;

  if (position == NULL)
    return;
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entry_bindings); i++)
    {
      GtkEditable *editable = GTK_EDITABLE (child (self, entry_bindings[i].widget));
      const char *value = sl_position_get_text (position, entry_bindings[i].field);

      /* The contract's end is stored as ISO and shown in the locale's form; a field that
       * already says that date, in whichever form, is left as typed */
      if (entry_bindings[i].field == SL_POSITION_CONTRACT_END)
        {
          g_autofree char *typed = sl_date_text_to_iso (gtk_editable_get_text (editable));
          g_autofree char *shown = sl_time_format_numeric_date (value);

          if (g_strcmp0 (typed, value ? value : "") != 0)
            gtk_editable_set_text (editable, shown);
        }
      else if (g_strcmp0 (gtk_editable_get_text (editable), value) != 0)
        gtk_editable_set_text (editable, value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (combo_bindings); i++)
    {
      GObject *combo = child (self, combo_bindings[i].widget);
      g_autoptr (GListModel) model = NULL;

      g_object_get (combo, "model", &model, NULL);
      g_object_set (
        combo, "selected",
        sl_option_find (model, sl_position_get_text (position, combo_bindings[i].field)), NULL);
    }
  gtk_spin_button_set_value (self->headcount_spin, sl_position_get_headcount (position));
  gtk_spin_button_set_value (self->rate_min_spin, MAX (0, sl_position_get_rate_min (position)));
  gtk_spin_button_set_value (self->rate_max_spin, MAX (0, sl_position_get_rate_max (position)));
  load_countries (self);
  skills = g_strjoinv (", ", (char **) sl_position_get_skills (position));
  if (!gtk_widget_has_focus (self->skills_row) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->skills_row)), skills) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->skills_row), skills);
  set_buffer (self->kickoff_view, sl_position_get_text (position, SL_POSITION_KICKOFF_NOTES));
  set_buffer (self->description_view, sl_position_get_text (position, SL_POSITION_DESCRIPTION));
  self->loading = FALSE;
  update_rules (self);
}

static void
position_notify_cb (SlPositionEditor *self)
{
  if (!self->loading)
    fill (self);
}

void
sl_position_editor_set_position (SlPositionEditor *self, SlPosition *position)
{
  g_return_if_fail (SL_IS_POSITION_EDITOR (self));

  if (self->position == position)
    return;
  if (self->position != NULL)
    g_clear_signal_handler (&self->notify_id, self->position);
  self->revising = FALSE;
  mark_invalid (self, NULL, NULL);
  g_set_object (&self->position, position);
  if (position != NULL)
    {
      fill (self);
      self->notify_id = g_signal_connect_object (
        position, "notify", G_CALLBACK (position_notify_cb), self, G_CONNECT_SWAPPED);
    }
  sl_position_editor_load_stages (self);
  sl_position_editor_load_kits (self);
}

SlPosition *
sl_position_editor_get_position (SlPositionEditor *self)
{
  g_return_val_if_fail (SL_IS_POSITION_EDITOR (self), NULL);
  return self->position;
}

void
sl_position_editor_focus_title (SlPositionEditor *self)
{
  gtk_widget_grab_focus (self->title_row);
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

static void
revise_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlPositionEditor *self = SL_POSITION_EDITOR (widget);

  self->revising = TRUE;
  update_rules (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->description_view));
  sl_position_editor_toast (self, _ ("Revising the description sends it back for approval"));
}

static void
approve_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlPositionEditor *self = SL_POSITION_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (self->position == NULL)
    return;
  if (!sl_store_approve_description (self->store, self->position,
                                     sl_session_get_member_id (sl_session_get (self->store), NULL),
                                     &error))
    sl_position_editor_toast (self, error->message);
  self->revising = FALSE;
  update_rules (self);
}

static void
add_candidates_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlPositionEditor *self = SL_POSITION_EDITOR (widget);
  SlCandidatePicker *picker;

  if (self->position == NULL)
    return;
  picker = sl_candidate_picker_new (self->store, self->position);
  g_signal_connect_object (picker, "added", G_CALLBACK (sl_position_editor_toast), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (picker), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (picker));
}

static void
set_combo_model (SlPositionEditor *self, const char *name, GListModel *model)
{
  sl_combo_set_options (child (self, name), model);
}

void
sl_position_editor_set_store (SlPositionEditor *self, SlStore *store)
{
  g_return_if_fail (SL_IS_POSITION_EDITOR (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->loading = TRUE;
  set_combo_model (self, "stack_row", sl_store_list_stacks (store, _ ("Not set")));
  self->loading = FALSE;
}

static void
member_changed_cb (SlPositionEditor *self)
{
  update_rules (self);
}

static void
sl_position_editor_dispose (GObject *object)
{
  SlPositionEditor *self = SL_POSITION_EDITOR (object);

  sl_position_editor_set_position (self, NULL);
  /* The kit's kind chooser would reload the kit while the page is torn down */
  if (self->kit_kind_row != NULL)
    g_signal_handlers_disconnect_by_data (self->kit_kind_row, self);
  g_clear_handle_id (&self->kit_reload_source, g_source_remove);
  self->kit_kind_row = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_POSITION_EDITOR);
  g_clear_pointer (&self->country_checks, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->kit);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_position_editor_parent_class)->dispose (object);
}

static void
sl_position_editor_class_init (SlPositionEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sl_position_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/sl-position-editor.ui");
  for (guint i = 0; i < G_N_ELEMENTS (entry_bindings); i++)
    gtk_widget_class_bind_template_child_full (widget_class, entry_bindings[i].widget, FALSE, 0);
  for (guint i = 0; i < G_N_ELEMENTS (combo_bindings); i++)
    gtk_widget_class_bind_template_child_full (widget_class, combo_bindings[i].widget, FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, page);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, headcount_spin);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, rate_min_spin);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, rate_max_spin);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, countries_list);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, add_country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, skills_row);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, kickoff_view);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, approval_row);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, approve_button);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, sourcing_row);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, stages_list);
  gtk_widget_class_bind_template_child (widget_class, SlPositionEditor, new_stage_row);
  gtk_widget_class_install_action (widget_class, "editor.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "editor.revise", NULL, revise_action);
  gtk_widget_class_install_action (widget_class, "editor.add-candidates", NULL,
                                   add_candidates_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sl_position_editor_init (SlPositionEditor *self)
{
  g_autoptr (GListStore) status_options = g_list_store_new (SL_TYPE_OPTION);
  g_autoptr (GtkExpression) expression =
    gtk_property_expression_new (SL_TYPE_OPTION, NULL, "label");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Bound once, through entry_bindings; the pointer is kept for focusing */
  self->title_row = GTK_WIDGET (child (self, "title_row"));
  self->country_checks = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr (SlOption) option =
        sl_option_new (statuses[i], sl_position_status_label (statuses[i]));
      g_list_store_append (status_options, option);
    }
  adw_combo_row_set_expression (self->status_row, expression);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_options));
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb),
                            self);

  set_combo_model (self, "seniority_row", sl_vocab_model (SL_VOCAB_SENIORITY, _ ("Not set")));
  set_combo_model (self, "employment_row", sl_vocab_model (SL_VOCAB_EMPLOYMENT, _ ("Not set")));
  set_combo_model (self, "period_dropdown", sl_vocab_model (SL_VOCAB_RATE_PERIOD, _ ("Not set")));
  for (guint i = 0; i < G_N_ELEMENTS (entry_bindings); i++)
    {
      GObject *editable = child (self, entry_bindings[i].widget);
      g_object_set_data (editable, "sl-field", GUINT_TO_POINTER (entry_bindings[i].field));
      g_signal_connect (editable, "changed", G_CALLBACK (entry_changed_cb), self);
    }
  sl_date_row_add_calendar (ADW_ENTRY_ROW (child (self, "contract_end_row")));
  for (guint i = 0; i < G_N_ELEMENTS (combo_bindings); i++)
    {
      GObject *combo = child (self, combo_bindings[i].widget);
      g_object_set_data (combo, "sl-field", GUINT_TO_POINTER (combo_bindings[i].field));
      g_signal_connect (combo, "notify::selected", G_CALLBACK (combo_changed_cb), self);
    }
  sl_combo_set_options (G_OBJECT (self->add_country_dropdown), sl_countries_model (_ ("Choose…")));
  sl_drop_down_searchable (self->add_country_dropdown);
  /* Its own name, not the row's title by relation: its button is named after it */
  sl_a11y_set_label (GTK_WIDGET (self->add_country_dropdown), _ ("Add another country"));
  g_signal_connect_swapped (self->add_country_dropdown, "notify::selected",
                            G_CALLBACK (country_added_cb), self);
  g_signal_connect_swapped (self->skills_row, "changed", G_CALLBACK (skills_changed_cb), self);
  g_signal_connect_swapped (self->headcount_spin, "value-changed", G_CALLBACK (spins_changed_cb),
                            self);
  g_signal_connect_swapped (self->rate_min_spin, "value-changed", G_CALLBACK (spins_changed_cb),
                            self);
  g_signal_connect_swapped (self->rate_max_spin, "value-changed", G_CALLBACK (spins_changed_cb),
                            self);
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->kickoff_view)), "sl-view",
                     self->kickoff_view);
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->description_view)), "sl-view",
                     self->description_view);
  g_signal_connect (gtk_text_view_get_buffer (self->kickoff_view), "changed",
                    G_CALLBACK (text_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed",
                    G_CALLBACK (text_changed_cb), self);
  sl_position_editor_init_stages (self);

  self->revise_button = gtk_button_new_with_mnemonic (_ ("_Revise"));
  gtk_widget_set_valign (self->revise_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->revise_button), "editor.revise");
  gtk_widget_set_visible (self->revise_button, FALSE);
  adw_action_row_add_suffix (self->approval_row, self->revise_button);
  sl_position_editor_init_kits (self);
  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::member-email", G_CALLBACK (member_changed_cb),
                           self, G_CONNECT_SWAPPED);
}
