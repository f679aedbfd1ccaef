/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-time.c — instants stored in UTC, shown and entered in a time zone
 *
 * Interviews are stored as UTC seconds. The team sees them in the viewer's zone with the
 * candidate's beside it; the offshore teams span UTC-6 to UTC+8, and several of their zones
 * change for daylight saving time while others do not, so every conversion goes through the
 * zone's rules for that very instant (GTimeZone reads the system's tz database).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sl-database.h"
#include "sl-time.h"

/* The zone named by an IANA identifier (“Europe/Kyiv”), the local zone for NULL or "", or
 * NULL for an identifier the tz database does not know */
GTimeZone *
sl_time_zone_new (const char *identifier)
{
  if (identifier == NULL || *identifier == '\0')
    return g_time_zone_new_local ();
  return g_time_zone_new_identifier (identifier);
}

gboolean
sl_time_zone_is_known (const char *identifier)
{
  g_autoptr (GTimeZone) zone = NULL;

  if (identifier == NULL || *identifier == '\0')
    return FALSE;
  zone = g_time_zone_new_identifier (identifier);
  return zone != NULL;
}

/* What is wrong with $TZ, in words, or NULL when it names a zone (or is unset): GLib reads an
 * unknown TZ as UTC without a word, and every time shown or entered would be hours off */
char *
sl_time_check_local_zone (void)
{
  const char *tz = g_getenv ("TZ");
  const char *name = tz != NULL && tz[0] == ':' ? tz + 1 : tz;

  if (name == NULL || *name == '\0' || sl_time_zone_is_known (name))
    return NULL;
  /* TRANSLATORS: %s is the value of the TZ environment variable */
  return g_strdup_printf (_ ("TZ=“%s” is not a time zone this computer knows: times are read "
                             "and shown in UTC"),
                          tz);
}

/* The instant a wall clock in @zone shows as the given time. A time the clocks skip when they
 * go forward does not exist and is refused; a time they show twice when they go back is taken
 * as the first of the two (GLib picks standard time; the earlier is what people mean). */
gint64
sl_time_from_local (GTimeZone *zone, int year, int month, int day, int hour, int minute,
                    GError **error)
{
  g_autoptr (GDateTime) at = NULL;

  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year) || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59)
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
                           _ ("That date or time does not exist"));
      return 0;
    }
  at = g_date_time_new (zone, year, month, day, hour, minute, 0);
  if (at == NULL || g_date_time_get_hour (at) != hour || g_date_time_get_minute (at) != minute ||
      g_date_time_get_day_of_month (at) != day)
    {
      g_set_error_literal (
        error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
        _ ("That time does not exist in the time zone: the clocks go forward then"));
      return 0;
    }
  /* Ambiguous: prefer the earlier instant (daylight time, before the clocks go back). Most
   * zones go back an hour; Lord Howe Island goes back half an hour. */
  {
    static const gint64 shifts[] = { 3600, 1800 };
    gint64 utc = g_date_time_to_unix (at);

    for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
      {
        g_autoptr (GDateTime) before = g_date_time_new_from_unix_utc (utc - shifts[i]);
        g_autoptr (GDateTime) local_before = g_date_time_to_timezone (before, zone);

        if (g_date_time_get_hour (local_before) == hour &&
            g_date_time_get_minute (local_before) == minute &&
            g_date_time_get_day_of_month (local_before) == day)
          return utc - shifts[i];
      }
    return utc;
  }
}

/* “2026-11-30T14:00”, “2026-11-30T14:00:00Z”, “2026-11-30T16:00+02:00” or a date and time
 * separated by a space. Without an offset the time is read in @default_zone. */
gint64
sl_time_parse_iso8601 (const char *text, GTimeZone *default_zone, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr (GDateTime) at = NULL;
  int year, month, day, hour, minute, consumed = 0;

  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';
  at = g_date_time_new_from_iso8601 (copy, NULL);
  if (at != NULL)
    return g_date_time_to_unix (at);
  if (sscanf (copy, "%4d-%2d-%2dT%2d:%2d%n", &year, &month, &day, &hour, &minute, &consumed) == 5)
    {
      /* No offset: a wall-clock time in the default zone, checked for daylight-saving gaps */
      if (copy[consumed] == '\0' || g_str_equal (copy + consumed, ":00"))
        return sl_time_from_local (default_zone, year, month, day, hour, minute, error);
      /* An offset after hours and minutes: GLib wants the seconds too */
      if (copy[consumed] != ':')
        {
          g_autofree char *with_seconds =
            g_strdup_printf ("%.*s:00%s", consumed, copy, copy + consumed);
          g_autoptr (GDateTime) parsed = g_date_time_new_from_iso8601 (with_seconds, NULL);

          if (parsed != NULL)
            return g_date_time_to_unix (parsed);
        }
    }
  g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_INVALID,
               _ ("“%s” is not a date and time like 2026-11-30T14:00 or 2026-11-30T14:00+02:00"),
               text ? text : "");
  return 0;
}

/* The date and time in @zone, in the user's language */
char *
sl_time_format (gint64 utc, GTimeZone *zone)
{
  g_autoptr (GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (instant, zone);

  /* TRANSLATORS: an interview's date and time, as a strftime() format: see
   * https://docs.gtk.org/glib/method.DateTime.format.html — use a 12-hour clock (%-l:%M %p)
   * where that is what people read */
  return g_date_time_format (local, _ ("%a %-d %b %Y, %H:%M"));
}

/* Only the time of day in @zone, for the candidate's local time beside the viewer's */
char *
sl_time_format_time (gint64 utc, GTimeZone *zone)
{
  g_autoptr (GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (instant, zone);

  /* TRANSLATORS: a time of day with the weekday, as a strftime() format (see above) */
  return g_date_time_format (local, _ ("%a %H:%M"));
}

/* “UTC+3”, “UTC−6”, “UTC+5:30”: the zone's offset at that instant */
char *
sl_time_format_offset (gint64 utc, GTimeZone *zone)
{
  g_autoptr (GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (instant, zone);
  gint64 offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE;
  gint64 minutes = ABS (offset);

  if (offset == 0)
    return g_strdup ("UTC");
  if (minutes % 60 == 0)
    return g_strdup_printf ("UTC%s%d", offset < 0 ? "−" : "+", (int) (minutes / 60));
  return g_strdup_printf ("UTC%s%d:%02d", offset < 0 ? "−" : "+", (int) (minutes / 60),
                          (int) (minutes % 60));
}

/* “2026-11-30T14:00:00Z”: for files and the command line */
char *
sl_time_format_iso8601 (gint64 utc)
{
  g_autoptr (GDateTime) instant = g_date_time_new_from_unix_utc (utc);

  return g_date_time_format (instant, "%Y-%m-%dT%H:%M:%SZ");
}
