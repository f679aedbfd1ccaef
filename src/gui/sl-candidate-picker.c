/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-picker.c — choose candidates to add to a position's pipeline
 *
 * The same id-only list and worker-thread search as the main window; several candidates can be
 * selected (Ctrl or Shift with a click, or Ctrl+Space) and added at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-candidate-list.h"
#include "sl-candidate-picker.h"
#include "sl-candidate-row.h"
#include "sl-candidate-selection.h"
#include "sl-candidate-view.h"
#include "sl-store-pipeline.h"
#include "sl-position-editor.h"
#include "sl-session.h"

struct _SlCandidatePicker
{
  AdwWindow parent_instance;

  SlStore *store;
  SlPosition *position;
  SlCandidateList *candidates;
  SlCandidateSelection *selection;
  GCancellable *cancellable;
  guint busy;

  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  SlCandidateView *list_view;
};

G_DEFINE_FINAL_TYPE (SlCandidatePicker, sl_candidate_picker, ADW_TYPE_WINDOW)

enum
{
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
query_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlCandidatePicker) self = user_data;

  self->busy--;
  sl_candidate_list_query_finish (self->candidates, result, NULL, NULL);
}

static void
search_changed_cb (SlCandidatePicker *self)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();

  query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  /* Only people who can still be added */
  query->not_in_position = sl_position_get_id (self->position);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy++;
  sl_candidate_list_query_async (self->candidates, query, 0, self->cancellable, query_done_cb,
                                 g_object_ref (self));
}

gboolean
sl_candidate_picker_is_busy (SlCandidatePicker *self)
{
  return self->busy > 0 || sl_candidate_list_get_n_pending (self->candidates) > 0;
}

/* Applies each candidate; @message gets a summary for a toast. Returns how many were added. */
guint
sl_candidate_picker_add_ids (SlCandidatePicker *self, const gint64 *ids, guint n_ids,
                             char **message)
{
  gint64 member = sl_session_get_member_id (sl_session_get (self->store), NULL);
  g_autofree char *first_error = NULL;
  guint added = 0;

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr (GError) error = NULL;

      if (sl_store_apply (self->store, ids[i], sl_position_get_id (self->position), member,
                          &error) > 0)
        added++;
      else if (first_error == NULL)
        first_error = g_strdup (error->message);
    }
  if (first_error != NULL)
    /* Translators: %u candidates were added; the second %s is why the others were not */
    *message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%'u candidate added. %s", "%'u candidates added. %s", added),
      added, first_error);
  else
    *message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%'u candidate added", "%'u candidates added", added), added);
  return added;
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlCandidatePicker *self = SL_CANDIDATE_PICKER (widget);
  /* Everyone selected, also those a later search hid */
  g_autoptr (GArray) ids = sl_candidate_selection_get_selected_ids (self->selection);
  g_autofree char *message = NULL;

  if (ids->len == 0)
    return;
  sl_candidate_picker_add_ids (self, (const gint64 *) (gpointer) ids->data, ids->len, &message);
  g_signal_emit (self, signals[ADDED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sl_candidate_picker_dispose (GObject *object)
{
  SlCandidatePicker *self = SL_CANDIDATE_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* A window is disposed twice (gtk_window_destroy, then its last unref): once is enough */
  if (self->list_view != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_CANDIDATE_PICKER);
  g_clear_object (&self->selection);
  g_clear_object (&self->candidates);
  g_clear_object (&self->position);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_candidate_picker_parent_class)->dispose (object);
}

static void
sl_candidate_picker_class_init (SlCandidatePickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sl_candidate_picker_dispose;
  g_type_ensure (SL_TYPE_CANDIDATE_VIEW);
  /* Candidates were added; the argument says how many, for a toast in the parent window */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/sl-candidate-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SlCandidatePicker, list_view);
  gtk_widget_class_install_action (widget_class, "picker.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_candidate_picker_init (SlCandidatePicker *self)
{
  /* Built modal by its template, the window got its accessible object from GTK 4.8 before
   * its class's role: a screen reader found a "filler", not a window */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_WINDOW, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

SlCandidatePicker *
sl_candidate_picker_new (SlStore *store, SlPosition *position)
{
  SlCandidatePicker *self = g_object_new (SL_TYPE_CANDIDATE_PICKER, NULL);

  self->store = g_object_ref (store);
  self->position = g_object_ref (position);
  adw_window_title_set_subtitle (self->window_title, sl_position_get_title (position));
  self->candidates = sl_candidate_list_new (store);
  self->selection = sl_candidate_selection_new (self->candidates, TRUE);
  sl_candidate_view_set_model (self->list_view, self->selection);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  search_changed_cb (self);
  return self;
}
