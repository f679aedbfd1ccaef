/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-formats-module.c — the entry point of the formats module (sl-formats.h) */
#include "config.h"

#include <gmodule.h>

#include "sl-formats.h"

static const SlFormats formats = {
  .version = SL_FORMATS_VERSION,
  .report_xlsx = sl_report_export_xlsx,
  .report_pdf = sl_report_export_pdf,
  .interview_calendar = sl_ics_calendar_build,
};

G_MODULE_EXPORT const SlFormats *sl_formats_module_get (void);

G_MODULE_EXPORT const SlFormats *
sl_formats_module_get (void)
{
  return &formats;
}
