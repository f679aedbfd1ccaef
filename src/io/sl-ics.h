/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-ics.h — an interview as an iCalendar (RFC 5545) invitation */
#pragma once

#include <gio/gio.h>

#include "sl-interview.h"
#include "sl-member.h"

G_BEGIN_DECLS

char *sl_ics_interview_to_string (SlInterview *interview, SlMember *organizer, GTimeZone *zone,
                                  gint64 now, GError **error);
gboolean sl_ics_write_interview (SlInterview *interview, SlMember *organizer, const char *path,
                                 GError **error);

G_END_DECLS
