/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-interview-dialog.c — schedule an interview of an application, or reschedule one
 *
 * The time is entered on the recruiter's own clock; the dialog shows at once what that is for
 * the candidate, in their time zone and its offset on that very day (daylight saving time
 * differs across the offshore countries). The store keeps the instant in UTC.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sl-candidate.h"
#include "sl-date-row.h"
#include "sl-interview-dialog.h"
#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-option.h"
#include "sl-position-editor.h"
#include "sl-time.h"
#include "sl-vocab.h"
#include "sl-widgets.h"
#include "sl-session.h"

struct _SlInterviewDialog
{
  AdwWindow parent_instance;

  SlStore *store;
  gint64 application_id;
  gint64 interview_id; /* 0 when scheduling a new one */
  int sequence;        /* the interview's, as the form shows it */
  gboolean merged;     /* a save is being tried again over another's reschedule */
  char *shown;         /* what the form showed when it was filled (form_values()) */
  char *candidate_zone;
  GtkWidget *kind;
  GtkWidget *date;
  GtkWidget *time;
  GtkWidget *duration;
  GtkWidget *place;
  GtkWidget *yours;
  GtkWidget *theirs;
  GtkWidget *interviewers; /* a GtkListBox of rows with a check button each */
  GtkWidget *save_button;
  GtkLabel *heading;
  GtkLabel *candidate_label;
};

G_DEFINE_FINAL_TYPE (SlInterviewDialog, sl_interview_dialog, ADW_TYPE_WINDOW)

/* The instant the fields give, in the user's zone; 0 with @error when they give none */
static gint64
entered_time (SlInterviewDialog *self, GError **error)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date));
  const char *time = gtk_editable_get_text (GTK_EDITABLE (self->time));
  int year, month, day, hour, minute;

  if (!sl_time_parse_date (date, &year, &month, &day))
    {
      g_autofree char *message = sl_date_not_a_date_message (date);

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
      return 0;
    }
  if (!sl_time_parse_clock (time, &hour, &minute))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is what was typed, then an example time in the user's form */
                   _ ("“%s” is not a time of day: type it like %s"), time,
                   sl_time_uses_12_hours () ? "2:30 PM" : "14:30");
      return 0;
    }
  return sl_time_from_local (zone, year, month, day, hour, minute, error);
}

/* “Tue 1 Dec 2026, 10:00 · Warsaw (UTC+1)” */
static char *
describe (gint64 at, GTimeZone *zone, gboolean date)
{
  g_autofree char *when = date ? sl_time_format (at, zone) : sl_time_format_time (at, zone);
  g_autofree char *offset = sl_time_format_offset (at, zone);
  g_autofree char *place = sl_time_zone_place (g_time_zone_get_identifier (zone));

  return g_strdup_printf ("%s · %s (%s)", when, place, offset);
}

char *
sl_interview_dialog_dup_candidate_time (SlInterviewDialog *self)
{
  return g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (self->theirs)));
}

static void
update_times (SlInterviewDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GTimeZone) candidate = NULL;
  gint64 at = entered_time (self, &error);
  g_autofree char *yours = NULL;
  g_autofree char *theirs = NULL;

  if (at == 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->yours), error->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->theirs), "");
      return;
    }
  yours = describe (at, local, TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->yours), yours);
  if (self->candidate_zone != NULL && *self->candidate_zone != '\0')
    candidate = sl_time_zone_new (self->candidate_zone);
  if (candidate != NULL)
    theirs = describe (at, candidate, FALSE);
  else
    theirs = g_strdup (_ ("Not known: the candidate has no time zone set"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->theirs), theirs);
}

static GArray *
chosen_interviewers (SlInterviewDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GtkWidget *row = gtk_widget_get_first_child (self->interviewers); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "sl-check");
      gint64 *id = g_object_get_data (G_OBJECT (row), "sl-member");

      if (check != NULL && gtk_check_button_get_active (check))
        g_array_append_val (ids, *id);
    }
  return ids;
}

void
sl_interview_dialog_set_interviewer (SlInterviewDialog *self, gint64 member_id, gboolean chosen)
{
  for (GtkWidget *row = gtk_widget_get_first_child (self->interviewers); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "sl-member");

      if (id != NULL && *id == member_id)
        gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "sl-check"), chosen);
    }
}

void
sl_interview_dialog_set_when (SlInterviewDialog *self, const char *date, const char *time)
{
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date), date);
  if (time != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->time), time);
}

/* The form's fields, one a line, in the order fill_from() sets them: kind, date, time,
 * duration, place, interviewers */
static GStrv
form_fields (SlInterviewDialog *self)
{
  g_autoptr (GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr (GArray) interviewers = chosen_interviewers (self);
  SlOption *kind = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self->kind));
  g_autoptr (GString) who = g_string_new (NULL);
  g_autofree char *duration =
    g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->duration)));

  g_strv_builder_add (fields, kind ? sl_option_get_id (kind) : "");
  g_strv_builder_add (fields, gtk_editable_get_text (GTK_EDITABLE (self->date)));
  g_strv_builder_add (fields, gtk_editable_get_text (GTK_EDITABLE (self->time)));
  g_strv_builder_add (fields, duration);
  g_strv_builder_add (fields, gtk_editable_get_text (GTK_EDITABLE (self->place)));
  for (guint i = 0; i < interviewers->len; i++)
    g_string_append_printf (who, "%" G_GINT64_FORMAT " ", g_array_index (interviewers, gint64, i));
  g_strv_builder_add (fields, who->str);
  return g_strv_builder_end (fields);
}

static char *
form_values (SlInterviewDialog *self)
{
  g_auto (GStrv) fields = form_fields (self);

  return g_strjoinv ("\n", fields);
}

/* Sets the fields to @interview's */
static void
fill_from (SlInterviewDialog *self, SlInterview *interview)
{
  g_autoptr (GListModel) kinds = sl_vocab_model (SL_VOCAB_INTERVIEW_KIND, NULL);
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autoptr (GDateTime) utc =
    g_date_time_new_from_unix_utc (sl_interview_get_starts_at (interview));
  g_autoptr (GDateTime) at = g_date_time_to_timezone (utc, local);
  g_autofree char *iso_day = g_date_time_format (at, "%Y-%m-%d");
  g_autofree char *day = sl_time_format_numeric_date (iso_day);
  g_autofree char *time = sl_time_format_clock (sl_interview_get_starts_at (interview), local);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind),
                              sl_option_find (kinds, sl_interview_get_kind (interview)));
  sl_interview_dialog_set_when (self, day, time);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->duration),
                             sl_interview_get_duration (interview));
  gtk_editable_set_text (GTK_EDITABLE (self->place), sl_interview_get_place (interview));
  for (GtkWidget *row = gtk_widget_get_first_child (self->interviewers); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "sl-member");

      if (id != NULL)
        sl_interview_dialog_set_interviewer (self, *id, FALSE);
    }
  for (guint i = 0; i < sl_interview_get_n_interviewers (interview); i++)
    sl_interview_dialog_set_interviewer (
      self, sl_interview_get_interviewer (interview, i)->member_id, TRUE);
  self->sequence = sl_interview_get_sequence (interview);
  g_free (self->shown);
  self->shown = form_values (self);
}

/* Someone rescheduled the interview since the form was filled: each field the user left alone
 * takes their value; one both changed takes theirs too, and the user decides again. TRUE when
 * nothing clashed (the caller saves again). */
static gboolean
merge_theirs (SlInterviewDialog *self, gboolean *clashed)
{
  g_autoptr (SlInterview) current = sl_store_get_interview (self->store, self->interview_id, NULL);
  g_auto (GStrv) shown = NULL;
  g_auto (GStrv) mine = NULL;
  g_auto (GStrv) theirs = NULL;

  *clashed = FALSE;
  if (current == NULL)
    return FALSE;
  shown = g_strsplit (self->shown, "\n", -1);
  mine = form_fields (self);
  fill_from (self, current);
  theirs = form_fields (self);
  /* Back to what the user typed where they changed a field and the other did not */
  for (guint i = 0; mine[i] != NULL && shown[i] != NULL && theirs[i] != NULL; i++)
    {
      gboolean mine_changed = !g_str_equal (mine[i], shown[i]);
      gboolean theirs_changed = !g_str_equal (theirs[i], shown[i]);

      if (mine_changed && theirs_changed && !g_str_equal (mine[i], theirs[i]))
        *clashed = TRUE;
      else if (mine_changed)
        {
          g_auto (GStrv) ids = NULL;

          switch (i)
            {
            case 0:
              {
                g_autoptr (GListModel) kinds = sl_vocab_model (SL_VOCAB_INTERVIEW_KIND, NULL);
                adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind),
                                            sl_option_find (kinds, mine[i]));
              }
              break;
            case 1:
              gtk_editable_set_text (GTK_EDITABLE (self->date), mine[i]);
              break;
            case 2:
              gtk_editable_set_text (GTK_EDITABLE (self->time), mine[i]);
              break;
            case 3:
              gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->duration),
                                         g_ascii_strtod (mine[i], NULL));
              break;
            case 4:
              gtk_editable_set_text (GTK_EDITABLE (self->place), mine[i]);
              break;
            default:
              for (GtkWidget *row = gtk_widget_get_first_child (self->interviewers); row != NULL;
                   row = gtk_widget_get_next_sibling (row))
                {
                  gint64 *id = g_object_get_data (G_OBJECT (row), "sl-member");

                  if (id != NULL)
                    sl_interview_dialog_set_interviewer (self, *id, FALSE);
                }
              ids = g_strsplit (g_strstrip (mine[i]), " ", -1);
              for (guint k = 0; ids[k] != NULL; k++)
                if (*ids[k] != '\0')
                  sl_interview_dialog_set_interviewer (self, g_ascii_strtoll (ids[k], NULL, 10),
                                                       TRUE);
              break;
            }
        }
    }
  return !*clashed;
}

/* Schedules (or reschedules) as the fields say. Returns the interview's id, or 0 after
 * showing why not. */
gint64
sl_interview_dialog_save (SlInterviewDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) interviewers = chosen_interviewers (self);
  SlOption *kind = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self->kind));
  gint64 at = entered_time (self, &error);
  int duration = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->duration));
  const char *place = gtk_editable_get_text (GTK_EDITABLE (self->place));
  gint64 id = 0;

  if (at != 0 && self->interview_id > 0)
    {
      id = sl_store_update_interview (self->store, self->interview_id, self->sequence,
                                      sl_option_get_id (kind), at, duration, place, interviewers,
                                      &error)
             ? self->interview_id
             : 0;
      if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT))
        {
          g_autofree char *message = g_strdup (error->message);
          gboolean clashed = FALSE;

          /* Once: the form now holds their reschedule with the user's own changes */
          if (!self->merged && merge_theirs (self, &clashed))
            {
              g_clear_error (&error);
              self->merged = TRUE;
              id = sl_interview_dialog_save (self);
              self->merged = FALSE;
              if (id != 0)
                sl_widget_toast_conflict (GTK_WIDGET (self), message, FALSE);
              return id;
            }
          if (clashed)
            {
              sl_widget_toast_conflict (GTK_WIDGET (self), message, TRUE);
              return 0;
            }
        }
    }
  else if (at != 0)
    id = sl_store_schedule_interview (self->store, self->application_id, sl_option_get_id (kind),
                                      at, duration, place, interviewers, &error);
  if (id == 0)
    {
      sl_widget_toast (GTK_WIDGET (self), error->message);
      return 0;
    }
  return id;
}

static void
save_clicked_cb (SlInterviewDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean rescheduling = self->interview_id > 0;

  if (sl_interview_dialog_save (self) == 0)
    return;
  if (parent != NULL)
    sl_widget_toast (GTK_WIDGET (parent),
                     rescheduling ? _ ("Interview rescheduled") : _ ("Interview scheduled"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  save_clicked_cb (SL_INTERVIEW_DIALOG (widget));
}

static GtkWidget *
group (GtkWidget *box, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static GtkWidget *
entry_row (GtkWidget *group, const char *title, SlInterviewDialog *self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
info_row (GtkWidget *group, const char *title, const char *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  gtk_widget_add_css_class (row, "property");
  /* Read, not acted on: Tab passes it by */
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
add_interviewers (SlInterviewDialog *self, GtkWidget *group)
{
  g_autoptr (GListModel) members = sl_store_list_active_members (self->store, NULL);
  guint n = members ? g_list_model_get_n_items (members) : 0;

  self->interviewers = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->interviewers), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->interviewers, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->interviewers),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Interviewers"), -1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlMember) member = g_list_model_get_item (members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 *id = g_new (gint64, 1);

      *id = sl_member_get_id (member);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_member_get_name (member));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sl_vocab_label (SL_VOCAB_ROLE, sl_member_get_role (member)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      sl_member_get_name (member), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* One Tab stop per person: the row, which Space ticks */
      gtk_widget_set_focusable (check, FALSE);
      g_object_set_data (G_OBJECT (row), "sl-check", check);
      g_object_set_data_full (G_OBJECT (row), "sl-member", id, g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->interviewers), row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _ ("Add team members in Preferences first"));
      gtk_list_box_append (GTK_LIST_BOX (self->interviewers), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->interviewers);
}

static void
sl_interview_dialog_dispose (GObject *object)
{
  SlInterviewDialog *self = SL_INTERVIEW_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->candidate_zone, g_free);
  g_clear_pointer (&self->shown, g_free);
  G_OBJECT_CLASS (sl_interview_dialog_parent_class)->dispose (object);
}

static void
sl_interview_dialog_class_init (SlInterviewDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sl_interview_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "interview.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "interview.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_interview_dialog_init (SlInterviewDialog *self)
{
}

/* The kind an interview at @stage is most likely to be */
static const char *
kind_for_stage (const char *stage)
{
  if (sl_vocab_is_valid (SL_VOCAB_INTERVIEW_KIND, stage))
    return stage;
  return g_strcmp0 (stage, "feedback") == 0 ? "culture" : "technical";
}

static void
build (SlInterviewDialog *self, SlInterview *interview, const char *stage)
{
  g_autoptr (GListModel) kinds = sl_vocab_model (SL_VOCAB_INTERVIEW_KIND, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *when, *where, *who, *duration_row;
  g_autofree char *date = NULL;

  self->save_button = gtk_button_new_with_mnemonic (interview ? _ ("_Save") : _ ("_Schedule"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "interview.save");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  /* The heading and the candidate's name open the form, where they wrap: between Cancel and
   * Schedule, a translated heading was cut off */
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  {
    GtkWidget *heading_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    self->heading = GTK_LABEL (gtk_label_new (gtk_window_get_title (GTK_WINDOW (self))));
    self->candidate_label = GTK_LABEL (gtk_label_new (NULL));
    for (GtkLabel *label = self->heading; label != NULL;
         label = label == self->heading ? self->candidate_label : NULL)
      {
        gtk_label_set_wrap (label, TRUE);
        gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
        gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
        gtk_box_append (GTK_BOX (heading_box), GTK_WIDGET (label));
      }
    gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-2");
    gtk_widget_add_css_class (GTK_WIDGET (self->candidate_label), "dim-label");
    gtk_box_append (GTK_BOX (box), heading_box);
  }
  when = group (box, _ ("When"), _ ("Enter the time on your own clock."));
  self->kind = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind), _ ("Kind of interview"));
  sl_combo_set_options (G_OBJECT (self->kind), g_object_ref (kinds));
  adw_combo_row_set_selected (
    ADW_COMBO_ROW (self->kind),
    sl_option_find (kinds, interview ? sl_interview_get_kind (interview) : kind_for_stage (stage)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), self->kind);
  self->date = entry_row (when, _ ("Date"), self);
  sl_date_row_add_calendar (ADW_ENTRY_ROW (self->date));
  self->time = entry_row (when, _ ("Time"), self);
  duration_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (duration_row), _ ("Duration in minutes"));
  self->duration = gtk_spin_button_new_with_range (5, 12 * 60, 15);
  gtk_widget_set_valign (self->duration, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->duration),
                             interview ? sl_interview_get_duration (interview) : 60);
  sl_spin_button_scroll_passes (GTK_SPIN_BUTTON (self->duration));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->duration), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Duration in minutes"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (duration_row), self->duration);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (duration_row), self->duration);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (when), duration_row);
  self->yours = info_row (when, _ ("Your time"), "preferences-system-time-symbolic");
  self->theirs = info_row (when, _ ("The candidate’s time"), "mark-location-symbolic");

  where = group (box, _ ("Where"), NULL);
  self->place = entry_row (where, _ ("Place or video link"), self);

  who = group (box, _ ("Interviewers"), _ ("Each interviewer fills in a scorecard of their own."));
  add_interviewers (self, who);

  if (interview != NULL)
    fill_from (self, interview);
  else
    {
      date = g_date_time_format (tomorrow, "%Y-%m-%d");
      sl_interview_dialog_set_when (self, date, "10:00");
      /* The one scheduling is often the one interviewing */
      sl_interview_dialog_set_interviewer (
        self, sl_session_get_member_id (sl_session_get (self->store), NULL), TRUE);
    }
  g_signal_connect_swapped (self->date, "changed", G_CALLBACK (update_times), self);
  g_signal_connect_swapped (self->time, "changed", G_CALLBACK (update_times), self);
  update_times (self);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scrolled);
  gtk_box_append (GTK_BOX (content), overlay);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  gtk_window_set_focus (GTK_WINDOW (self), self->date);
}

/* A dialog to schedule an interview of @application, or to reschedule @interview */
SlInterviewDialog *
sl_interview_dialog_new (SlStore *store, SlApplication *application, SlInterview *interview,
                         GtkWindow *parent)
{
  SlInterviewDialog *self =
    g_object_new (SL_TYPE_INTERVIEW_DIALOG, "modal", TRUE, "transient-for", parent, "default-width",
                  480, "default-height", 680, NULL);
  g_autoptr (SlCandidate) candidate = NULL;
  g_autofree char *heading = NULL;
  const char *name = "";

  g_return_val_if_fail (application != NULL || interview != NULL, self);

  self->store = g_object_ref (store);
  if (interview != NULL)
    {
      self->interview_id = sl_interview_get_id (interview);
      self->application_id = sl_interview_get_application_id (interview);
      name = sl_interview_get_candidate_name (interview);
      self->candidate_zone = g_strdup (sl_interview_get_candidate_timezone (interview));
    }
  else
    {
      self->application_id = sl_application_get_id (application);
      candidate =
        sl_store_get_candidate (store, sl_application_get_candidate_id (application), NULL);
      if (candidate != NULL)
        {
          name = sl_candidate_get_name (candidate);
          self->candidate_zone =
            g_strdup (sl_candidate_get_text (candidate, SL_CANDIDATE_TIMEZONE));
        }
    }
  heading = g_strdup (interview != NULL ? _ ("Reschedule Interview") : _ ("Schedule Interview"));
  gtk_window_set_title (GTK_WINDOW (self), heading);
  build (self, interview, application ? sl_application_get_stage (application) : NULL);
  gtk_label_set_label (self->candidate_label, name);
  gtk_widget_set_visible (GTK_WIDGET (self->candidate_label), name != NULL && *name != '\0');
  return self;
}
