/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-interview-list.c — an application's interviews, with what can be done with each
 *
 * Shown inside the application's row in the candidate pane: each interview with its time on
 * the viewer's clock and the candidate's, its interviewers (a tick for each scorecard in),
 * and a menu to fill in one's scorecard, export the invitation, reschedule or cancel.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-ics.h"
#include "sl-interview-dialog.h"
#include "sl-interview-list.h"
#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-position-editor.h"
#include "sl-scorecard-editor.h"
#include "sl-time.h"
#include "sl-vocab.h"
#include "sl-widgets.h"
#include "sl-session.h"

struct _SlInterviewList
{
  GtkBox parent_instance;

  SlStore *store;
  SlApplication *application;
  GtkWidget *list;
  guint n_interviews;
  guint reload_source;
};

G_DEFINE_FINAL_TYPE (SlInterviewList, sl_interview_list, GTK_TYPE_BOX)

/* Opens the current member's scorecard of the interview in its own window */
void
sl_interview_open_scorecard (GtkWidget *from, SlStore *store, gint64 interview_id)
{
  g_autoptr (GError) error = NULL;
  gint64 member = sl_session_get_member_id (sl_session_get (store), NULL);
  GtkWidget *editor;

  if (member == 0)
    {
      sl_widget_toast (from, _ ("Choose who you are in Preferences to fill in scorecards"));
      return;
    }
  /* One window per scorecard: a second copy would hold an outdated draft */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
        SlScorecard *open = SL_IS_SCORECARD_EDITOR (window)
                              ? sl_scorecard_editor_get_scorecard (SL_SCORECARD_EDITOR (window))
                              : NULL;

        if (open != NULL && sl_scorecard_get_interview_id (open) == interview_id &&
            sl_scorecard_get_member_id (open) == member)
          {
            gtk_window_present (GTK_WINDOW (window));
            return;
          }
      }
  }
  editor = sl_scorecard_editor_new (store, interview_id, member,
                                    GTK_WINDOW (gtk_widget_get_root (from)), &error);
  if (editor == NULL)
    {
      sl_widget_toast (from, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (editor));
}

typedef struct
{
  SlStore *store;
  gint64 interview_id;
  GtkWidget *from;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->store);
  g_object_unref (export->from);
  g_free (export);
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, Export *export)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SlInterview) interview = NULL;
  g_autoptr (SlMember) organizer = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      interview = sl_store_get_interview (export->store, export->interview_id, &error);
      organizer = sl_session_dup_member (sl_session_get (export->store));
      if (interview == NULL || path == NULL ||
          !sl_ics_write_interview (interview, organizer, path, &error))
        sl_widget_toast (export->from,
                         error ? error->message : _ ("The invitation could not be saved"));
      else
        sl_widget_toast (export->from, _ ("Invitation saved"));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  export_free (export);
}

/* Asks where to save the interview's invitation (.ics) and writes it there */
void
sl_interview_export_invitation (GtkWidget *from, SlStore *store, gint64 interview_id)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_ ("Export Invitation"), GTK_WINDOW (gtk_widget_get_root (from)),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autoptr (SlInterview) interview = sl_store_get_interview (store, interview_id, NULL);
  Export *export = g_new0 (Export, 1);
  g_autofree char *name = NULL;

  gtk_file_filter_set_name (filter, _ ("Calendar invitations"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  /* Translators: the suggested file name of an interview invitation; %s is the candidate */
  name = g_strdup_printf (_ ("Interview with %s.ics"),
                          interview ? sl_interview_get_candidate_name (interview) : "");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Documents, not wherever the app was started (perhaps beside its database, whose files the
   * chooser would open to guess their types) */
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr (GFile) folder = g_file_new_for_path (documents ? documents : g_get_home_dir ());

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  export->store = g_object_ref (store);
  export->interview_id = interview_id;
  export->from = g_object_ref (from);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* “Technical · Tue 1 Dec 2026, 14:00 · theirs: Tue 16:00 (UTC+2)” */
char *
sl_interview_describe_time (SlInterview *interview)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GTimeZone) candidate = NULL;
  gint64 at = sl_interview_get_starts_at (interview);
  g_autofree char *when = sl_time_format (at, local);
  const char *zone = sl_interview_get_candidate_timezone (interview);

  if (*zone != '\0')
    candidate = sl_time_zone_new (zone);
  if (candidate != NULL)
    {
      g_autofree char *theirs = sl_time_format_time (at, candidate);
      g_autofree char *offset = sl_time_format_offset (at, candidate);

      /* Translators: an interview's time: the kind, the viewer's date and time, then the
       * candidate's local time and its UTC offset */
      return g_strdup_printf (
        _ ("%s · %s · candidate’s time %s (%s)"),
        sl_vocab_label (SL_VOCAB_INTERVIEW_KIND, sl_interview_get_kind (interview)), when, theirs,
        offset);
    }
  return g_strdup_printf (
    "%s · %s", sl_vocab_label (SL_VOCAB_INTERVIEW_KIND, sl_interview_get_kind (interview)), when);
}

/* “Piotr Zając ✓, Diego Ramírez · https://meet…”: a tick for each scorecard submitted */
char *
sl_interview_describe_people (SlInterview *interview)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sl_interview_get_n_interviewers (interview); i++)
    {
      const SlInterviewer *interviewer = sl_interview_get_interviewer (interview, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, interviewer->name);
      if (interviewer->submitted_at > 0)
        g_string_append (out, " ✓");
    }
  if (*sl_interview_get_place (interview) != '\0')
    g_string_append_printf (out, " · %s", sl_interview_get_place (interview));
  return g_string_free (out, FALSE);
}

static gint64
row_interview (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "sl-interview");
  return id ? *id : 0;
}

static void
scorecard_action (GSimpleAction *action, GVariant *parameter, gpointer row)
{
  SlInterviewList *self =
    SL_INTERVIEW_LIST (gtk_widget_get_ancestor (GTK_WIDGET (row), SL_TYPE_INTERVIEW_LIST));

  sl_interview_open_scorecard (GTK_WIDGET (self), self->store, row_interview (row));
}

static void
ics_action (GSimpleAction *action, GVariant *parameter, gpointer row)
{
  SlInterviewList *self =
    SL_INTERVIEW_LIST (gtk_widget_get_ancestor (GTK_WIDGET (row), SL_TYPE_INTERVIEW_LIST));

  sl_interview_export_invitation (GTK_WIDGET (self), self->store, row_interview (row));
}

static void
reschedule_action (GSimpleAction *action, GVariant *parameter, gpointer row)
{
  SlInterviewList *self =
    SL_INTERVIEW_LIST (gtk_widget_get_ancestor (GTK_WIDGET (row), SL_TYPE_INTERVIEW_LIST));
  g_autoptr (GError) error = NULL;
  g_autoptr (SlInterview) interview =
    sl_store_get_interview (self->store, row_interview (row), &error);
  SlInterviewDialog *dialog;

  if (interview == NULL)
    {
      sl_widget_toast (GTK_WIDGET (self), error->message);
      return;
    }
  dialog = sl_interview_dialog_new (self->store, NULL, interview,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_response_cb (AdwMessageDialog *dialog, const char *response, SlInterviewList *self)
{
  g_autoptr (GError) error = NULL;
  gint64 interview_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "sl-interview"));

  if (!g_str_equal (response, "cancel-interview"))
    return;
  /* The store's signal rebuilds the list, this row included */
  if (!sl_store_cancel_interview (self->store, interview_id, &error))
    sl_widget_toast (GTK_WIDGET (self), error->message);
  else
    sl_widget_toast (GTK_WIDGET (self), _ ("Interview cancelled"));
}

/* Asks first: the interviewers' drafts go with it */
static void
cancel_action (GSimpleAction *action, GVariant *parameter, gpointer row)
{
  SlInterviewList *self =
    SL_INTERVIEW_LIST (gtk_widget_get_ancestor (GTK_WIDGET (row), SL_TYPE_INTERVIEW_LIST));
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _ ("Cancel the Interview?"),
    _ ("It is removed from the interviewers’ lists, with any scorecard drafts of it."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _ ("_Keep It"),
                                    "cancel-interview", _ ("_Cancel Interview"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-interview",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "sl-interview", GSIZE_TO_POINTER (row_interview (row)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
interview_row (SlInterviewList *self, SlInterview *interview, gint64 member)
{
  static const GActionEntry entries[] = {
    { "scorecard", scorecard_action, NULL, NULL, NULL, { 0 } },
    { "ics", ics_action, NULL, NULL, NULL, { 0 } },
    { "reschedule", reschedule_action, NULL, NULL, NULL, { 0 } },
    { "cancel", cancel_action, NULL, NULL, NULL, { 0 } },
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autofree char *title = sl_interview_describe_time (interview);
  g_autofree char *people = sl_interview_describe_people (interview);
  const SlInterviewer *mine = sl_interview_find_interviewer (interview, member);
  gint64 *id = g_new (gint64, 1);

  *id = sl_interview_get_id (interview);
  g_object_set_data_full (G_OBJECT (row), "sl-interview", id, g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), people);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), row);
  gtk_widget_insert_action_group (row, "interview", G_ACTION_GROUP (group));

  if (mine != NULL)
    {
      g_menu_append (
        menu, mine->submitted_at > 0 ? _ ("View My _Scorecard") : _ ("Fill In My _Scorecard"),
        "interview.scorecard");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "interview.scorecard");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  g_menu_append (menu, _ ("_Export Invitation…"), "interview.ics");
  g_menu_append (menu, _ ("_Reschedule…"), "interview.reschedule");
  g_menu_append (menu, _ ("_Cancel Interview"), "interview.cancel");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _ ("Interview Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Interview actions"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);
  return row;
}

static void
reload (SlInterviewList *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) interviews =
    sl_store_list_interviews (self->store, sl_application_get_id (self->application), &error);
  gint64 member = sl_session_get_member_id (sl_session_get (self->store), NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  self->n_interviews = interviews ? g_list_model_get_n_items (interviews) : 0;
  for (guint i = 0; i < self->n_interviews; i++)
    {
      g_autoptr (SlInterview) interview = g_list_model_get_item (interviews, i);
      gtk_list_box_append (GTK_LIST_BOX (self->list), interview_row (self, interview, member));
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_interviews > 0);
}

static gboolean
reload_idle (gpointer data)
{
  SlInterviewList *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Deferred: the change may come from a row's own menu, which must not be torn down while its
 * action runs */
static void
interviews_changed_cb (SlStore *store, gint64 application_id, SlInterviewList *self)
{
  if (application_id == sl_application_get_id (self->application) && self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle, self);
}

guint
sl_interview_list_get_n_interviews (SlInterviewList *self)
{
  return self->n_interviews;
}

static void
sl_interview_list_dispose (GObject *object)
{
  SlInterviewList *self = SL_INTERVIEW_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->application);
  G_OBJECT_CLASS (sl_interview_list_parent_class)->dispose (object);
}

static void
sl_interview_list_class_init (SlInterviewListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_interview_list_dispose;
}

static void
sl_interview_list_init (SlInterviewList *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Interviews"), -1);
  gtk_box_append (GTK_BOX (self), self->list);
}

SlInterviewList *
sl_interview_list_new (SlStore *store, SlApplication *application)
{
  SlInterviewList *self = g_object_new (SL_TYPE_INTERVIEW_LIST, NULL);

  self->store = g_object_ref (store);
  self->application = g_object_ref (application);
  g_signal_connect_object (store, "interviews-changed", G_CALLBACK (interviews_changed_cb), self,
                           0);
  reload (self);
  return self;
}
