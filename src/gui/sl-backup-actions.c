/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-backup-actions.c — Back Up…, Restore from Backup… and the day's automatic backup
 *
 * The work is sl-backup.c's, on a worker thread: a backup of a large database takes seconds,
 * and the window stays usable meanwhile. A restore replaces the database under the open
 * window, so the app then opens it afresh (sl_app_reload).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-app.h"
#include "sl-backup-actions.h"
#include "sl-backup.h"
#include "sl-widgets.h"
#include "sl-window.h"

/* The automatic backup waits this long after the window opens: start-up is not slowed */
#define AUTOMATIC_DELAY_SECONDS 10

typedef struct
{
  char *database;
  char *file;
  char *kept;
  gboolean restore;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->database);
  g_free (job->file);
  g_free (job->kept);
  g_free (job);
}

/* The database of the window @widget is in */
static const char *
database_path (GtkWidget *widget)
{
  SlWindow *window = SL_WINDOW (gtk_widget_get_root (widget));

  return sl_database_get_path (sl_store_get_database (sl_window_get_store (window)));
}

static char *
display_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_filename_display_name (base);
}

/* Back Up… */

/* On the worker thread: a backup, or with job->restore a restore */
static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok = job->restore ? sl_backup_restore (job->database, job->file, &job->kept, &error)
                             : sl_backup_write (job->database, job->file, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sl_backup_actions_back_up_to (GtkWidget *widget, const char *path, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (widget, NULL, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->database = g_strdup (database_path (widget));
  job->file = g_strdup (path);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

gboolean
sl_backup_actions_finish (GtkWidget *widget, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
backed_up_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GtkWidget *widget = GTK_WIDGET (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!sl_backup_actions_finish (widget, result, &error))
    sl_widget_toast (widget, error->message);
  else
    {
      g_autofree char *name = display_name (job->file);
      /* TRANSLATORS: %s is a file name */
      g_autofree char *message = g_strdup_printf (_ ("Backed up to “%s”"), name);

      sl_widget_toast (widget, message);
    }
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Shortlist databases"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_filter_add_suffix (filter, "db");
  return filter;
}

static void
backup_chosen_cb (GtkNativeDialog *chooser, int response, GtkWidget *widget)
{
  g_autofree char *path =
    sl_file_chooser_take_path (chooser, response, widget, _ ("Choose a folder on this computer"));

  if (path != NULL)
    sl_backup_actions_back_up_to (widget, path, backed_up_cb, NULL);
  g_object_unref (widget);
}

void
sl_backup_actions_back_up (GtkWidget *widget)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_ ("Back Up Database"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Back Up"), _ ("_Cancel"));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* TRANSLATORS: a file name; %s is the date, as 2026-12-07 */
  g_autofree char *name = g_strdup_printf (_ ("shortlist-backup-%s.db"), date);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile) folder = g_file_new_for_path (documents ? documents : g_get_home_dir ());
  GtkFileFilter *filter = database_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Restore from Backup… */

static void
restored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GtkWidget *widget = GTK_WIDGET (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sl_widget_toast (widget, error->message);
      return;
    }
  name = display_name (job->file);
  kept = job->kept ? display_name (job->kept) : NULL;
  /* The name of what was replaced, to find it again; the backup is the one just chosen */
  if (kept != NULL)
    message = g_strdup_printf (_ ("Restored; the database it replaced is kept as “%s”"), kept);
  else
    message = g_strdup_printf (_ ("Restored from “%s”"), name);
  /* The open window showed the database that was replaced: it is opened afresh */
  sl_app_reload (SL_APP (g_application_get_default ()), GTK_WINDOW (gtk_widget_get_root (widget)),
                 message);
}

void
sl_backup_actions_restore_from (GtkWidget *widget, const char *path, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (widget, NULL, callback ? callback : restored_cb, user_data);
  Job *job = g_new0 (Job, 1);

  job->database = g_strdup (database_path (widget));
  job->file = g_strdup (path);
  job->restore = TRUE;
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

static void
confirm_cb (AdwMessageDialog *dialog, const char *response, GtkWidget *widget)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup");

  if (g_str_equal (response, "restore"))
    sl_backup_actions_restore_from (widget, path, NULL, NULL);
}

static void
restore_chosen_cb (GtkNativeDialog *chooser, int response, GtkWidget *widget)
{
  g_autofree char *path =
    sl_file_chooser_take_path (chooser, response, widget, _ ("Choose a file on this computer"));
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (path == NULL)
    {
      g_object_unref (widget);
      return;
    }
  name = display_name (path);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _ ("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (
    ADW_MESSAGE_DIALOG (dialog),
    _ ("The database will be replaced with “%s”. The database it replaces is first kept beside "
       "it, named for the date and time."),
    name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "restore",
                                    _ ("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_steal_pointer (&path), g_free);
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_cb), widget,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sl_backup_actions_restore (GtkWidget *widget)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _ ("Restore from Backup"), GTK_WINDOW (gtk_widget_get_root (widget)),
    GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  g_autofree char *backups = sl_backup_default_folder ();
  g_autoptr (GFile) folder = g_file_new_for_path (backups);
  GtkFileFilter *filter = database_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  /* The automatic backups, when there are any */
  if (g_file_test (backups, G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The day's automatic backup */

static void
automatic_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree char *folder = sl_backup_default_folder ();
  GError *error = NULL;
  guint keep = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "keep"));

  job->kept = sl_backup_automatic (job->database, folder, keep, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
automatic_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *window;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;
  window = gtk_application_get_active_window (GTK_APPLICATION (g_application_get_default ()));
  if (window != NULL)
    {
      /* TRANSLATORS: %s says why */
      g_autofree char *message =
        g_strdup_printf (_ ("The automatic backup failed: %s"), error->message);

      sl_widget_toast (GTK_WIDGET (window), message);
    }
}

/* Runs the day's automatic backup of @database, if there is none yet, keeping the @keep newest
 * (see sl_backup_automatic); @callback may be NULL */
void
sl_backup_actions_automatic (const char *database, guint keep, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task =
    g_task_new (NULL, NULL, callback ? callback : automatic_done_cb, user_data);
  Job *job = g_new0 (Job, 1);

  job->database = g_strdup (database);
  g_task_set_task_data (task, job, job_free);
  g_object_set_data (G_OBJECT (task), "keep", GUINT_TO_POINTER (keep));
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, automatic_thread);
}

typedef struct
{
  char *database;
  guint keep;
} Later;

static gboolean
automatic_later_cb (gpointer data)
{
  Later *later = data;

  sl_backup_actions_automatic (later->database, later->keep, NULL, NULL);
  g_free (later->database);
  g_free (later);
  return G_SOURCE_REMOVE;
}

/* The automatic backup a while after the window opened */
void
sl_backup_actions_schedule_automatic (const char *database, guint keep)
{
  Later *later;

  if (keep == 0)
    return;
  later = g_new0 (Later, 1);
  later->database = g_strdup (database);
  later->keep = keep;
  g_timeout_add_seconds (AUTOMATIC_DELAY_SECONDS, automatic_later_cb, later);
}
