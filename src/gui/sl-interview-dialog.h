/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-interview-dialog.h — schedule an interview of an application, or reschedule one */
#pragma once

#include <adwaita.h>

#include "sl-application.h"
#include "sl-interview.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_INTERVIEW_DIALOG (sl_interview_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlInterviewDialog, sl_interview_dialog, SL, INTERVIEW_DIALOG, AdwWindow)

SlInterviewDialog *sl_interview_dialog_new (SlStore *store, SlApplication *application,
                                            SlInterview *interview, GtkWindow *parent);
void sl_interview_dialog_set_when (SlInterviewDialog *self, const char *date, const char *time);
void sl_interview_dialog_set_interviewer (SlInterviewDialog *self, gint64 member_id,
                                          gboolean chosen);
gint64 sl_interview_dialog_save (SlInterviewDialog *self);
char *sl_interview_dialog_dup_candidate_time (SlInterviewDialog *self);

G_END_DECLS
