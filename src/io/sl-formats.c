/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-formats.c — loads the formats module (sl-formats.h) once, on the first export that needs it */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "sl-formats.h"

static const SlFormats *formats;
static char *failure;

static void
load (void)
{
  const char *dir = g_getenv ("SHORTLIST_MODULEDIR");
  g_autofree char *path = g_module_build_path (dir != NULL ? dir : MODULEDIR, "shortlist-formats");
  g_autofree char *display = g_filename_display_name (path);
  SlFormatsGetFunc get = NULL;
  GModule *module;

  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, SL_FORMATS_ENTRY, (gpointer *) &get) ||
      get () == NULL || get ()->version != SL_FORMATS_VERSION)
    {
      g_autofree char *reason = g_strdup (module != NULL ? display : g_module_error ());

      if (module != NULL)
        g_module_close (module);
      /* TRANSLATORS: %s is a file name or why it could not be loaded */
      failure = g_strdup_printf (_ ("Shortlist cannot write XLSX, PDF or calendar files: a part "
                                    "of it is missing or from another version (%s). Reinstall "
                                    "Shortlist."),
                                 reason);
      return;
    }
  g_module_make_resident (module);
  formats = get ();
}

const SlFormats *
sl_formats_get (GError **error)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      load ();
      g_once_init_leave (&loaded, 1);
    }
  if (formats == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, failure);
  return formats;
}
