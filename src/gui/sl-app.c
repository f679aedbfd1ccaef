/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-app.c — the application: command line, databases, windows, app-wide actions
 *
 * One process per user session (GApplication's uniqueness over D-Bus): a second `shortlist`
 * hands its command line to the first, which presents the window already open on that
 * database, or opens a window on another database beside it. Each window has its own store;
 * two windows never open the same file, so one process never writes a database through two
 * connections. A file that cannot be opened (not a Shortlist database, from a newer version,
 * unreadable) gets one window that says why and touches nothing.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-a11y.h"
#include "sl-app.h"
#include "sl-server.h"
#include "sl-backup-actions.h"
#include "sl-connect-dialog.h"
#include "sl-keyring.h"
#include "sl-first-run.h"
#include "sl-preferences-window.h"
#include "sl-resume-cache.h"
#include "sl-time.h"
#include "sl-widgets.h"
#include "sl-window.h"

struct _SlApp
{
  AdwApplication parent_instance;

  gboolean zone_checked;
  GSettings *interface;  /* the desktop's clock format, where GNOME's settings are installed */
  GHashTable *upgrading; /* path of a database being upgraded → the window saying so */
};

G_DEFINE_FINAL_TYPE (SlApp, sl_app, ADW_TYPE_APPLICATION)

static void
sl_app_finalize (GObject *object)
{
  g_clear_object (&SL_APP (object)->interface);
  g_clear_pointer (&SL_APP (object)->upgrading, g_hash_table_unref);
  G_OBJECT_CLASS (sl_app_parent_class)->finalize (object);
}

static int
handle_local_options (GApplication *app, GVariantDict *options)
{
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("shortlist %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      if (*path == '\0')
        {
          g_printerr ("shortlist: %s\n", _ ("--database needs a file name"));
          return 2;
        }
      /* An address PostgreSQL's is not (a typo in its scheme) is not taken for a file's */
      if (strstr (path, "://") != NULL && !sl_server_is_uri (path))
        {
          g_printerr ("shortlist: ");
          g_printerr (_ ("“%s” is not a PostgreSQL address (postgresql://LOGIN@HOST/DATABASE): "
                         "%s"),
                      path, _ ("it does not start with postgresql://"));
          g_printerr ("\n");
          return 2;
        }
      /* The first instance may run in another folder: it gets the whole path (a team
       * database's address is one already) */
      if (!sl_server_is_uri (path))
        {
          g_autofree char *absolute = g_canonicalize_filename (path, NULL);
          g_variant_dict_insert (options, "database", "^ay", absolute);
        }
    }
  return -1;
}

static GtkWindow *
error_window (SlApp *self, const char *message, gboolean team)
{
  AdwApplicationWindow *window =
    ADW_APPLICATION_WINDOW (adw_application_window_new (GTK_APPLICATION (self)));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *quit = gtk_button_new_with_mnemonic (_ ("_Quit"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _ ("Cannot Open the Database"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), message);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_widget_set_halign (quit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (quit, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (quit), "app.quit");
  if (team)
    {
      /* A team database that cannot be reached: try again, or work on the local one */
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *connect = gtk_button_new_with_mnemonic (_ ("_Connect…"));
      GtkWidget *local = gtk_button_new_with_mnemonic (_ ("Open _Local Database"));

      gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (connect, "pill");
      gtk_widget_add_css_class (connect, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (connect), "app.connect-team");
      gtk_widget_add_css_class (local, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (local), "app.open-local");
      gtk_box_append (GTK_BOX (buttons), connect);
      gtk_box_append (GTK_BOX (buttons), local);
      gtk_box_append (GTK_BOX (buttons), quit);
      adw_status_page_set_child (ADW_STATUS_PAGE (status), buttons);
    }
  else
    adw_status_page_set_child (ADW_STATUS_PAGE (status), quit);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (window, box);
  gtk_window_set_title (GTK_WINDOW (window), _ ("Shortlist"));
  /* As tall as the reason and the button need, in whatever language the reason is in */
  gtk_window_set_default_size (GTK_WINDOW (window), 560, -1);
  return GTK_WINDOW (window);
}

/* The window open on the database at @path, if any */
static GtkWindow *
find_window (SlApp *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      SlStore *store = SL_IS_WINDOW (l->data) ? sl_window_get_store (l->data) : NULL;

      if (store != NULL &&
          g_strcmp0 (sl_database_get_path (sl_store_get_database (store)), path) == 0)
        return l->data;
    }
  return NULL;
}

/* A new window on the database at @path, or one saying why it cannot be opened */
static GtkWindow *
open_window (SlApp *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  /* A file another program changed is checked once the window is open (sl_window_check_file) */
  g_autoptr (SlStore) store = NULL;

  /* A team database's password, if the keyring keeps one for it */
  if (sl_server_is_uri (path))
    {
      g_autofree char *password = sl_keyring_lookup (path);

      if (password != NULL)
        sl_server_set_password (path, password);
      if (password != NULL)
        memset (password, 0, strlen (password));
    }
  store = sl_store_open_deferring_check (path, &error);
  if (store == NULL)
    return error_window (self, error->message, sl_server_is_uri (path));
  return GTK_WINDOW (sl_window_new (self, store));
}

/* A file written by an older version is upgraded on a worker thread, behind a window that says
 * so: at a million candidates an upgrade can take minutes (version 10 rebuilds the search
 * index), and a window that does not appear looks like a crash. The app holds itself meanwhile,
 * and the window cannot be closed, so the upgrade is not cut off half-way (it would only be
 * rolled back, but the time would be lost). */
static GtkWindow *
upgrade_window (SlApp *self, const char *path)
{
  AdwApplicationWindow *window =
    ADW_APPLICATION_WINDOW (adw_application_window_new (GTK_APPLICATION (self)));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *description = NULL;

  /* TRANSLATORS: %s is the database's file name */
  description = g_strdup_printf (_ ("Shortlist is preparing “%s” for this version. This is done "
                                    "once, and can take a few minutes for a very large database."),
                                 name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _ ("Upgrading the Database"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Upgrading the Database"), -1);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), spinner);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (window, box);
  gtk_window_set_title (GTK_WINDOW (window), _ ("Shortlist"));
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, -1);
  gtk_widget_set_name (GTK_WIDGET (window), "upgrade-window");
  return GTK_WINDOW (window);
}

static void
upgrade_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  /* Opened for writing, which upgrades it; closed again for the window to open on its own */
  g_autoptr (SlDatabase) db = sl_database_open_deferring_check (data, &error);

  if (db == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
upgraded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SlApp *self = SL_APP (source);
  g_autofree char *path = user_data;
  g_autoptr (GError) error = NULL;
  GtkWindow *waiting = g_hash_table_lookup (self->upgrading, path);

  g_hash_table_remove (self->upgrading, path);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    sl_app_open_database (self, path);
  else
    gtk_window_present (error_window (self, error->message, FALSE));
  /* After the next window is there, so that the app always has one */
  gtk_window_destroy (waiting);
  g_application_release (G_APPLICATION (self));
}

static gboolean
upgrade_in_background (SlApp *self, const char *path)
{
  g_autoptr (GTask) task = NULL;
  GtkWindow *waiting = g_hash_table_lookup (self->upgrading, path);
  int version;

  if (waiting != NULL)
    {
      gtk_window_present (waiting);
      return TRUE;
    }
  version = sl_database_peek_version (path);
  if (version <= 0 || version >= SL_DATABASE_SCHEMA_VERSION)
    return FALSE;

  waiting = upgrade_window (self, path);
  g_hash_table_insert (self->upgrading, g_strdup (path), waiting);
  gtk_window_present (waiting);
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, upgraded_cb, g_strdup (path));
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, upgrade_thread);
  return TRUE;
}

/* The database a start with no --database opens: $SHORTLIST_DATABASE, else the team
 * database last connected to, else the app's own file */
static char *
default_database (void)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *team = g_settings_get_string (settings, "team-database");

  if (g_getenv ("SHORTLIST_DATABASE") == NULL && sl_server_is_uri (team))
    return g_steal_pointer (&team);
  return sl_database_default_path ();
}

/* Presents the window on the database at @path (the default database when NULL), opening it
 * in a new window when none shows it */
void
sl_app_open_database (SlApp *self, const char *path)
{
  g_autofree char *database = NULL;
  GtkWindow *window;

  g_return_if_fail (SL_IS_APP (self));

  if (path == NULL)
    database = default_database ();
  else if (sl_server_is_uri (path))
    database = g_strdup (path);
  else
    database = g_canonicalize_filename (path, NULL);
  window = find_window (self, database);
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (upgrade_in_background (self, database))
    return;
  window = open_window (self, database);
  gtk_window_present (window);
  if (!SL_IS_WINDOW (window))
    return;
  /* A team database is backed up on its server (README) */
  if (!sl_server_is_uri (database))
    {
      g_autoptr (GSettings) settings = g_settings_new (BASE_ID);

      /* At most one a day, a while after the window opens */
      sl_backup_actions_schedule_automatic (database,
                                            (guint) g_settings_get_int (settings, "backups-kept"));
    }
  if (!self->zone_checked)
    {
      /* An unknown $TZ is said once, where the user will see it */
      g_autofree char *zone_problem = sl_time_check_local_zone ();

      self->zone_checked = TRUE;
      if (zone_problem != NULL)
        {
          g_printerr ("shortlist: %s\n", zone_problem);
          sl_widget_toast (GTK_WIDGET (window), zone_problem);
        }
    }
  /* A database with no team members: who is at the keyboard, made its admin (a team
   * database's members are its admins' to add) */
  if (!sl_server_is_uri (database))
    sl_first_run_check (window, sl_window_get_store (SL_WINDOW (window)));
}

static int
sl_app_command_line (GApplication *app, GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *path = NULL;

  g_variant_dict_lookup (options, "database", "^&ay", &path);
  sl_app_open_database (SL_APP (app), path);
  return 0;
}

static void
sl_app_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* Started by D-Bus activation, with no command line: the default database */
  if (window == NULL)
    sl_app_open_database (SL_APP (app), NULL);
  else
    gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr (GList) windows =
    g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing, not quitting outright, so each window keeps its size and state */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SlApp *self = SL_APP (user_data);
  static const char *developers[] = { "Shortlist developers", NULL };
  /* Translators: the About window's copyright line; %s is the year */
  g_autofree char *copyright = g_strdup_printf (_ ("© %s Shortlist developers"), COPYRIGHT_YEAR);
  GtkWidget *about;

  /* The addresses come from the top meson.build, like the metainfo's */
  about = g_object_new (
    ADW_TYPE_ABOUT_WINDOW, "transient-for",
    gtk_application_get_active_window (GTK_APPLICATION (self)), "application-name", _ ("Shortlist"),
    "application-icon", APPLICATION_ID, "developer-name", _ ("Shortlist developers"), "version",
    PACKAGE_VERSION, "website", PACKAGE_URL, "issue-url", PACKAGE_BUGREPORT, "copyright", copyright,
    "comments", _ ("Track candidates through your hiring pipeline, offline and private"),
    "license-type", GTK_LICENSE_GPL_3_0, "developers", developers,
    /* Translators: your names, one per line */
    "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Yelp's answer comes later: a missing help viewer is said in the window that asked */
static void
help_shown_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Could not open the help: %s"), error->message);

      sl_widget_toast (GTK_WIDGET (source), message);
    }
}

static void
help_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* "shortlist" is the folder help/meson.build installs the pages in, whatever the profile */
  if (parent != NULL)
    gtk_show_uri_full (parent, "help:shortlist", GDK_CURRENT_TIME, NULL, help_shown_cb, NULL);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SlApp *self = SL_APP (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SlPreferencesWindow *preferences;

  /* The preferences of the database the active window shows */
  if (!SL_IS_WINDOW (parent))
    return;
  preferences = sl_preferences_window_new (sl_window_get_store (SL_WINDOW (parent)));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Connect to Team Database…, over the active window */
static void
connect_team_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *last = g_settings_get_string (settings, "team-database");
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (sl_connect_dialog_new (GTK_APPLICATION (user_data), parent, last));
}

/* Open Local Database: the app's own file, opened from now on at start */
static void
open_local_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);

  g_settings_set_string (settings, "team-database", "");
  sl_app_open_database (SL_APP (user_data), NULL);
}

static const GActionEntry app_actions[] = {
  { "connect-team", connect_team_activated },
  { "open-local", open_local_activated },
  { "quit", quit_activated },
  { "help", help_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
clock_format_changed_cb (GSettings *interface, const char *key, SlApp *self)
{
  g_autofree char *format = g_settings_get_string (interface, "clock-format");

  sl_time_set_clock (g_str_equal (format, "12h") ? SL_CLOCK_12H : SL_CLOCK_24H);
}

/* Times of day read as the desktop shows them (GNOME's Date & Time settings); without GNOME's
 * settings, as the locale writes them */
static void
follow_clock_format (SlApp *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema =
    source ? g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE) : NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "clock-format"))
    return;
  self->interface = g_settings_new ("org.gnome.desktop.interface");
  g_signal_connect_object (self->interface, "changed::clock-format",
                           G_CALLBACK (clock_format_changed_cb), self, 0);
  clock_format_changed_cb (self->interface, "clock-format", self);
}

static void
sl_app_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (sl_app_parent_class)->startup (app);
  sl_a11y_install ();
  follow_clock_format (SL_APP (app));
  /* Copies of résumés a killed run left behind */
  sl_resume_cache_clear_stale ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  gtk_window_set_default_icon_name (APPLICATION_ID);
}

static void
sl_app_shutdown (GApplication *app)
{
  /* No copy of a candidate's résumé outlives the app */
  sl_resume_cache_clear ();
  G_APPLICATION_CLASS (sl_app_parent_class)->shutdown (app);
}

static void
sl_app_class_init (SlAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sl_app_finalize;
  app_class->handle_local_options = handle_local_options;
  app_class->activate = sl_app_activate;
  app_class->command_line = sl_app_command_line;
  app_class->startup = sl_app_startup;
  app_class->shutdown = sl_app_shutdown;
}

static void
sl_app_init (SlApp *self)
{
  static const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_ ("Open the database at PATH instead of the default"), N_ ("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Print the version and exit"), NULL },
    { NULL }
  };

  self->upgrading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (
    G_APPLICATION (self), _ ("Shortlist keeps your candidates and hiring pipeline."));
}

SlApp *
sl_app_new (void)
{
  return g_object_new (SL_TYPE_APP, "application-id", APPLICATION_ID, "flags",
                       G_APPLICATION_HANDLES_COMMAND_LINE, "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/* Opens @window's database afresh in a new window, after a restore replaced it under the open
 * one; @message, if not NULL, is shown there */
void
sl_app_reload (SlApp *self, GtkWindow *window, const char *message)
{
  g_autofree char *path = NULL;
  GtkWindow *reopened;

  g_return_if_fail (SL_IS_APP (self) && SL_IS_WINDOW (window));

  path = g_strdup (
    sl_database_get_path (sl_store_get_database (sl_window_get_store (SL_WINDOW (window)))));
  /* The app must not quit between the old window and the new */
  g_application_hold (G_APPLICATION (self));
  gtk_window_destroy (window);
  reopened = open_window (self, path);
  gtk_window_present (reopened);
  if (SL_IS_WINDOW (reopened) && message != NULL)
    sl_widget_toast (GTK_WIDGET (reopened), message);
  g_application_release (G_APPLICATION (self));
}
