/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-interview.c — an interview of an application, with its interviewers
 *
 * A value object the store fills in: the time is UTC seconds, shown in a zone by sl-time.c.
 */
#include "config.h"

#include "sl-interview.h"

struct _SlInterview
{
  GObject parent_instance;
  gint64 id;
  gint64 application_id;
  char *kind;
  gint64 starts_at;
  int duration_min;
  char *place;
  gint64 created_at;
  int sequence; /* how many times it was rescheduled */
  gint64 candidate_id;
  char *candidate_name;
  char *candidate_email;
  char *candidate_timezone;
  gint64 position_id;
  char *position_title;
  GArray *interviewers; /* SlInterviewer */
};

G_DEFINE_FINAL_TYPE (SlInterview, sl_interview, G_TYPE_OBJECT)

static void
interviewer_clear (gpointer data)
{
  SlInterviewer *interviewer = data;

  g_free (interviewer->name);
  g_free (interviewer->email);
}

static void
sl_interview_finalize (GObject *object)
{
  SlInterview *self = SL_INTERVIEW (object);

  g_free (self->kind);
  g_free (self->place);
  g_free (self->candidate_name);
  g_free (self->candidate_email);
  g_free (self->candidate_timezone);
  g_free (self->position_title);
  g_array_unref (self->interviewers);
  G_OBJECT_CLASS (sl_interview_parent_class)->finalize (object);
}

static void
sl_interview_class_init (SlInterviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_interview_finalize;
}

static void
sl_interview_init (SlInterview *self)
{
  self->interviewers = g_array_new (FALSE, TRUE, sizeof (SlInterviewer));
  g_array_set_clear_func (self->interviewers, interviewer_clear);
}

SlInterview *
sl_interview_new (gint64 id, gint64 application_id, const char *kind, gint64 starts_at,
                  int duration_min, const char *place)
{
  SlInterview *self = g_object_new (SL_TYPE_INTERVIEW, NULL);

  self->id = id;
  self->application_id = application_id;
  self->kind = g_strdup (kind);
  self->starts_at = starts_at;
  self->duration_min = duration_min;
  self->place = g_strdup (place ? place : "");
  return self;
}

void
sl_interview_set_candidate (SlInterview *self, gint64 candidate_id, const char *name,
                            const char *email, const char *timezone)
{
  self->candidate_id = candidate_id;
  g_free (self->candidate_name);
  self->candidate_name = g_strdup (name);
  g_free (self->candidate_email);
  self->candidate_email = g_strdup (email);
  g_free (self->candidate_timezone);
  self->candidate_timezone = g_strdup (timezone);
}

void
sl_interview_set_position (SlInterview *self, gint64 position_id, const char *title)
{
  self->position_id = position_id;
  g_free (self->position_title);
  self->position_title = g_strdup (title);
}

void
sl_interview_set_revision (SlInterview *self, gint64 created_at, int sequence)
{
  self->created_at = created_at;
  self->sequence = sequence;
}

gint64
sl_interview_get_created_at (SlInterview *self)
{
  return self->created_at;
}

int
sl_interview_get_sequence (SlInterview *self)
{
  return self->sequence;
}

void
sl_interview_add_interviewer (SlInterview *self, gint64 member_id, const char *name,
                              const char *email, gint64 submitted_at)
{
  SlInterviewer interviewer = { member_id, g_strdup (name), g_strdup (email), submitted_at };

  g_array_append_val (self->interviewers, interviewer);
}

gint64
sl_interview_get_id (SlInterview *self)
{
  return self->id;
}

gint64
sl_interview_get_application_id (SlInterview *self)
{
  return self->application_id;
}

const char *
sl_interview_get_kind (SlInterview *self)
{
  return self->kind;
}

gint64
sl_interview_get_starts_at (SlInterview *self)
{
  return self->starts_at;
}

int
sl_interview_get_duration (SlInterview *self)
{
  return self->duration_min;
}

const char *
sl_interview_get_place (SlInterview *self)
{
  return self->place;
}

gint64
sl_interview_get_candidate_id (SlInterview *self)
{
  return self->candidate_id;
}

const char *
sl_interview_get_candidate_name (SlInterview *self)
{
  return self->candidate_name ? self->candidate_name : "";
}

const char *
sl_interview_get_candidate_email (SlInterview *self)
{
  return self->candidate_email ? self->candidate_email : "";
}

const char *
sl_interview_get_candidate_timezone (SlInterview *self)
{
  return self->candidate_timezone ? self->candidate_timezone : "";
}

gint64
sl_interview_get_position_id (SlInterview *self)
{
  return self->position_id;
}

const char *
sl_interview_get_position_title (SlInterview *self)
{
  return self->position_title ? self->position_title : "";
}

guint
sl_interview_get_n_interviewers (SlInterview *self)
{
  return self->interviewers->len;
}

const SlInterviewer *
sl_interview_get_interviewer (SlInterview *self, guint index)
{
  g_return_val_if_fail (index < self->interviewers->len, NULL);
  return &g_array_index (self->interviewers, SlInterviewer, index);
}

const SlInterviewer *
sl_interview_find_interviewer (SlInterview *self, gint64 member_id)
{
  for (guint i = 0; i < self->interviewers->len; i++)
    if (g_array_index (self->interviewers, SlInterviewer, i).member_id == member_id)
      return &g_array_index (self->interviewers, SlInterviewer, i);
  return NULL;
}

/* “Ana Ribeiro, Piotr Zając” — for rows and the invitation's description */
char *
sl_interview_dup_interviewer_names (SlInterview *self)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < self->interviewers->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, g_array_index (self->interviewers, SlInterviewer, i).name);
    }
  return g_string_free (names, FALSE);
}

/* Not started yet at @now (once started, it awaits feedback instead) */
gboolean
sl_interview_is_upcoming (SlInterview *self, gint64 now)
{
  return self->starts_at > now;
}

/* Started by @now and @member_id (any interviewer when 0) has not submitted a scorecard */
gboolean
sl_interview_awaits_feedback (SlInterview *self, gint64 member_id, gint64 now)
{
  if (self->starts_at > now)
    return FALSE;
  for (guint i = 0; i < self->interviewers->len; i++)
    {
      const SlInterviewer *interviewer = &g_array_index (self->interviewers, SlInterviewer, i);

      if ((member_id == 0 || interviewer->member_id == member_id) && interviewer->submitted_at == 0)
        return TRUE;
    }
  return FALSE;
}
