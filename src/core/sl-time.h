/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-time.h — instants stored in UTC, shown and entered in a time zone */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SL_CLOCK_LOCALE,
  SL_CLOCK_12H,
  SL_CLOCK_24H,
} SlClock;

GTimeZone *sl_time_zone_new (const char *identifier);
gboolean sl_time_zone_is_known (const char *identifier);
char *sl_time_check_local_zone (void);
gint64 sl_time_from_local (GTimeZone *zone, int year, int month, int day, int hour, int minute,
                           GError **error);
gboolean sl_time_parse_clock (const char *text, int *hour, int *minute);
char *sl_time_date_example (void);
char *sl_time_format_numeric_date (const char *iso_date);
gboolean sl_time_parse_date (const char *text, int *year, int *month, int *day);
gint64 sl_time_parse_iso8601 (const char *text, GTimeZone *default_zone, GError **error);
char *sl_time_format (gint64 utc, GTimeZone *zone);
char *sl_time_format_time (gint64 utc, GTimeZone *zone);
char *sl_time_format_clock (gint64 utc, GTimeZone *zone);
char *sl_time_format_moment (gint64 utc);
char *sl_time_format_moment_at (gint64 utc, gint64 now_utc);
char *sl_time_format_day (gint64 utc);
char *sl_time_format_date (const char *iso_date);
void sl_time_set_clock (SlClock clock);
gboolean sl_time_uses_12_hours (void);
char *sl_time_zone_place (const char *identifier);
char *sl_time_zone_place_english (const char *identifier);
char *sl_time_zone_label (const char *identifier, gint64 utc);
char *sl_time_format_offset (gint64 utc, GTimeZone *zone);
char *sl_time_format_iso8601 (gint64 utc);

G_END_DECLS
