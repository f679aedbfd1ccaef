/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-ics-calendar.c — an interview as an iCalendar (RFC 5545) invitation
 *
 * One VEVENT in a VCALENDAR with METHOD:REQUEST, which calendar programs offer to add. The
 * times are the local zone's wall clock with its TZID and a VTIMEZONE (so the event stays at
 * the same local time in a client that knows the zone differently), or UTC when the local zone
 * is UTC or has no IANA name. The wall clock comes from GLib, as everywhere in Shortlist; the
 * VTIMEZONE from libical, which reads the same tz database. The UID is the interview's, so a
 * newer invitation of the same interview replaces the older one.
 *
 * It is part of the formats module (sl-formats.h): libical is loaded only when an invitation
 * is written.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "sl-formats.h"
#include "sl-time.h"
#include "sl-vocab.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* Names of UTC itself, with or without "Etc/" */
static const char *const utc_names[] = {
  "UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "Universal", "Zulu", NULL,
};

/* The IANA name of @zone ("Europe/Warsaw") and libical's zone of that name, or NULL when the
 * zone is UTC or libical does not know it (TZ set to a POSIX rule such as "CET-1CEST") */
static char *
zone_tzid (GTimeZone *zone, icaltimezone **ical_zone)
{
  const char *name = g_time_zone_get_identifier (zone);
  const char *zoneinfo;

  *ical_zone = NULL;
  /* TZ=:Europe/Warsaw and TZ=/usr/share/zoneinfo/Europe/Warsaw name the same zone */
  if (name[0] == ':')
    name++;
  zoneinfo = strstr (name, "zoneinfo/");
  if (zoneinfo != NULL)
    name = zoneinfo + strlen ("zoneinfo/");
  if (g_strv_contains (utc_names, g_str_has_prefix (name, "Etc/") ? name + 4 : name))
    return NULL;
  if (*name == '\0' || name[0] == '/' || strstr (name, "..") != NULL)
    return NULL;
  *ical_zone = icaltimezone_get_builtin_timezone (name);
  if (*ical_zone == NULL || *ical_zone == icaltimezone_get_utc_timezone ())
    {
      *ical_zone = NULL;
      return NULL;
    }
  return g_strdup (name);
}

/* The wall clock of @zone at @utc, as a time without a zone: its TZID parameter names it */
static struct icaltimetype
wall_clock (gint64 utc, GTimeZone *zone)
{
  g_autoptr (GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (instant, zone);
  struct icaltimetype time = icaltime_null_time ();

  time.year = g_date_time_get_year (local);
  time.month = g_date_time_get_month (local);
  time.day = g_date_time_get_day_of_month (local);
  time.hour = g_date_time_get_hour (local);
  time.minute = g_date_time_get_minute (local);
  time.second = g_date_time_get_second (local);
  time.is_date = 0;
  return time;
}

static struct icaltimetype
utc_time (gint64 utc)
{
  return icaltime_from_timet_with_zone ((time_t) utc, 0, icaltimezone_get_utc_timezone ());
}

/* Whether the wall clock in @zone shows the time of @utc twice (the night the clocks go back) */
static gboolean
ambiguous (gint64 utc, GTimeZone *zone)
{
  static const gint64 shifts[] = { -3600, -1800, 1800, 3600 };
  g_autoptr (GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (instant, zone);

  for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
    {
      g_autoptr (GDateTime) other = g_date_time_new_from_unix_utc (utc + shifts[i]);
      g_autoptr (GDateTime) other_local = g_date_time_to_timezone (other, zone);

      if (g_date_time_get_hour (other_local) == g_date_time_get_hour (local) &&
          g_date_time_get_minute (other_local) == g_date_time_get_minute (local) &&
          g_date_time_get_day_of_month (other_local) == g_date_time_get_day_of_month (local))
        return TRUE;
    }
  return FALSE;
}

/* DTSTART at @utc: in @tzid's wall clock, or in UTC without one — and in UTC too when that
 * wall-clock time happens twice, which calendars would each read their own way */
static icalproperty *
time_property (icalproperty_kind kind, gint64 utc, GTimeZone *zone, const char *tzid)
{
  icalproperty *property;
  gboolean local = tzid != NULL && !ambiguous (utc, zone);
  struct icaltimetype time = local ? wall_clock (utc, zone) : utc_time (utc);

  property =
    kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart (time) : icalproperty_new_dtend (time);
  if (local)
    icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));
  return property;
}

/* A common name for a parameter: it may be quoted, but cannot hold a quote or a line break */
static icalparameter *
common_name (const char *name)
{
  g_autofree char *safe = g_strdup (name ? name : "");

  g_strdelimit (safe, "\"", '\'');
  g_strdelimit (safe, "\r\n", ' ');
  return icalparameter_new_cn (safe);
}

static void
add_attendee (icalcomponent *event, const char *name, const char *email, icalparameter_role role)
{
  g_autofree char *address = g_strconcat ("mailto:", email, NULL);
  icalproperty *attendee = icalproperty_new_attendee (address);

  icalproperty_add_parameter (attendee, common_name (name));
  icalproperty_add_parameter (attendee, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
  icalproperty_add_parameter (attendee, icalparameter_new_role (role));
  icalproperty_add_parameter (attendee, icalparameter_new_partstat (ICAL_PARTSTAT_NEEDSACTION));
  icalproperty_add_parameter (attendee, icalparameter_new_rsvp (ICAL_RSVP_TRUE));
  icalcomponent_add_property (event, attendee);
}

static char *
summary (SlInterview *interview)
{
  const char *kind = sl_interview_get_kind (interview);
  const char *name = sl_interview_get_candidate_name (interview);
  const char *position = sl_interview_get_position_title (interview);

  /* TRANSLATORS: a calendar event's title; the first %s is the candidate's name, the second
   * the position's title (the same for the titles below) */
  if (g_str_equal (kind, "pre-sell"))
    return g_strdup_printf (_ ("Pre-sell interview: %s — %s"), name, position);
  if (g_str_equal (kind, "technical"))
    /* TRANSLATORS: see "Pre-sell interview: %s — %s" */
    return g_strdup_printf (_ ("Technical interview: %s — %s"), name, position);
  if (g_str_equal (kind, "culture"))
    /* TRANSLATORS: see "Pre-sell interview: %s — %s" */
    return g_strdup_printf (_ ("Culture interview: %s — %s"), name, position);
  /* TRANSLATORS: see "Pre-sell interview: %s — %s" */
  return g_strdup_printf (_ ("Interview: %s — %s"), name, position);
}

static char *
description (SlInterview *interview)
{
  GString *text = g_string_new (NULL);
  g_autofree char *interviewers = sl_interview_dup_interviewer_names (interview);
  const char *timezone = sl_interview_get_candidate_timezone (interview);
  const char *place = sl_interview_get_place (interview);

  g_string_append_printf (text, _ ("Position: %s"), sl_interview_get_position_title (interview));
  g_string_append_c (text, '\n');
  g_string_append_printf (
    text, _ ("Kind of interview: %s"),
    sl_vocab_label (SL_VOCAB_INTERVIEW_KIND, sl_interview_get_kind (interview)));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _ ("Interviewers: %s"), interviewers);
  if (sl_time_zone_is_known (timezone))
    {
      g_autoptr (GTimeZone) zone = sl_time_zone_new (timezone);
      gint64 starts_at = sl_interview_get_starts_at (interview);
      g_autofree char *at = sl_time_format (starts_at, zone);
      g_autofree char *offset = sl_time_format_offset (starts_at, zone);

      g_string_append_c (text, '\n');
      /* TRANSLATORS: the first %s is a date and time, the second a UTC offset ("UTC−3") */
      g_string_append_printf (text, _ ("The candidate’s local time: %s (%s)"), at, offset);
    }
  if (place != NULL && *place != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _ ("Where: %s"), place);
    }
  return g_string_free (text, FALSE);
}

static gboolean
looks_like_url (const char *place)
{
  return (g_str_has_prefix (place, "https://") || g_str_has_prefix (place, "http://")) &&
         strpbrk (place, " \t\r\n") == NULL && g_uri_is_valid (place, G_URI_FLAGS_NONE, NULL);
}

static icalcomponent *
build_event (SlInterview *interview, SlMember *organizer, GTimeZone *zone, const char *tzid,
             gint64 now)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  gint64 starts_at = sl_interview_get_starts_at (interview);
  struct icaldurationtype length =
    icaldurationtype_from_int (sl_interview_get_duration (interview) * 60);
  /* With its creation time, two databases' interview 1 are not taken for the same event */
  g_autofree char *uid =
    g_strdup_printf ("interview-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@shortlist",
                     sl_interview_get_id (interview), sl_interview_get_created_at (interview));
  g_autofree char *title = summary (interview);
  g_autofree char *text = description (interview);
  const char *place = sl_interview_get_place (interview);
  const char *candidate_email = sl_interview_get_candidate_email (interview);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (utc_time (now)));
  icalcomponent_add_property (event,
                              icalproperty_new_sequence (sl_interview_get_sequence (interview)));
  icalcomponent_add_property (event, time_property (ICAL_DTSTART_PROPERTY, starts_at, zone, tzid));
  /* A length, not an end: an interview across the night the clocks go back would end at the
   * same wall-clock time it starts */
  icalcomponent_add_property (event, icalproperty_new_duration (length));
  icalcomponent_add_property (event, icalproperty_new_summary (title));
  icalcomponent_add_property (event, icalproperty_new_description (text));
  icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  if (place != NULL && *place != '\0')
    {
      icalcomponent_add_property (event, icalproperty_new_location (place));
      if (looks_like_url (place))
        icalcomponent_add_property (event, icalproperty_new_url (place));
    }
  if (organizer != NULL)
    {
      g_autofree char *address = g_strconcat ("mailto:", sl_member_get_email (organizer), NULL);
      icalproperty *property = icalproperty_new_organizer (address);

      icalproperty_add_parameter (property, common_name (sl_member_get_name (organizer)));
      icalcomponent_add_property (event, property);
    }
  for (guint i = 0; i < sl_interview_get_n_interviewers (interview); i++)
    {
      const SlInterviewer *interviewer = sl_interview_get_interviewer (interview, i);

      if (interviewer->email != NULL && *interviewer->email != '\0')
        add_attendee (event, interviewer->name, interviewer->email, ICAL_ROLE_REQPARTICIPANT);
    }
  if (candidate_email != NULL && *candidate_email != '\0')
    add_attendee (event, sl_interview_get_candidate_name (interview), candidate_email,
                  ICAL_ROLE_REQPARTICIPANT);
  return event;
}

/* The invitation as text (CRLF lines, folded at 75 octets). @zone is the one its times are
 * written in, normally the local zone; @now is its DTSTAMP. @organizer may be NULL. */
char *
sl_ics_calendar_build (SlInterview *interview, SlMember *organizer, GTimeZone *zone, gint64 now)
{
  g_autoptr (icalcomponent) calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icaltimezone *ical_zone = NULL;
  g_autofree char *tzid = zone_tzid (zone, &ical_zone);
  char *ical;
  char *text;

  g_return_val_if_fail (SL_IS_INTERVIEW (interview), NULL);

  icalcomponent_add_property (
    calendar, icalproperty_new_prodid ("-//Shortlist//Shortlist " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  /* A request needs its organizer (RFC 5546); without one it is published for the calendar */
  icalcomponent_add_property (
    calendar,
    icalproperty_new_method (organizer != NULL ? ICAL_METHOD_REQUEST : ICAL_METHOD_PUBLISH));
  if (tzid != NULL)
    {
      /* libical names its zones "/freeassociation.sourceforge.net/Europe/Warsaw"; the
       * invitation uses the IANA name, which clients recognize */
      icalcomponent *vtimezone = icalcomponent_new_clone (icaltimezone_get_component (ical_zone));
      icalproperty *property = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

      if (property != NULL)
        icalproperty_set_tzid (property, tzid);
      else
        icalcomponent_add_property (vtimezone, icalproperty_new_tzid (tzid));
      icalcomponent_add_component (calendar, vtimezone);
    }
  icalcomponent_add_component (calendar, build_event (interview, organizer, zone, tzid, now));

  ical = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);
  return text;
}
