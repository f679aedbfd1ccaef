/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* main.c — the Shortlist desktop application */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sl-app.h"
#include "sl-report-export.h"

int
main (int argc, char *argv[])
{
  g_autoptr (SlApp) app = NULL;

  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/run.sh, the tests) points this at its own catalogs */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("SHORTLIST_LOCALEDIR") ? g_getenv ("SHORTLIST_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Ended by a signal, the app leaves no half-written export behind */
  sl_export_remove_on_signals ();
  app = sl_app_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
