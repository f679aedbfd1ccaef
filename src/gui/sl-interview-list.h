/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-interview-list.h — an application's interviews, with what can be done with each */
#pragma once

#include <gtk/gtk.h>

#include "sl-application.h"
#include "sl-interview.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_INTERVIEW_LIST (sl_interview_list_get_type ())
G_DECLARE_FINAL_TYPE (SlInterviewList, sl_interview_list, SL, INTERVIEW_LIST, GtkBox)

SlInterviewList *sl_interview_list_new (SlStore *store, SlApplication *application);
guint sl_interview_list_get_n_interviews (SlInterviewList *self);

void sl_interview_open_scorecard (GtkWidget *from, SlStore *store, gint64 interview_id);
void sl_interview_export_invitation (GtkWidget *from, SlStore *store, gint64 interview_id);
char *sl_interview_describe_time (SlInterview *interview);
char *sl_interview_describe_people (SlInterview *interview);

G_END_DECLS
