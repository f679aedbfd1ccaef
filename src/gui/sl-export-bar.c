/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-export-bar.c — a long export's progress, with Cancel, along the bottom of a view
 *
 * The export runs on a worker thread (a GTask) and reports its progress from there; the bar
 * takes the latest fraction on the UI thread, through one idle at a time however often the
 * writer reports. The writers write to a temporary name and move the file into place at the
 * end, so Cancel leaves nothing behind. The outcome is told in a toast.
 *
 * The two exports the app offers run here too, each through a connection of its own: all the
 * reports (computed afresh with the filters given, then written) and the candidate list as
 * its query finds it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sl-a11y.h"
#include "sl-export-bar.h"
#include "sl-export-file.h"
#include "sl-position-editor.h"
#include "sl-widgets.h"
#include "sl-session.h"

struct _SlExportBar
{
  GtkWidget parent_instance;

  GtkRevealer *revealer;
  GtkLabel *label;
  GtkProgressBar *progress;
  GCancellable *cancellable;
  char *done_message;
  gboolean busy;
  GApplication *held; /* kept running until the writer has finished or cleaned up */

  GMutex lock; /* the fields below are written by the worker thread */
  double fraction;
  gboolean update_pending;
};

G_DEFINE_FINAL_TYPE (SlExportBar, sl_export_bar, GTK_TYPE_WIDGET)

typedef struct
{
  SlExportJob job;
  gpointer data;
  GDestroyNotify destroy;
  char *path;   /* what the job writes: a staged file (sl_export_file_stage) */
  char *target; /* where it goes once the job is done, unless cancelled */
} Run;

static void
run_free (gpointer data)
{
  Run *run = data;

  if (run->destroy != NULL)
    run->destroy (run->data);
  g_free (run->path);
  g_free (run->target);
  g_free (run);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  SlExportBar *self = user_data;
  double fraction;

  g_mutex_lock (&self->lock);
  fraction = self->fraction;
  self->update_pending = FALSE;
  g_mutex_unlock (&self->lock);
  if (self->busy && self->progress != NULL)
    gtk_progress_bar_set_fraction (self->progress, CLAMP (fraction, 0, 1));
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread */
static void
progress_cb (double fraction, gpointer user_data)
{
  SlExportBar *self = user_data;
  gboolean schedule;

  g_mutex_lock (&self->lock);
  self->fraction = fraction;
  schedule = !self->update_pending;
  self->update_pending = TRUE;
  g_mutex_unlock (&self->lock);
  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle_cb, g_object_ref (self), g_object_unref);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Run *run = task_data;
  GError *error = NULL;

  if (run->job (run->data, run->path, progress_cb, source, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
open_clicked_cb (AdwToast *toast, const char *uri)
{
  gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SlExportBar *self = SL_EXPORT_BAR (source);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr (GError) error = NULL;
  g_autofree char *done_message = g_steal_pointer (&self->done_message);
  Run *run = g_task_get_task_data (G_TASK (result));
  const char *path = run->target;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Decided here, on the thread that cancels: a cancel requested before this point leaves no
   * file, even when the writer had just finished */
  if (ok && g_cancellable_set_error_if_cancelled (self->cancellable, &error))
    ok = FALSE;
  if (ok)
    ok = sl_export_file_place (run->path, run->target, &error);
  else
    g_unlink (run->path);

  self->busy = FALSE;
  g_clear_object (&self->cancellable);
  if (self->held != NULL)
    g_application_release (self->held);
  g_clear_object (&self->held);
  /* A window closed meanwhile has nowhere to say it */
  if (self->revealer == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  if (ok && overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (done_message, -1);
      AdwToast *toast = adw_toast_new (escaped);
      g_autoptr (GFile) file = g_file_new_for_path (path);

      adw_toast_set_button_label (toast, _ ("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb),
                             g_file_get_uri (file), (GClosureNotify) (void (*) (void)) g_free, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else if (ok)
    sl_widget_toast (GTK_WIDGET (self), done_message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    sl_widget_toast (GTK_WIDGET (self), _ ("Export cancelled"));
  else
    {
      /* Translators: an export failed; %s says why */
      g_autofree char *message = g_strdup_printf (_ ("Could not export: %s"), error->message);
      sl_widget_toast (GTK_WIDGET (self), message);
    }
}

/* Runs @job on a worker thread to write @path, showing @label and the progress meanwhile, then
 * @done_message (or what went wrong) in a toast. FALSE if an export is running already. */
gboolean
sl_export_bar_run (SlExportBar *self, const char *label, const char *done_message, const char *path,
                   SlExportJob job, gpointer data, GDestroyNotify destroy)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *staged = NULL;
  Run *run;

  g_return_val_if_fail (SL_IS_EXPORT_BAR (self), FALSE);

  if (self->busy)
    {
      if (destroy != NULL)
        destroy (data);
      sl_widget_toast (GTK_WIDGET (self),
                       _ ("Another export is under way: wait for it, or cancel it"));
      return FALSE;
    }
  /* A folder or a database is refused before anything starts */
  staged = sl_export_file_stage (path, &error);
  if (staged == NULL)
    {
      /* Translators: an export failed; %s says why */
      g_autofree char *message = g_strdup_printf (_ ("Could not export: %s"), error->message);

      if (destroy != NULL)
        destroy (data);
      sl_widget_toast (GTK_WIDGET (self), message);
      return TRUE;
    }
  self->busy = TRUE;
  self->cancellable = g_cancellable_new ();
  /* Quitting during an export cancels it; the app waits for the writer to remove its
   * temporary file rather than leave it behind */
  self->held = g_application_get_default ();
  if (self->held != NULL)
    g_application_hold (g_object_ref (self->held));
  g_free (self->done_message);
  self->done_message = g_strdup (done_message);
  g_mutex_lock (&self->lock);
  self->fraction = 0;
  g_mutex_unlock (&self->lock);
  gtk_label_set_text (self->label, label);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  run = g_new0 (Run, 1);
  run->job = job;
  run->data = data;
  run->destroy = destroy;
  run->path = g_steal_pointer (&staged);
  run->target = g_strdup (path);
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, sl_export_bar_run);
  /* The writer's result reaches export_done_cb, which decides about a cancel itself */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, run, run_free);
  g_task_run_in_thread (task, export_thread);
  return TRUE;
}

gboolean
sl_export_bar_is_busy (SlExportBar *self)
{
  g_return_val_if_fail (SL_IS_EXPORT_BAR (self), FALSE);
  return self->busy;
}

void
sl_export_bar_cancel (SlExportBar *self)
{
  g_return_if_fail (SL_IS_EXPORT_BAR (self));
  g_cancellable_cancel (self->cancellable);
}

double
sl_export_bar_get_fraction (SlExportBar *self)
{
  g_return_val_if_fail (SL_IS_EXPORT_BAR (self), 0);
  return self->progress ? gtk_progress_bar_get_fraction (self->progress) : 0;
}

typedef struct
{
  SlReaders *readers;
  SlCandidateQuery *query;
  SlExportFormat format;
} CandidatesExport;

static void
candidates_export_free (gpointer data)
{
  CandidatesExport *export = data;

  sl_readers_unref (export->readers);
  sl_candidate_query_free (export->query);
  g_free (export);
}

/* On the worker thread, through a connection of its own */
static gboolean
candidates_export_job (gpointer data, const char *path, SlExportProgress progress,
                       gpointer progress_data, GCancellable *cancellable, GError **error)
{
  CandidatesExport *export = data;
  g_autoptr (SlDatabase) db = sl_readers_open (export->readers, error);

  return db != NULL && sl_candidates_export (db, export->query, export->format, path, progress,
                                             progress_data, cancellable, error);
}

/* Writes the candidates @query finds (the list as filtered) to @path, with the bar's progress */
gboolean
sl_export_bar_export_candidates (SlExportBar *self, SlStore *store, const SlCandidateQuery *query,
                                 SlExportFormat format, const char *path)
{
  CandidatesExport *export = g_new0 (CandidatesExport, 1);

  export->readers = sl_store_ref_readers (store);
  export->query = sl_candidate_query_copy (query);
  export->format = format;
  return sl_export_bar_run (self, _ ("Exporting candidates…"), _ ("Candidates exported"), path,
                            candidates_export_job, export, candidates_export_free);
}

typedef struct
{
  SlReaders *readers;
  SlReportFilter filter;
  SlExportFormat format;
  char *filters; /* in words */
  char *author;
} ReportsExport;

static void
reports_export_free (gpointer data)
{
  ReportsExport *export = data;

  sl_readers_unref (export->readers);
  sl_report_filter_clear (&export->filter);
  g_free (export->filters);
  g_free (export->author);
  g_free (export);
}

/* Computing the reports is the first part of the work; writing them the rest */
#define COMPUTE_SHARE 0.3

typedef struct
{
  SlExportProgress progress;
  gpointer data;
} Progress;

static void
writing_progress_cb (double fraction, gpointer user_data)
{
  Progress *progress = user_data;

  progress->progress (COMPUTE_SHARE + (1 - COMPUTE_SHARE) * fraction, progress->data);
}

/* On the worker thread, through a connection of its own: all the reports, then the file */
static gboolean
reports_export_job (gpointer data, const char *path, SlExportProgress progress,
                    gpointer progress_data, GCancellable *cancellable, GError **error)
{
  ReportsExport *export = data;
  g_autoptr (SlDatabase) db = sl_readers_open (export->readers, error);
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_report_unref);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  SlExportInfo info = { export->filters, export->author };
  Progress writing = { progress, progress_data };

  if (db == NULL)
    return FALSE;
  {
    SlReportKind kinds[SL_N_REPORTS];
    GPtrArray *run;

    for (guint kind = 0; kind < SL_N_REPORTS; kind++)
      kinds[kind] = (SlReportKind) kind;
    run = sl_report_run_many (db, kinds, SL_N_REPORTS, &export->filter, now, cancellable, error);
    if (run == NULL)
      return FALSE;
    g_ptr_array_extend_and_steal (reports, run);
    progress (COMPUTE_SHARE, progress_data);
  }
  return sl_report_export (reports, export->format, &info, path, writing_progress_cb, &writing,
                           cancellable, error);
}

static char *
current_member_name (SlStore *store)
{
  g_autoptr (SlMember) member = sl_session_dup_member (sl_session_get (store));
  const char *name;

  if (member != NULL)
    return g_strdup (sl_member_get_name (member));
  /* No team member chosen in Preferences: the person signed in to the computer */
  name = g_get_real_name ();
  return g_strdup (
    name != NULL && *name != '\0' && !g_str_equal (name, "Unknown") ? name : g_get_user_name ());
}

/* Computes all the reports with @filter and writes them to @path, with the bar's progress */
gboolean
sl_export_bar_export_reports (SlExportBar *self, SlStore *store, const SlReportFilter *filter,
                              SlExportFormat format, const char *path)
{
  ReportsExport *export = g_new0 (ReportsExport, 1);
  SlDatabase *db = sl_store_get_database (store);

  export->readers = sl_store_ref_readers (store);
  export->filter.position_id = filter->position_id;
  export->filter.from = filter->from;
  export->filter.to = filter->to;
  export->filter.country = g_strdup (filter->country);
  export->filter.stack = g_strdup (filter->stack);
  export->filter.seniority = g_strdup (filter->seniority);
  export->format = format;
  export->filters = sl_report_filter_describe (filter, db);
  export->author = current_member_name (store);
  return sl_export_bar_run (self, _ ("Exporting reports…"), _ ("Report exported"), path,
                            reports_export_job, export, reports_export_free);
}

typedef struct
{
  GtkWidget *from;
  SlExportFormat format;
  SlExportChosen chosen;
} Choice;

static void
chosen_cb (GtkNativeDialog *chooser, int response, Choice *choice)
{
  g_autofree char *path = sl_file_chooser_take_path (chooser, response, choice->from,
                                                     _ ("Choose a folder on this computer"));

  if (path != NULL && gtk_widget_get_root (choice->from) != NULL)
    choice->chosen (choice->from, choice->format, path);
  g_object_unref (choice->from);
  g_free (choice);
}

void
sl_export_choose_file (GtkWidget *from, const char *title, const char *name, SlExportFormat format,
                       SlExportChosen chosen)
{
  static const struct
  {
    const char *name;
    const char *mime_type;
  } types[] = {
    [SL_EXPORT_CSV] = { N_ ("CSV files"), "text/csv" },
    [SL_EXPORT_XLSX] = { N_ ("Excel workbooks"),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    [SL_EXPORT_PDF] = { N_ ("PDF documents"), "application/pdf" },
  };
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (from)),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  const char *dotted = sl_export_format_extension (format);
  const char *extension = dotted[0] == '.' ? dotted + 1 : dotted;
  g_autofree char *file_name = g_strdup_printf ("%s.%s", name, extension);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile) folder = g_file_new_for_path (documents ? documents : g_get_home_dir ());
  Choice *choice = g_new0 (Choice, 1);

  gtk_file_filter_set_name (filter, _ (types[format].name));
  gtk_file_filter_add_mime_type (filter, types[format].mime_type);
  gtk_file_filter_add_suffix (filter, extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  /* Documents, not wherever the app was started */
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  choice->from = g_object_ref (from);
  choice->format = format;
  choice->chosen = chosen;
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sl_export_bar_dispose (GObject *object)
{
  SlExportBar *self = SL_EXPORT_BAR (object);

  g_cancellable_cancel (self->cancellable);
  self->label = NULL;
  self->progress = NULL;
  if (self->revealer != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->revealer));
  self->revealer = NULL;
  G_OBJECT_CLASS (sl_export_bar_parent_class)->dispose (object);
}

static void
sl_export_bar_finalize (GObject *object)
{
  SlExportBar *self = SL_EXPORT_BAR (object);

  g_clear_object (&self->cancellable);
  g_free (self->done_message);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (sl_export_bar_parent_class)->finalize (object);
}

static void
sl_export_bar_class_init (SlExportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_export_bar_dispose;
  object_class->finalize = sl_export_bar_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
sl_export_bar_init (SlExportBar *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));

  g_mutex_init (&self->lock);
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Export progress"), -1);
  /* Says what it cancels, in place of its mnemonic label (not beside it) */
  sl_a11y_set_label (cancel, _ ("Cancel the export"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (sl_export_bar_cancel), self);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (outer), box);
  gtk_revealer_set_child (self->revealer, outer);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
}
