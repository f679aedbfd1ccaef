/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-pane.c — the selected candidate's profile, edited in place and saved as you type
 *
 * Every field writes to the candidate and saves it at once (one indexed UPDATE). A value the
 * store refuses (an unfinished email address, say) marks its row and is not written; moving to
 * another candidate drops it, so the database never holds a half-typed value.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sl-application-row.h"
#include "sl-application.h"
#include "sl-store-pipeline.h"
#include "sl-position-editor.h"
#include "sl-store-positions.h"
#include "sl-a11y.h"
#include "sl-candidate-pane.h"
#include "sl-countries.h"
#include "sl-option.h"
#include "sl-record.h"
#include "sl-resume-row.h"
#include "sl-vocab.h"
#include "sl-widgets.h"
#include "sl-session.h"
#include "sl-time.h"
#include "sl-zone-row.h"

typedef struct
{
  const char *widget;
  SlCandidateText field;
} TextBinding;

/* Entry rows and the text field each one edits */
static const TextBinding entry_bindings[] = {
  { "name_row", SL_CANDIDATE_NAME },           { "email_row", SL_CANDIDATE_EMAIL },
  { "phone_row", SL_CANDIDATE_PHONE },         { "links_row", SL_CANDIDATE_LINKS },
  { "city_row", SL_CANDIDATE_CITY },           { "availability_row", SL_CANDIDATE_AVAILABILITY },
  { "currency_entry", SL_CANDIDATE_CURRENCY },
};

/* Combo rows and the text field holding the chosen option's id */
static const TextBinding combo_bindings[] = {
  { "country_dropdown", SL_CANDIDATE_COUNTRY },
  { "seniority_row", SL_CANDIDATE_SENIORITY },
  { "stack_row", SL_CANDIDATE_STACK },
  { "english_row", SL_CANDIDATE_ENGLISH_LEVEL },
  { "employment_row", SL_CANDIDATE_EMPLOYMENT_TYPE },
  { "source_row", SL_CANDIDATE_SOURCE },
  { "period_dropdown", SL_CANDIDATE_RATE_PERIOD },
};

struct _SlCandidatePane
{
  GtkWidget parent_instance;

  SlStore *store;
  SlCandidate *candidate;
  gulong notify_id;
  gboolean loading;
  gboolean has_invalid_edit;
  GtkWidget *invalid_widget;
  char *invalid_message;
  GtkWidget *pending_empty;

  AdwPreferencesPage *page;
  GtkWidget *name_row;
  GtkSpinButton *years_spin;
  GtkWidget *skills_row;
  GtkSpinButton *rate_spin;
  GtkTextView *notes_view;
  GtkSwitch *consent_switch;
  AdwActionRow *consent_row;
  GtkListBox *applications_list;
  GtkMenuButton *apply_button;
  AdwActionRow *created_row;
  AdwActionRow *updated_row;
  SlResumeRow *resume_row;
  SlZoneRow *timezone_row;
};

G_DEFINE_FINAL_TYPE (SlCandidatePane, sl_candidate_pane, GTK_TYPE_WIDGET)

static GtkWidget *placeholder_label (const char *text);

static GObject *
template_child (SlCandidatePane *self, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), SL_TYPE_CANDIDATE_PANE, name);
}

static void
mark_invalid (SlCandidatePane *self, GtkWidget *widget, const char *message)
{
  sl_widget_mark_invalid (&self->invalid_widget, widget, message);
  self->has_invalid_edit = widget != NULL;
  g_free (self->invalid_message);
  self->invalid_message = g_strdup (message);
}

/* Someone else saved the candidate since it was read (@message says who and when): the form
 * shows their values, keeps this user's changes where they changed something else, and saves
 * those; where both changed the same field, theirs stays and the user is told */
static void
save_over_conflict (SlCandidatePane *self, const char *message)
{
  g_autoptr (GError) error = NULL;
  gboolean clashed = FALSE;

  if (!sl_store_rebase_candidate (self->store, self->candidate, &clashed, &error) ||
      (!clashed && !sl_store_save_candidate (self->store, self->candidate, &error)))
    {
      sl_widget_toast (GTK_WIDGET (self), error->message);
      return;
    }
  mark_invalid (self, NULL, NULL);
  sl_widget_toast_conflict (GTK_WIDGET (self), message, clashed);
}

static void
save (SlCandidatePane *self, GtkWidget *edited)
{
  g_autoptr (GError) error = NULL;

  if (self->loading || self->candidate == NULL || self->store == NULL)
    return;
  if (!sl_store_save_candidate (self->store, self->candidate, &error))
    {
      if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT))
        {
          save_over_conflict (self, error->message);
          return;
        }
      mark_invalid (self, edited, error->message);
      return;
    }
  mark_invalid (self, NULL, NULL);
}

static void
entry_changed_cb (GtkEditable *editable, SlCandidatePane *self)
{
  SlCandidateText field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "sl-field"));
  g_autofree char *text = NULL;

  if (self->loading || self->candidate == NULL)
    return;
  text = g_strdup (gtk_editable_get_text (editable));
  if (field == SL_CANDIDATE_CURRENCY)
    {
      g_autofree char *upper = g_utf8_strup (text, -1);
      g_free (text);
      text = g_steal_pointer (&upper);
    }
  sl_candidate_set_text (self->candidate, field, text);
  /* Emptying a field is often the first step of retyping it: it is saved when the field is
   * left empty, not the moment it becomes empty */
  if (*text == '\0')
    {
      self->pending_empty = GTK_WIDGET (editable);
      return;
    }
  self->pending_empty = NULL;
  save (self, GTK_WIDGET (editable));
}

static void
save_pending_empty (SlCandidatePane *self)
{
  GtkWidget *widget = self->pending_empty;

  self->pending_empty = NULL;
  if (widget != NULL)
    save (self, widget);
}

static void
entry_leave_cb (GtkEventControllerFocus *controller, SlCandidatePane *self)
{
  if (self->pending_empty == gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)))
    save_pending_empty (self);
}

static void
combo_changed_cb (GObject *combo, GParamSpec *pspec, SlCandidatePane *self)
{
  SlCandidateText field = GPOINTER_TO_UINT (g_object_get_data (combo, "sl-field"));
  SlOption *option = NULL;

  if (self->loading || self->candidate == NULL)
    return;
  g_object_get (combo, "selected-item", &option, NULL);
  sl_candidate_set_text (self->candidate, field, option ? sl_option_get_id (option) : "");
  g_clear_object (&option);
  /* Their country's zones head the zone list */
  if (field == SL_CANDIDATE_COUNTRY)
    sl_zone_row_set_country (self->timezone_row,
                             sl_candidate_get_text (self->candidate, SL_CANDIDATE_COUNTRY));
  save (self, GTK_WIDGET (combo));
}

/* The zone picked in the popover; one the tz database does not know, typed before the picker
 * existed, is never written back unless another is picked */
static void
zone_changed_cb (SlZoneRow *row, GParamSpec *pspec, SlCandidatePane *self)
{
  if (self->loading || self->candidate == NULL)
    return;
  sl_candidate_set_text (self->candidate, SL_CANDIDATE_TIMEZONE, sl_zone_row_get_zone (row));
  save (self, GTK_WIDGET (row));
}

static void
years_changed_cb (GtkSpinButton *spin, SlCandidatePane *self)
{
  if (self->loading || self->candidate == NULL)
    return;
  sl_candidate_set_years_experience (self->candidate, gtk_spin_button_get_value (spin));
  save (self, GTK_WIDGET (spin));
}

static void
rate_changed_cb (GtkSpinButton *spin, SlCandidatePane *self)
{
  double value = gtk_spin_button_get_value (spin);

  if (self->loading || self->candidate == NULL)
    return;
  sl_candidate_set_expected_rate (self->candidate, value > 0 ? value : -1);
  save (self, GTK_WIDGET (spin));
}

static void
skills_changed_cb (GtkEditable *editable, SlCandidatePane *self)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) skills = NULL;

  if (self->loading || self->candidate == NULL)
    return;
  parts = g_strsplit (gtk_editable_get_text (editable), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *skill = g_strstrip (parts[i]);
      if (*skill != '\0')
        g_strv_builder_add (builder, skill);
    }
  skills = g_strv_builder_end (builder);
  sl_candidate_set_skills (self->candidate, (const char *const *) skills);
  save (self, GTK_WIDGET (editable));
}

static void
notes_changed_cb (GtkTextBuffer *buffer, SlCandidatePane *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading || self->candidate == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  sl_candidate_set_text (self->candidate, SL_CANDIDATE_NOTES, text);
  save (self, GTK_WIDGET (self->notes_view));
}

static char *
format_time (gint64 unix_time)
{
  if (unix_time <= 0)
    return g_strdup ("");
  return sl_time_format_moment (unix_time);
}

static void
update_consent_subtitle (SlCandidatePane *self)
{
  gint64 consent = sl_candidate_get_consent_at (self->candidate);
  g_autofree char *when = consent > 0 ? sl_time_format_day (consent) : NULL;
  g_autofree char *subtitle = NULL;

  if (consent > 0)
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_ ("Given on %s"), when);
  else
    subtitle = g_strdup (_ ("Not given"));
  adw_action_row_set_subtitle (self->consent_row, subtitle);
}

static void
consent_changed_cb (GtkSwitch *toggle, GParamSpec *pspec, SlCandidatePane *self)
{
  if (self->loading || self->candidate == NULL)
    return;
  sl_candidate_set_consent_at (
    self->candidate, gtk_switch_get_active (toggle) ? g_get_real_time () / G_USEC_PER_SEC : 0);
  save (self, GTK_WIDGET (toggle));
  update_consent_subtitle (self);
}

static void
load_applications (SlCandidatePane *self)
{
  g_autoptr (GListModel) applications = NULL;
  g_autoptr (GHashTable) expanded = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) expanded_ids = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row;
  guint n;

  /* Rebuilt after every move; the rows that were open stay open */
  /* Rows only: the first child may be the placeholder, which stays */
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->applications_list, 0))) != NULL)
    {
      if (SL_IS_APPLICATION_ROW (row) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        {
          gint64 *id = g_memdup2 (&(gint64){ sl_application_row_get_id (SL_APPLICATION_ROW (row)) },
                                  sizeof (gint64));
          g_ptr_array_add (expanded_ids, id);
          g_hash_table_add (expanded, id);
        }
      gtk_list_box_remove (self->applications_list, row);
    }
  if (self->candidate == NULL || self->store == NULL)
    return;
  applications =
    sl_store_list_applications (self->store, sl_candidate_get_id (self->candidate), NULL);
  n = applications ? g_list_model_get_n_items (applications) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlApplication) application = g_list_model_get_item (applications, i);
      SlApplicationRow *application_row = sl_application_row_new (self->store, application);
      gint64 id = sl_application_get_id (application);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (application_row),
                                     g_hash_table_contains (expanded, &id));
      gtk_list_box_append (self->applications_list, GTK_WIDGET (application_row));
    }
}

/* The application a shortcut acts on: the open row, else the most advanced active one */
static SlApplicationRow *
target_application (SlCandidatePane *self)
{
  SlApplicationRow *first_active = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->applications_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!SL_IS_APPLICATION_ROW (row))
        continue;
      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        return SL_APPLICATION_ROW (row);
      if (first_active == NULL && sl_application_row_is_active (SL_APPLICATION_ROW (row)))
        first_active = SL_APPLICATION_ROW (row);
    }
  return first_active;
}

gboolean
sl_candidate_pane_move (SlCandidatePane *self, int direction)
{
  SlApplicationRow *row = target_application (self);

  return row != NULL && sl_application_row_move (row, direction);
}

void
sl_candidate_pane_reject (SlCandidatePane *self)
{
  SlApplicationRow *row = target_application (self);

  if (row != NULL)
    sl_application_row_ask_reject (row);
}

static void
position_chosen_cb (GtkListBox *list, GtkListBoxRow *row, SlCandidatePane *self)
{
  g_autoptr (GError) error = NULL;
  gint64 position = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "sl-position"));

  gtk_menu_button_popdown (self->apply_button);
  if (self->candidate == NULL)
    return;
  if (sl_store_apply (self->store, sl_candidate_get_id (self->candidate), position,
                      sl_session_get_member_id (sl_session_get (self->store), NULL), &error) == 0)
    sl_widget_toast (GTK_WIDGET (self), error->message);
}

/* The open positions this candidate has not applied to, listed when the menu opens */
static void
apply_menu_activate_cb (SlCandidatePane *self)
{
  g_autoptr (GListModel) positions = NULL;
  g_autoptr (GListModel) applied = NULL;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  guint n, n_applied;

  if (self->candidate == NULL)
    return;
  positions = sl_store_list_open_positions (self->store, NULL);
  applied = sl_store_list_applications (self->store, sl_candidate_get_id (self->candidate), NULL);
  n = positions ? g_list_model_get_n_items (positions) : 0;
  n_applied = applied ? g_list_model_get_n_items (applied) : 0;
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Open positions"), -1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlPosition) position = g_list_model_get_item (positions, i);
      gboolean done = FALSE;
      GtkWidget *row;

      if (!g_str_equal (sl_position_get_status (position), "open") ||
          !sl_position_is_approved (position))
        continue;
      for (guint j = 0; j < n_applied && !done; j++)
        {
          g_autoptr (SlApplication) application = g_list_model_get_item (applied, j);
          done = sl_application_get_position_id (application) == sl_position_get_id (position);
        }
      if (done)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_position_get_title (position));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sl_position_get_text (position, SL_POSITION_CLIENT));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "sl-position",
                         GSIZE_TO_POINTER ((gsize) sl_position_get_id (position)));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list),
                                placeholder_label (_ ("No open position to add to")));
  g_signal_connect (list, "row-activated", G_CALLBACK (position_chosen_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_popover_set_child (gtk_menu_button_get_popover (self->apply_button), scrolled);
}

static void
apply_menu_create_cb (GtkMenuButton *button, gpointer self)
{
  apply_menu_activate_cb (self);
}

/* Shows the candidate's values; the widgets' own change handlers stay quiet meanwhile */
static void
fill (SlCandidatePane *self)
{
  g_autofree char *skills = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  SlCandidate *candidate = self->candidate;

  if (candidate == NULL)
    return;
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entry_bindings); i++)
    {
      GtkEditable *editable = GTK_EDITABLE (template_child (self, entry_bindings[i].widget));
      const char *value = sl_candidate_get_text (candidate, entry_bindings[i].field);

      /* Leave the text alone when it already matches, so the cursor does not jump */
      if (g_strcmp0 (gtk_editable_get_text (editable), value) != 0)
        gtk_editable_set_text (editable, value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (combo_bindings); i++)
    {
      GObject *combo = template_child (self, combo_bindings[i].widget);
      GListModel *model = NULL;

      g_object_get (combo, "model", &model, NULL);
      g_object_set (
        combo, "selected",
        sl_option_find (model, sl_candidate_get_text (candidate, combo_bindings[i].field)), NULL);
      g_clear_object (&model);
    }
  sl_zone_row_set_country (self->timezone_row,
                           sl_candidate_get_text (candidate, SL_CANDIDATE_COUNTRY));
  sl_zone_row_set_zone (self->timezone_row,
                        sl_candidate_get_text (candidate, SL_CANDIDATE_TIMEZONE));
  gtk_spin_button_set_value (self->years_spin,
                             MAX (0, sl_candidate_get_years_experience (candidate)));
  gtk_spin_button_set_value (self->rate_spin, MAX (0, sl_candidate_get_expected_rate (candidate)));
  skills = g_strjoinv (", ", (char **) sl_candidate_get_skills (candidate));
  if (!gtk_widget_has_focus (self->skills_row) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->skills_row)), skills) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->skills_row), skills);
  {
    GtkTextIter start, end;
    g_autofree char *notes = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    if (g_strcmp0 (notes, sl_candidate_get_text (candidate, SL_CANDIDATE_NOTES)) != 0)
      gtk_text_buffer_set_text (buffer, sl_candidate_get_text (candidate, SL_CANDIDATE_NOTES), -1);
  }
  gtk_switch_set_active (self->consent_switch, sl_candidate_get_consent_at (candidate) > 0);
  update_consent_subtitle (self);
  created = format_time (sl_candidate_get_created_at (candidate));
  updated = format_time (sl_candidate_get_updated_at (candidate));
  adw_action_row_set_subtitle (self->created_row, created);
  adw_action_row_set_subtitle (self->updated_row, updated);
  self->loading = FALSE;
}

static void
candidate_notify_cb (SlCandidatePane *self)
{
  /* Our own edits notify too; only the record dates and changes from elsewhere need showing */
  if (!self->loading)
    fill (self);
}

static gboolean
has_focus_within (SlCandidatePane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

void
sl_candidate_pane_set_candidate (SlCandidatePane *self, SlCandidate *candidate)
{
  gboolean hidden;

  g_return_if_fail (SL_IS_CANDIDATE_PANE (self));

  if (self->candidate == candidate)
    return;
  if (self->candidate != NULL)
    {
      save_pending_empty (self);
      g_clear_signal_handler (&self->notify_id, self->candidate);
      if (self->has_invalid_edit && self->store != NULL)
        {
          /* Translators: a change the store refused was dropped; %s says why */
          g_autofree char *message =
            g_strdup_printf (_ ("Your last change was not saved: %s"),
                             self->invalid_message ? self->invalid_message : "");

          sl_store_reload_candidate (self->store, self->candidate, NULL);
          sl_widget_toast (GTK_WIDGET (self), message);
        }
    }
  mark_invalid (self, NULL, NULL);
  g_set_object (&self->candidate, candidate);
  /* Another person's values appear at once, not through the switch's and the entry rows'
   * animations: each of their frames would repaint the whole window, and going down the list
   * with the keyboard would start them on every row. Filled while unmapped, nothing animates.
   * Not while the keyboard is in the pane: hiding would take the focus away. */
  hidden = gtk_widget_get_mapped (GTK_WIDGET (self->page)) && !has_focus_within (self);
  if (hidden)
    gtk_widget_set_visible (GTK_WIDGET (self->page), FALSE);
  if (candidate != NULL)
    {
      GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (self->page));

      /* A different person starts at the top of their profile */
      if (GTK_IS_SCROLLED_WINDOW (scrolled))
        gtk_adjustment_set_value (
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
      fill (self);
      self->notify_id = g_signal_connect_object (
        candidate, "notify", G_CALLBACK (candidate_notify_cb), self, G_CONNECT_SWAPPED);
    }
  load_applications (self);
  if (self->store != NULL)
    sl_resume_row_set_candidate (self->resume_row, self->store,
                                 candidate ? sl_candidate_get_id (candidate) : 0);
  if (hidden)
    gtk_widget_set_visible (GTK_WIDGET (self->page), TRUE);
}

SlCandidate *
sl_candidate_pane_get_candidate (SlCandidatePane *self)
{
  g_return_val_if_fail (SL_IS_CANDIDATE_PANE (self), NULL);
  return self->candidate;
}

void
sl_candidate_pane_focus_name (SlCandidatePane *self)
{
  g_return_if_fail (SL_IS_CANDIDATE_PANE (self));

  gtk_widget_grab_focus (self->name_row);
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

static void
set_combo_model (SlCandidatePane *self, const char *name, GListModel *model)
{
  sl_combo_set_options (template_child (self, name), model);
}

static void
store_reset_cb (SlCandidatePane *self)
{
  load_applications (self);
}

/* Applying and every move change a position: the candidate's applications are read again
 * (one indexed query), not on each keystroke saved in this pane */
static void
position_changed_cb (SlCandidatePane *self)
{
  load_applications (self);
}

/* A team database back after its connection was lost: what this pane could not save then is
 * saved now */
static void
offline_cb (SlCandidatePane *self, GParamSpec *pspec, SlDatabase *db)
{
  if (!sl_database_is_offline (db) && self->candidate != NULL &&
      sl_record_get_unsaved (G_OBJECT (self->candidate)) != 0)
    save (self, NULL);
}

void
sl_candidate_pane_set_store (SlCandidatePane *self, SlStore *store)
{
  g_return_if_fail (SL_IS_CANDIDATE_PANE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->loading = TRUE;
  set_combo_model (self, "stack_row", sl_store_list_stacks (store, _ ("Not set")));
  self->loading = FALSE;
  g_signal_connect_object (store, "reset", G_CALLBACK (store_reset_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "position-changed", G_CALLBACK (position_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sl_store_get_database (store), "notify::offline",
                           G_CALLBACK (offline_cb), self, G_CONNECT_SWAPPED);
}

static void
sl_candidate_pane_dispose (GObject *object)
{
  SlCandidatePane *self = SL_CANDIDATE_PANE (object);

  sl_candidate_pane_set_candidate (self, NULL);
  g_clear_pointer (&self->invalid_message, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_CANDIDATE_PANE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sl_candidate_pane_parent_class)->dispose (object);
}

static void
sl_candidate_pane_class_init (SlCandidatePaneClass *klass)
{
  g_type_ensure (SL_TYPE_RESUME_ROW);
  g_type_ensure (SL_TYPE_ZONE_ROW);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_candidate_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-candidate-pane.ui");
  for (guint i = 0; i < G_N_ELEMENTS (entry_bindings); i++)
    gtk_widget_class_bind_template_child_full (widget_class, entry_bindings[i].widget, FALSE, 0);
  for (guint i = 0; i < G_N_ELEMENTS (combo_bindings); i++)
    gtk_widget_class_bind_template_child_full (widget_class, combo_bindings[i].widget, FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, page);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, years_spin);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, skills_row);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, consent_row);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, applications_list);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, apply_button);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, created_row);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, updated_row);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, resume_row);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePane, timezone_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
placeholder_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  return label;
}

static void
sl_candidate_pane_init (SlCandidatePane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->name_row = GTK_WIDGET (template_child (self, "name_row"));
  for (guint i = 0; i < G_N_ELEMENTS (entry_bindings); i++)
    {
      GObject *editable = template_child (self, entry_bindings[i].widget);
      g_object_set_data (editable, "sl-field", GUINT_TO_POINTER (entry_bindings[i].field));
      g_signal_connect (editable, "changed", G_CALLBACK (entry_changed_cb), self);
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();
        g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), self);
        gtk_widget_add_controller (GTK_WIDGET (editable), focus);
      }
    }

  set_combo_model (self, "country_dropdown", sl_countries_model (_ ("Not set")));
  sl_drop_down_searchable (GTK_DROP_DOWN (template_child (self, "country_dropdown")));
  /* Its own name, not the row's title by relation: its button is named after it */
  sl_a11y_set_label (GTK_WIDGET (template_child (self, "country_dropdown")), _ ("Country"));
  set_combo_model (self, "seniority_row", sl_vocab_model (SL_VOCAB_SENIORITY, _ ("Not set")));
  set_combo_model (self, "english_row", sl_vocab_model (SL_VOCAB_ENGLISH, _ ("Not set")));
  set_combo_model (self, "employment_row", sl_vocab_model (SL_VOCAB_EMPLOYMENT, _ ("Not set")));
  set_combo_model (self, "source_row", sl_vocab_model (SL_VOCAB_SOURCE, _ ("Not set")));
  set_combo_model (self, "period_dropdown", sl_vocab_model (SL_VOCAB_RATE_PERIOD, _ ("Not set")));
  for (guint i = 0; i < G_N_ELEMENTS (combo_bindings); i++)
    {
      GObject *combo = template_child (self, combo_bindings[i].widget);
      g_object_set_data (combo, "sl-field", GUINT_TO_POINTER (combo_bindings[i].field));
      g_signal_connect (combo, "notify::selected", G_CALLBACK (combo_changed_cb), self);
    }

  sl_spin_button_scroll_passes (self->years_spin);
  sl_spin_button_scroll_passes (self->rate_spin);
  g_signal_connect (self->timezone_row, "notify::zone", G_CALLBACK (zone_changed_cb), self);
  g_signal_connect (self->years_spin, "value-changed", G_CALLBACK (years_changed_cb), self);
  g_signal_connect (self->rate_spin, "value-changed", G_CALLBACK (rate_changed_cb), self);
  g_signal_connect (self->skills_row, "changed", G_CALLBACK (skills_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);
  g_signal_connect (self->consent_switch, "notify::active", G_CALLBACK (consent_changed_cb), self);

  /* Filled before the popover shows, not in its "show": the popover gives the focus to its
   * first row as it shows, and the first time there was none yet */
  gtk_menu_button_set_create_popup_func (self->apply_button, apply_menu_create_cb, self, NULL);
  gtk_list_box_set_placeholder (self->applications_list,
                                placeholder_label (_ ("Not in any pipeline yet")));
}
