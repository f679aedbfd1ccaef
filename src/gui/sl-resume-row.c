/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-resume-row.c — the candidate's résumé: attach, open, remove
 *
 * Files are read asynchronously and checked for size before they are read; opening writes an
 * owner-only copy to the user's cache (sl-resume-cache.c) and hands it to the default
 * application.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sl-resume-cache.h"
#include "sl-resume-row.h"
#include "sl-store-resumes.h"
#include "sl-widgets.h"

struct _SlResumeRow
{
  AdwActionRow parent_instance;

  SlStore *store;
  gint64 candidate_id;
  GCancellable *cancellable;

  GtkWidget *attach_button;
  GtkWidget *open_button;
  GtkWidget *remove_button;
};

G_DEFINE_FINAL_TYPE (SlResumeRow, sl_resume_row, ADW_TYPE_ACTION_ROW)

static void
show_error (SlResumeRow *self, const char *message)
{
  sl_widget_toast (GTK_WIDGET (self), message);
}

static void
update (SlResumeRow *self)
{
  g_autofree char *filename = NULL;
  gint64 size = 0;
  gboolean attached =
    self->store != NULL && sl_resume_get_info (self->store, self->candidate_id, &filename, &size);

  if (attached)
    {
      g_autofree char *formatted = g_format_size ((guint64) size);
      /* Translators: a file name and its size, e.g. “cv.pdf · 120 kB” */
      g_autofree char *subtitle =
        g_strdup_printf (C_ ("file and size", "%s · %s"), filename, formatted);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _ ("No résumé attached"));
  gtk_widget_set_visible (self->open_button, attached);
  gtk_widget_set_visible (self->remove_button, attached);
}

void
sl_resume_row_set_candidate (SlResumeRow *self, SlStore *store, gint64 candidate_id)
{
  g_return_if_fail (SL_IS_RESUME_ROW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->store, store);
  self->candidate_id = candidate_id;
  update (self);
}

/* Reads @file whole and attaches it; the caller checked its size */
gboolean
sl_resume_row_attach_file (SlResumeRow *self, GFile *file, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *type = NULL;
  gsize size = 0;
  gconstpointer data;

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  type = g_content_type_guess (basename, data, size, NULL);
  if (!sl_resume_attach (self->store, self->candidate_id, basename, type, bytes, error))
    return FALSE;
  update (self);
  return TRUE;
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlResumeRow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autofree char *basename = g_file_get_basename (G_FILE (source));
  g_autofree char *type = NULL;
  gsize size = 0;
  gconstpointer data;

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  type = g_content_type_guess (basename, data, size, NULL);
  if (!sl_resume_attach (self->store, self->candidate_id, basename, type, bytes, &error))
    show_error (self, error->message);
  update (self);
}

static void
info_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlResumeRow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, &error);

  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  /* Refuse a large file before reading it, not after */
  if (g_file_info_get_size (info) > SL_RESUME_MAX_SIZE)
    {
      g_autofree char *message =
        g_strdup_printf (_ ("A résumé can be at most %d MB"), SL_RESUME_MAX_SIZE / (1024 * 1024));
      show_error (self, message);
      return;
    }
  g_file_load_bytes_async (G_FILE (source), self->cancellable, loaded_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, SlResumeRow *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, info_cb, g_object_ref (self));
}

static void
attach_clicked_cb (SlResumeRow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (
    _ ("Choose a Résumé"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
    GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Attach"), _ ("_Cancel"));
  gtk_file_filter_set_name (documents, _ ("Documents"));
  gtk_file_filter_add_mime_type (documents, "application/pdf");
  gtk_file_filter_add_mime_type (documents, "application/msword");
  gtk_file_filter_add_mime_type (
    documents, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_mime_type (documents, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_mime_type (documents, "application/rtf");
  gtk_file_filter_add_mime_type (documents, "text/plain");
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
launched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlResumeRow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Could not open the résumé: %s"), error->message);
      show_error (self, message);
    }
}

static void
open_clicked_cb (SlResumeRow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr (GBytes) bytes =
    sl_resume_load (self->store, self->candidate_id, &filename, NULL, &error);

  if (bytes != NULL)
    path = sl_resume_cache_write (self->store, self->candidate_id, filename, bytes, &error);
  if (path == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Could not open the résumé: %s"), error->message);
      show_error (self, message);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, launched_cb, g_object_ref (self));
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, SlResumeRow *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!sl_resume_remove (self->store, self->candidate_id, &error))
    show_error (self, error->message);
  else
    sl_resume_cache_forget (self->store, self->candidate_id);
  update (self);
}

static void
remove_clicked_cb (SlResumeRow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _ ("Remove the Résumé?"),
    _ ("The file is deleted from Shortlist. Copies elsewhere stay."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "remove",
                                    _ ("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
icon_button (SlResumeRow *self, const char *icon, const char *tooltip, GCallback callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
  return button;
}

static void
sl_resume_row_dispose (GObject *object)
{
  SlResumeRow *self = SL_RESUME_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sl_resume_row_parent_class)->dispose (object);
}

static void
sl_resume_row_class_init (SlResumeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_resume_row_dispose;
}

static void
sl_resume_row_init (SlResumeRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _ ("Résumé"));
  self->open_button = icon_button (self, "document-open-symbolic", _ ("Open the résumé"),
                                   G_CALLBACK (open_clicked_cb));
  self->remove_button = icon_button (self, "user-trash-symbolic", _ ("Remove the résumé"),
                                     G_CALLBACK (remove_clicked_cb));
  self->attach_button = icon_button (self, "mail-attachment-symbolic", _ ("Attach a résumé"),
                                     G_CALLBACK (attach_clicked_cb));
  update (self);
}
