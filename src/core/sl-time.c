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
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

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

/* @text lowered, without dots and spaces: “p.m.” and “PM” read the same */
static char *
squeeze (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *c = lower; *c != '\0'; c++)
    if (*c != '.' && !g_ascii_isspace (*c))
      g_string_append_c (out, *c);
  return g_string_free (out, FALSE);
}

/* What our own 12-hour format puts after the minutes (“PM”, or a translation's own word) */
static char *
clock_suffix (gboolean afternoon)
{
  const char *format =
    afternoon ? C_ ("12-hour clock", "%d:%02d PM") : C_ ("12-hour clock", "%d:%02d AM");
  const char *after = strstr (format, "%02d");

  return squeeze (after != NULL ? after + strlen ("%02d") : "");
}

/* Is @suffix (squeezed) the morning's (0) or the afternoon's (1) mark, in English, in the
 * locale or in the app's translation; -1 if neither */
static int
day_half (const char *suffix)
{
  for (int afternoon = 0; afternoon <= 1; afternoon++)
    {
      g_autofree char *ours = clock_suffix (afternoon);
      g_autofree char *locale = squeeze (nl_langinfo (afternoon ? PM_STR : AM_STR));

      if (g_str_equal (suffix, afternoon ? "pm" : "am") ||
          g_str_equal (suffix, afternoon ? "p" : "a") ||
          (*ours != '\0' && g_str_equal (suffix, ours)) ||
          (*locale != '\0' && g_str_equal (suffix, locale)))
        return afternoon;
    }
  return -1;
}

/* A time of day as people type it: “14:30”, “14.30”, “9:05”, “2:30 PM”, “2 pm”, “2:30 p.m.”,
 * or with the locale's own marks; FALSE if @text is none */
gboolean
sl_time_parse_clock (const char *text, int *hour, int *minute)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *suffix = NULL;
  const char *c = copy;
  int h = 0, m = 0, digits = 0, half;

  for (; g_ascii_isdigit (*c) && digits < 2; c++, digits++)
    h = h * 10 + (*c - '0');
  if (digits == 0)
    return FALSE;
  if (*c == ':' || *c == '.' || *c == 'h')
    {
      c++;
      if (!g_ascii_isdigit (c[0]) || !g_ascii_isdigit (c[1]))
        return FALSE;
      m = (c[0] - '0') * 10 + (c[1] - '0');
      c += 2;
    }
  suffix = squeeze (c);
  if (*suffix == '\0')
    half = -1;
  else if ((half = day_half (suffix)) < 0)
    return FALSE;
  if (m > 59 || (half < 0 && h > 23) || (half >= 0 && (h < 1 || h > 12)))
    return FALSE;
  if (half >= 0)
    h = h % 12 + (half ? 12 : 0);
  *hour = h;
  *minute = m;
  return TRUE;
}

/* A date as people type it: ISO 8601 (“2026-12-31”) or the locale's numeric order
 * (“31.12.2026”, “31/12/2026”, “12/31/2026”), with a four-digit year; FALSE if @text is none */
gboolean
sl_time_parse_date (const char *text, int *year, int *month, int *day)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *order = nl_langinfo (D_FMT);
  int parts[3], end = 0;
  char sep1, sep2;

  if (sscanf (copy, "%4d-%2d-%2d%n", year, month, day, &end) == 3 && copy[end] == '\0' && end == 10)
    ;
  else if (sscanf (copy, "%2d%c%2d%c%4d%n", &parts[0], &sep1, &parts[1], &sep2, &parts[2], &end) ==
             5 &&
           copy[end] == '\0' && sep1 == sep2 && strchr ("./-", sep1) != NULL && parts[2] >= 1000)
    {
      const char *d = strstr (order, "%d"), *m = strstr (order, "%m");

      /* Month first where the locale writes it first (en_US, fil_PH), else day first */
      gboolean month_first = d != NULL && m != NULL && m < d;

      *day = month_first ? parts[1] : parts[0];
      *month = month_first ? parts[0] : parts[1];
      *year = parts[2];
    }
  else
    return FALSE;
  return g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year);
}

/* The ISO date @iso_date (“2026-12-31”) as the locale writes dates in numbers, with the whole
 * year (“31.12.2026”, “12/31/2026”): how a date field shows a date, in the form
 * sl_time_parse_date() reads back. Anything that is no ISO date is returned as it is. */
char *
sl_time_format_numeric_date (const char *iso_date)
{
  g_autoptr (GString) format = NULL;
  g_autoptr (GDateTime) date = NULL;
  int year, month, day;
  char end;

  if (iso_date == NULL)
    return g_strdup ("");
  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (iso_date);
  format = g_string_new (nl_langinfo (D_FMT));
  g_string_replace (format, "%y", "%Y", 0);
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  return g_date_time_format (date, format->str);
}

/* 31 December 2026 as sl_time_format_numeric_date() shows it: what to show as an example of
 * the form sl_time_parse_date() reads */
char *
sl_time_date_example (void)
{
  return sl_time_format_numeric_date ("2026-12-31");
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

/* How times of day read: as the desktop says (GNOME's clock-format, which the app passes on),
 * else as the locale's own time format does */
static SlClock clock_format = SL_CLOCK_LOCALE;

void
sl_time_set_clock (SlClock clock)
{
  clock_format = clock;
}

gboolean
sl_time_uses_12_hours (void)
{
  const char *format;

  if (clock_format != SL_CLOCK_LOCALE)
    return clock_format == SL_CLOCK_12H;
  format = nl_langinfo (T_FMT);
  return strstr (format, "%r") != NULL || strstr (format, "%I") != NULL ||
         strstr (format, "%l") != NULL;
}

/* “16:54” or “4:54 PM”, never with seconds */
static char *
format_clock (GDateTime *local)
{
  int hour = g_date_time_get_hour (local);
  int minute = g_date_time_get_minute (local);

  if (!sl_time_uses_12_hours ())
    return g_strdup_printf ("%02d:%02d", hour, minute);
  return g_strdup_printf (hour < 12
                            /* Translators: a time of day before noon on a 12-hour clock,
                             * hours then minutes: “9:05 AM” */
                            ? C_ ("12-hour clock", "%d:%02d AM")
                            /* Translators: a time of day from noon on: “4:54 PM” */
                            : C_ ("12-hour clock", "%d:%02d PM"),
                          hour % 12 == 0 ? 12 : hour % 12, minute);
}

static char *
format_day (GDateTime *local, gboolean weekday)
{
  return g_date_time_format (local, weekday
                                      /* Translators: a date with its weekday, as a
                                       * g_date_time_format () format (see
                                       * https://docs.gtk.org/glib/method.DateTime.format.html);
                                       * %B is the month's name in the form used with a day
                                       * (“25 maja”), %b its abbreviation */
                                      ? C_ ("date", "%a %-d %b %Y")
                                      /* Translators: a date, as above, without the weekday */
                                      : C_ ("date", "%-d %b %Y"));
}

static char *
join_day_and_clock (const char *day, const char *clock)
{
  /* Translators: a date, then a time of day: “Mon 25 May 2026, 16:54” */
  return g_strdup_printf (C_ ("date and time", "%s, %s"), day, clock);
}

static GDateTime *
in_zone (gint64 utc, GTimeZone *zone)
{
  g_autoptr (GDateTime) instant = g_date_time_new_from_unix_utc (utc);

  return zone != NULL ? g_date_time_to_timezone (instant, zone) : g_date_time_to_local (instant);
}

/* The date (with its weekday) and time in @zone, in the user's language: for what is planned */
char *
sl_time_format (gint64 utc, GTimeZone *zone)
{
  g_autoptr (GDateTime) local = in_zone (utc, zone);
  g_autofree char *day = format_day (local, TRUE);
  g_autofree char *clock = format_clock (local);

  return join_day_and_clock (day, clock);
}

/* Only the time of day in @zone, with the weekday: the candidate's time beside the viewer's */
char *
sl_time_format_time (gint64 utc, GTimeZone *zone)
{
  g_autoptr (GDateTime) local = in_zone (utc, zone);
  g_autofree char *weekday = g_date_time_format (local, "%a");
  g_autofree char *clock = format_clock (local);

  /* Translators: a weekday, then a time of day: “Mon 16:54” */
  return g_strdup_printf (C_ ("weekday and time", "%s %s"), weekday, clock);
}

/* The time of day alone in @zone: “16:54” or “4:54 PM” */
char *
sl_time_format_clock (gint64 utc, GTimeZone *zone)
{
  g_autoptr (GDateTime) local = in_zone (utc, zone);

  return format_clock (local);
}

/* When something happened, in the local zone: “Today, 16:54”, “Yesterday, 16:54”, else the
 * date and time */
char *
sl_time_format_moment (gint64 utc)
{
  return sl_time_format_moment_at (utc, g_get_real_time () / G_USEC_PER_SEC);
}

/* The same, seen at the instant @now_utc */
char *
sl_time_format_moment_at (gint64 utc, gint64 now_utc)
{
  g_autoptr (GDateTime) local = in_zone (utc, NULL);
  g_autoptr (GDateTime) now = in_zone (now_utc, NULL);
  g_autoptr (GDateTime) today =
    g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (today, -1);
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (today, 1);
  g_autofree char *clock = format_clock (local);
  g_autofree char *day = NULL;

  if (g_date_time_compare (local, today) >= 0 && g_date_time_compare (local, tomorrow) < 0)
    /* Translators: %s is a time of day */
    return g_strdup_printf (_ ("Today, %s"), clock);
  if (g_date_time_compare (local, yesterday) >= 0 && g_date_time_compare (local, today) < 0)
    /* Translators: %s is a time of day */
    return g_strdup_printf (_ ("Yesterday, %s"), clock);
  day = format_day (local, FALSE);
  return join_day_and_clock (day, clock);
}

/* The day of @utc in the local zone, without a time: for what has a date only */
char *
sl_time_format_day (gint64 utc)
{
  g_autoptr (GDateTime) local = in_zone (utc, NULL);

  return format_day (local, FALSE);
}

/* A date-only value (“2026-05-25”) as the user reads dates; the text itself if it is none */
char *
sl_time_format_date (const char *iso_date)
{
  int year, month, day;
  char end;
  g_autoptr (GDateTime) date = NULL;

  if (iso_date == NULL)
    return g_strdup ("");
  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (iso_date);
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  return format_day (date, FALSE);
}

/* The places of zones people name in their own language: the offshore countries' zones and
 * the cities clients often sit in. Others read as the place in their id. */
static const struct
{
  const char *zone;
  const char *place;
} places[] = {
  { "Europe/Kyiv", NC_ ("city", "Kyiv") },
  { "Europe/Kiev", NC_ ("city", "Kyiv") },
  { "Europe/Simferopol", NC_ ("city", "Simferopol") },
  { "Europe/Warsaw", NC_ ("city", "Warsaw") },
  { "Europe/Bucharest", NC_ ("city", "Bucharest") },
  { "America/Noronha", NC_ ("city", "Fernando de Noronha") },
  { "America/Belem", NC_ ("city", "Belém") },
  { "America/Fortaleza", NC_ ("city", "Fortaleza") },
  { "America/Recife", NC_ ("city", "Recife") },
  { "America/Araguaina", NC_ ("city", "Araguaína") },
  { "America/Maceio", NC_ ("city", "Maceió") },
  { "America/Bahia", NC_ ("city", "Bahia") },
  { "America/Sao_Paulo", NC_ ("city", "São Paulo") },
  { "America/Campo_Grande", NC_ ("city", "Campo Grande") },
  { "America/Cuiaba", NC_ ("city", "Cuiabá") },
  { "America/Santarem", NC_ ("city", "Santarém") },
  { "America/Porto_Velho", NC_ ("city", "Porto Velho") },
  { "America/Boa_Vista", NC_ ("city", "Boa Vista") },
  { "America/Manaus", NC_ ("city", "Manaus") },
  { "America/Eirunepe", NC_ ("city", "Eirunepé") },
  { "America/Rio_Branco", NC_ ("city", "Rio Branco") },
  { "America/Mexico_City", NC_ ("city", "Mexico City") },
  { "America/Cancun", NC_ ("city", "Cancún") },
  { "America/Merida", NC_ ("city", "Mérida") },
  { "America/Monterrey", NC_ ("city", "Monterrey") },
  { "America/Matamoros", NC_ ("city", "Matamoros") },
  { "America/Chihuahua", NC_ ("city", "Chihuahua") },
  { "America/Ciudad_Juarez", NC_ ("city", "Ciudad Juárez") },
  { "America/Ojinaga", NC_ ("city", "Ojinaga") },
  { "America/Mazatlan", NC_ ("city", "Mazatlán") },
  { "America/Bahia_Banderas", NC_ ("city", "Bahía de Banderas") },
  { "America/Hermosillo", NC_ ("city", "Hermosillo") },
  { "America/Tijuana", NC_ ("city", "Tijuana") },
  { "Asia/Manila", NC_ ("city", "Manila") },
  { "Europe/London", NC_ ("city", "London") },
  { "Europe/Dublin", NC_ ("city", "Dublin") },
  { "Europe/Lisbon", NC_ ("city", "Lisbon") },
  { "Europe/Madrid", NC_ ("city", "Madrid") },
  { "Europe/Paris", NC_ ("city", "Paris") },
  { "Europe/Amsterdam", NC_ ("city", "Amsterdam") },
  { "Europe/Berlin", NC_ ("city", "Berlin") },
  { "Europe/Zurich", NC_ ("city", "Zurich") },
  { "Europe/Rome", NC_ ("city", "Rome") },
  { "Europe/Vienna", NC_ ("city", "Vienna") },
  { "Europe/Prague", NC_ ("city", "Prague") },
  { "Europe/Istanbul", NC_ ("city", "Istanbul") },
  { "Europe/Moscow", NC_ ("city", "Moscow") },
  { "America/New_York", NC_ ("city", "New York") },
  { "America/Chicago", NC_ ("city", "Chicago") },
  { "America/Denver", NC_ ("city", "Denver") },
  { "America/Los_Angeles", NC_ ("city", "Los Angeles") },
  { "America/Toronto", NC_ ("city", "Toronto") },
  { "America/Bogota", NC_ ("city", "Bogotá") },
  { "America/Lima", NC_ ("city", "Lima") },
  { "America/Santiago", NC_ ("city", "Santiago") },
  { "America/Argentina/Buenos_Aires", NC_ ("city", "Buenos Aires") },
  { "Asia/Dubai", NC_ ("city", "Dubai") },
  { "Asia/Kolkata", NC_ ("city", "Kolkata") },
  { "Asia/Singapore", NC_ ("city", "Singapore") },
  { "Asia/Shanghai", NC_ ("city", "Shanghai") },
  { "Asia/Tokyo", NC_ ("city", "Tokyo") },
  { "Australia/Sydney", NC_ ("city", "Sydney") },
};

static const char *
place_msgid (const char *identifier)
{
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_str_equal (identifier, places[i].zone))
      return places[i].place;
  return NULL;
}

static char *
place_in (const char *identifier, gboolean english)
{
  const char *msgid, *slash;

  if (identifier == NULL || *identifier == '\0')
    return g_strdup ("");
  msgid = place_msgid (identifier);
  if (msgid != NULL)
    return g_strdup (english ? msgid : g_dpgettext2 (GETTEXT_PACKAGE, "city", msgid));
  if (g_str_equal (identifier, "UTC") || g_str_equal (identifier, "Etc/UTC"))
    return g_strdup ("UTC");
  slash = strrchr (identifier, '/');
  return g_strdelimit (g_strdup (slash ? slash + 1 : identifier), "_", ' ');
}

/* A zone as people name it: its place in their language where Shortlist knows it (“Київ”), else
 * the place in the zone's id (“Buenos Aires”); “UTC” for UTC */
char *
sl_time_zone_place (const char *identifier)
{
  return place_in (identifier, FALSE);
}

/* The same place in English (“Kyiv”, “São Paulo”, “Buenos Aires”): what search also matches */
char *
sl_time_zone_place_english (const char *identifier)
{
  return place_in (identifier, TRUE);
}

/* “Київ (UTC+2)”: the place and its offset at @utc; an identifier the tz database does not know
 * reads as it was typed, so an old value is seen and not lost */
char *
sl_time_zone_label (const char *identifier, gint64 utc)
{
  g_autoptr (GTimeZone) zone = NULL;
  g_autofree char *place = NULL;
  g_autofree char *offset = NULL;

  if (identifier == NULL || *identifier == '\0')
    return g_strdup ("");
  if (!sl_time_zone_is_known (identifier))
    return g_strdup (identifier);
  zone = sl_time_zone_new (identifier);
  place = sl_time_zone_place (identifier);
  offset = sl_time_format_offset (utc, zone);
  /* “UTC”, not “UTC (UTC)” */
  if (g_str_equal (place, offset))
    return g_steal_pointer (&place);
  return g_strdup_printf ("%s (%s)", place, offset);
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
