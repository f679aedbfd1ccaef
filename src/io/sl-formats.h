/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-formats.h — the writers that need big libraries, loaded when first used
 *
 * XLSX reports (libxlsxwriter), PDF reports (cairo and Pango) and iCalendar invitations
 * (libical, which brings ICU) are a module of their own. Linked into the programs, these
 * libraries were loaded by every run: 20 of the 27 ms that `shortlist-cli candidates` took
 * before it read anything, and a part of the window's start-up. The module finds the rest of
 * Shortlist in the program that loads it, so programs using it export their symbols
 * (io_dep links them with --export-dynamic).
 */
#pragma once

#include <gio/gio.h>

#include "sl-interview.h"
#include "sl-member.h"
#include "sl-report-export-private.h"

G_BEGIN_DECLS

/* Raised when this changes, so a module of another build is refused */
#define SL_FORMATS_VERSION 1

typedef struct
{
  guint version;
  gboolean (*report_xlsx) (GPtrArray *reports, const SlExportInfo *info, SlExportFile *file,
                           SlExportTicker *ticker, GCancellable *cancellable, GError **error);
  gboolean (*report_pdf) (GPtrArray *reports, const SlExportInfo *info, SlExportFile *file,
                          SlExportTicker *ticker, GCancellable *cancellable, GError **error);
  char *(*interview_calendar) (SlInterview *interview, SlMember *organizer, GTimeZone *zone,
                               gint64 now);
} SlFormats;

/* The module's one entry point */
typedef const SlFormats *(*SlFormatsGetFunc) (void);
#define SL_FORMATS_ENTRY "sl_formats_module_get"

const SlFormats *sl_formats_get (GError **error);

/* Inside the module */
char *sl_ics_calendar_build (SlInterview *interview, SlMember *organizer, GTimeZone *zone,
                             gint64 now);

G_END_DECLS
