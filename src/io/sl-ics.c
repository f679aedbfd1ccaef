/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-ics.c — an interview as an iCalendar (RFC 5545) invitation, as text or as a file
 *
 * The invitation is built in the formats module (sl-ics-calendar.c), with libical.
 */
#include "config.h"

#include <string.h>

#include "sl-export-file.h"
#include "sl-formats.h"
#include "sl-ics.h"

/* The invitation as text (CRLF lines, folded at 75 octets). @zone is the one its times are
 * written in, normally the local zone; @now is its DTSTAMP. @organizer may be NULL. NULL with
 * @error set when the formats module cannot be loaded. */
char *
sl_ics_interview_to_string (SlInterview *interview, SlMember *organizer, GTimeZone *zone,
                            gint64 now, GError **error)
{
  const SlFormats *formats = sl_formats_get (error);

  if (formats == NULL)
    return NULL;
  return formats->interview_calendar (interview, organizer, zone, now);
}

/* Writes the invitation to @path, in the local zone, as every export is written
 * (sl-export-file.c): whole or not at all, private, never over a database */
gboolean
sl_ics_write_interview (SlInterview *interview, SlMember *organizer, const char *path,
                        GError **error)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *text = sl_ics_interview_to_string (interview, organizer, zone,
                                                      g_get_real_time () / G_USEC_PER_SEC, error);
  SlExportFile file = { 0 };

  if (text == NULL || !sl_export_file_open (&file, path, error))
    return FALSE;
  if (!sl_export_file_write (&file, text, strlen (text), error))
    {
      sl_export_file_abort (&file);
      return FALSE;
    }
  return sl_export_file_commit (&file, NULL, error);
}
