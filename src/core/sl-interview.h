/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-interview.h — an interview of an application, with its interviewers */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 member_id;
  char *name;
  char *email;
  gint64 submitted_at; /* when this interviewer's scorecard was submitted, 0 if not yet */
} SlInterviewer;

#define SL_TYPE_INTERVIEW (sl_interview_get_type ())
G_DECLARE_FINAL_TYPE (SlInterview, sl_interview, SL, INTERVIEW, GObject)

SlInterview *sl_interview_new (gint64 id, gint64 application_id, const char *kind, gint64 starts_at,
                               int duration_min, const char *place);
void sl_interview_set_candidate (SlInterview *self, gint64 candidate_id, const char *name,
                                 const char *email, const char *timezone);
void sl_interview_set_position (SlInterview *self, gint64 position_id, const char *title);
void sl_interview_set_revision (SlInterview *self, gint64 created_at, int sequence);
void sl_interview_add_interviewer (SlInterview *self, gint64 member_id, const char *name,
                                   const char *email, gint64 submitted_at);

gint64 sl_interview_get_id (SlInterview *self);
gint64 sl_interview_get_application_id (SlInterview *self);
const char *sl_interview_get_kind (SlInterview *self);
gint64 sl_interview_get_starts_at (SlInterview *self);
int sl_interview_get_duration (SlInterview *self);
const char *sl_interview_get_place (SlInterview *self);
gint64 sl_interview_get_created_at (SlInterview *self);
int sl_interview_get_sequence (SlInterview *self);
gint64 sl_interview_get_candidate_id (SlInterview *self);
const char *sl_interview_get_candidate_name (SlInterview *self);
const char *sl_interview_get_candidate_email (SlInterview *self);
const char *sl_interview_get_candidate_timezone (SlInterview *self);
gint64 sl_interview_get_position_id (SlInterview *self);
const char *sl_interview_get_position_title (SlInterview *self);
guint sl_interview_get_n_interviewers (SlInterview *self);
const SlInterviewer *sl_interview_get_interviewer (SlInterview *self, guint index);
const SlInterviewer *sl_interview_find_interviewer (SlInterview *self, gint64 member_id);
char *sl_interview_dup_interviewer_names (SlInterview *self);
gboolean sl_interview_is_upcoming (SlInterview *self, gint64 now);
gboolean sl_interview_awaits_feedback (SlInterview *self, gint64 member_id, gint64 now);

G_END_DECLS
