/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-window-actions.c — the main window's actions on candidates and on the database: new,
 * delete with Undo, sample data, export of the list as filtered, Back Up and Restore
 *
 * Split from sl-window.c by concern; what they share is in sl-window-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-backup-actions.h"
#include "sl-demo.h"
#include "sl-widgets.h"
#include "sl-window-private.h"

/* How many candidates Load Sample Data adds */
#define SAMPLE_CANDIDATES 500

void
sl_window_new_candidate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  g_autoptr (SlCandidate) candidate = sl_candidate_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  sl_candidate_set_name (candidate, _ ("New candidate"));
  g_signal_handlers_block_by_func (self->store, sl_window_candidate_added_cb, self);
  if (!sl_store_save_candidate (self->store, candidate, &error))
    {
      g_signal_handlers_unblock_by_func (self->store, sl_window_candidate_added_cb, self);
      sl_window_toast_error (self, error);
      return;
    }
  g_signal_handlers_unblock_by_func (self->store, sl_window_candidate_added_cb, self);

  /* At the top until the next query sorts it in, so it is where the user is looking */
  id = sl_candidate_get_id (candidate);
  sl_candidate_list_insert (self->candidates, 0, id);
  sl_window_update_title (self);
  gtk_stack_set_visible_child_name (self->list_stack, "list");
  sl_window_select_id (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  sl_candidate_pane_focus_name (sl_window_get_pane (self));
}

typedef struct
{
  SlWindow *self;
  gint64 id;
  gboolean undone;
} Deletion;

static void
undo_clicked_cb (AdwToast *toast, Deletion *deletion)
{
  g_autoptr (GError) error = NULL;

  deletion->undone = TRUE;
  if (!sl_store_undelete_candidate (deletion->self->store, deletion->id, &error))
    sl_window_toast_error (deletion->self, error);
}

static void
toast_dismissed_cb (AdwToast *toast, Deletion *deletion)
{
  g_autoptr (GError) error = NULL;

  if (!deletion->undone && !sl_store_purge_deleted (deletion->self->store, deletion->id, &error))
    g_warning ("Could not delete candidate %" G_GINT64_FORMAT ": %s", deletion->id, error->message);
}

static void
free_deletion (gpointer data, GClosure *closure)
{
  Deletion *deletion = data;

  g_object_unref (deletion->self);
  g_free (deletion);
}

void
sl_window_delete_candidate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  SlCandidate *candidate;
  g_autoptr (GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  guint position = sl_candidate_selection_get_selected (self->selection);
  Deletion *deletion;
  AdwToast *toast;

  /* The candidate the list shows selected, even if the pane has not caught up yet */
  sl_window_sync_pane (self);
  candidate = self->current;
  if (candidate == NULL)
    return;
  escaped = g_markup_escape_text (sl_candidate_get_name (candidate), -1);
  deletion = g_new0 (Deletion, 1);
  deletion->self = g_object_ref (self);
  deletion->id = sl_candidate_get_id (candidate);
  if (!sl_store_delete_candidate (self->store, deletion->id, &error))
    {
      free_deletion (deletion, NULL);
      sl_window_toast_error (self, error);
      return;
    }

  /* Translators: shown after deleting; %s is the candidate's name */
  title = g_strdup_printf (_ ("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), deletion);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), deletion,
                         free_deletion, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  sl_window_update_title (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) > 0 &&
      position != GTK_INVALID_LIST_POSITION)
    sl_window_select_position (
      self, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) - 1));
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->candidates)) > 0)
    sl_window_select_position (self, GTK_INVALID_LIST_POSITION);
  else
    sl_window_refresh (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
sample_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  SlReaders *readers = task_data;
  g_autoptr (SlDatabase) db = NULL;
  GError *error = NULL;

  db = sl_readers_open_writer (readers, &error);
  if (db == NULL || !sl_demo_generate (db, SAMPLE_CANDIDATES, 1, NULL, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
sample_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SlWindow *self = SL_WINDOW (source);
  g_autoptr (GError) error = NULL;

  self->busy--;
  gtk_widget_set_visible (self->sample_spinner, FALSE);
  g_clear_object (&self->sample_cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sl_window_toast_error (self, error);
      return;
    }
  sl_store_notify_reset (self->store);
}

void
sl_window_load_sample_data_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  g_autoptr (GTask) task = NULL;

  gtk_widget_action_set_enabled (widget, "win.load-sample-data", FALSE);
  gtk_widget_set_visible (self->sample_spinner, TRUE);
  g_clear_object (&self->sample_cancellable);
  self->sample_cancellable = g_cancellable_new ();
  self->busy++;
  /* A connection of its own on a worker thread: the window stays responsive meanwhile */
  task = g_task_new (self, self->sample_cancellable, sample_done_cb, NULL);
  g_task_set_source_tag (task, sl_window_load_sample_data_action);
  g_task_set_task_data (task, sl_store_ref_readers (self->store),
                        (GDestroyNotify) sl_readers_unref);
  g_task_run_in_thread (task, sample_thread);
}

static void
export_candidates_chosen_cb (GtkWidget *widget, SlExportFormat format, const char *path)
{
  SlWindow *self = SL_WINDOW (widget);
  g_autoptr (SlCandidateQuery) query = sl_window_current_query (self);

  sl_export_bar_export_candidates (self->export_bar, self->store, query, format, path);
}

/* The list as filtered (and searched), to a file */
void
sl_window_export_candidates_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  SlExportFormat format;

  if (!sl_export_format_from_id (g_variant_get_string (parameter, NULL), &format))
    return;
  /* Translators: the suggested name of an exported candidate list, without its extension;
   * %s is today's date, such as 2026-11-29 */
  name = g_strdup_printf (_ ("Candidates %s"), date);
  sl_export_choose_file (widget, _ ("Export Candidates"), name, format,
                         export_candidates_chosen_cb);
}

void
sl_window_back_up_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sl_backup_actions_back_up (widget);
}

void
sl_window_restore_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  sl_backup_actions_restore (widget);
}

/* A damaged file */

static void
damage_bar_response_cb (GtkInfoBar *bar, int response, SlWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.restore", NULL);
}

/* Says, above everything, that nothing more is saved, and offers a backup */
static void
show_damage (SlWindow *self, const GError *error)
{
  GtkWidget *bar = gtk_info_bar_new ();
  GtkWidget *label = gtk_label_new (
    _ ("This database is damaged, so nothing more is saved to it. Restore a backup, or save what "
       "can still be read with “shortlist-cli recover”."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 120);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  /* What SQLite found, for whoever looks closer */
  gtk_widget_set_tooltip_text (label, error->message);
  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), GTK_MESSAGE_ERROR);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), label);
  gtk_info_bar_add_button (GTK_INFO_BAR (bar), _ ("_Restore from Backup…"), GTK_RESPONSE_ACCEPT);
  g_signal_connect_object (bar, "response", G_CALLBACK (damage_bar_response_cb), self, 0);
  gtk_widget_set_name (bar, "damage-bar");
  gtk_widget_insert_before (bar, gtk_widget_get_parent (GTK_WIDGET (self->member_bar)),
                            GTK_WIDGET (self->member_bar));
}

static void
file_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (sl_store_check_file_finish (SL_STORE (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    return;
  g_clear_object (&self->check_cancellable);
  if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CORRUPT))
    show_damage (self, error);
  else
    sl_window_toast_error (self, error);
}

/* A file that changed since Shortlist last saw it sound (another program wrote to it, a copy
 * was put in its place) is read through once, on a worker thread, while the window works */
void
sl_window_check_file (SlWindow *self)
{
  if (!sl_database_needs_check (sl_store_get_database (self->store)))
    return;
  self->check_cancellable = g_cancellable_new ();
  sl_store_check_file_async (self->store, self->check_cancellable, file_checked_cb,
                             g_object_ref (self));
}
