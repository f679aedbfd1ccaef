/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-connect-dialog.c — Connect to Team Database…
 *
 * The server, port, database and login a team's admin hands out, and the member's password.
 * The connection is encrypted and the server's certificate checked unless the user turns TLS
 * off (a server on this computer's own socket, a folder's path, needs none). The login is
 * tried on a worker thread, so a slow or unreachable server never freezes the window; what
 * went wrong is said in the dialog, which stays open to mend it. Once in, the password goes
 * to the keyring if the user asked (sl-keyring.c), the address (without it) to the settings,
 * and the app opens its window on the team database; the next start opens it again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-app.h"
#include "sl-connect-dialog.h"
#include "sl-database.h"
#include "sl-keyring.h"
#include "sl-server.h"

struct _SlConnectDialog
{
  AdwWindow parent_instance;

  GtkWidget *host;
  GtkWidget *port;
  GtkWidget *database;
  GtkWidget *login;
  GtkWidget *password;
  GtkWidget *tls;
  GtkWidget *remember;
  GtkWidget *connect_button;
  GtkWidget *spinner;
  GtkLabel *problem;
  GCancellable *cancellable;
  char *uri;      /* being tried */
  char *previous; /* the password kept for it before, given back if this one is refused */
};

G_DEFINE_FINAL_TYPE (SlConnectDialog, sl_connect_dialog, ADW_TYPE_WINDOW)

/* The address of the team database the fields name: a folder for a server on this computer's
 * own socket, else a host name, where TLS is asked for (and its certificate checked) unless
 * @tls is off */
char *
sl_connect_dialog_build_uri (const char *host, const char *port, const char *database,
                             const char *login, gboolean tls)
{
  g_autofree char *user = g_uri_escape_string (login, NULL, FALSE);
  g_autofree char *name = g_uri_escape_string (database, NULL, FALSE);
  const char *number = port != NULL && *port != '\0' ? port : "5432";

  if (host[0] == '/')
    {
      g_autofree char *folder = g_uri_escape_string (host, NULL, FALSE);

      return g_strdup_printf ("postgresql://%s@/%s?host=%s&port=%s", user, name, folder, number);
    }
  {
    g_autofree char *server = g_uri_escape_string (host, "[]:", FALSE);

    return g_strdup_printf ("postgresql://%s@%s:%s/%s?sslmode=%s", user, server, number, name,
                            tls ? "verify-full" : "disable");
  }
}

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* What the user asked for, as a URI; NULL with the first missing field said in the dialog */
static char *
entered_uri (SlConnectDialog *self)
{
  struct
  {
    GtkWidget *row;
    const char *missing;
  } needed[] = {
    { self->host, N_ ("Enter the server’s name or address") },
    { self->database, N_ ("Enter the database’s name") },
    { self->login, N_ ("Enter your login") },
  };
  const char *port = text_of (self->port);

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (blank (text_of (needed[i].row)))
      {
        gtk_label_set_label (self->problem, _ (needed[i].missing));
        gtk_widget_grab_focus (needed[i].row);
        return NULL;
      }
  for (const char *p = port; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) || p - port > 4)
      {
        gtk_label_set_label (self->problem, _ ("The port is a number, such as 5432"));
        gtk_widget_grab_focus (self->port);
        return NULL;
      }
  return sl_connect_dialog_build_uri (text_of (self->host), port, text_of (self->database),
                                      text_of (self->login),
                                      gtk_switch_get_active (GTK_SWITCH (self->tls)));
}

/* A server on this computer's own socket (a folder) is reached without TLS */
static void
host_changed_cb (SlConnectDialog *self)
{
  gtk_widget_set_sensitive (self->tls, text_of (self->host)[0] != '/');
}

static void
set_busy (SlConnectDialog *self, gboolean busy)
{
  gtk_widget_set_sensitive (self->connect_button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
try_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SlDatabase) db = sl_database_open (data, &error);

  if (db == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
tried_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SlConnectDialog *self = SL_CONNECT_DIALOG (source);
  g_autoptr (GError) error = NULL;
  GtkApplication *app;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      /* A window already open on it goes on with the password it had */
      sl_server_set_password (self->uri, self->previous);
      /* libpq's advice (~/.pgpass) is for scripts: here the field is the place */
      if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_PASSWORD) &&
          *text_of (self->password) == '\0')
        gtk_label_set_label (self->problem, _ ("Enter your password"));
      else
        gtk_label_set_label (self->problem, error->message);
      gtk_widget_grab_focus (self->password);
      return;
    }
  set_busy (self, FALSE);
  if (gtk_switch_get_active (GTK_SWITCH (self->remember)) && *text_of (self->password) != '\0')
    {
      g_autofree char *name = sl_server_display_name (self->uri);
      /* Translators: how the keyring lists the password; %s is the team database's name */
      g_autofree char *label = g_strdup_printf (_ ("Shortlist team database “%s”"), name);

      sl_keyring_store (self->uri, text_of (self->password), label);
    }
  else
    sl_keyring_forget (self->uri);
  {
    g_autoptr (GSettings) settings = g_settings_new (BASE_ID);

    g_settings_set_string (settings, "team-database", self->uri);
  }
  app = gtk_window_get_application (GTK_WINDOW (self));
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  sl_app_open_database (SL_APP (app), self->uri);
  g_object_unref (self);
}

static void
connect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlConnectDialog *self = SL_CONNECT_DIALOG (widget);
  g_autoptr (GTask) task = NULL;
  g_autofree char *uri = entered_uri (self);

  if (uri == NULL)
    return;
  g_free (self->uri);
  self->uri = g_steal_pointer (&uri);
  g_free (self->previous);
  self->previous = sl_server_dup_password (self->uri);
  gtk_label_set_label (self->problem, "");
  /* For this try and, once in, every connection of the window it opens */
  sl_server_set_password (self->uri,
                          *text_of (self->password) != '\0' ? text_of (self->password) : NULL);
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, tried_cb, NULL);
  g_task_set_task_data (task, g_strdup (self->uri), g_free);
  g_task_run_in_thread (task, try_thread);
}

static void
sl_connect_dialog_dispose (GObject *object)
{
  SlConnectDialog *self = SL_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->previous, g_free);
  G_OBJECT_CLASS (sl_connect_dialog_parent_class)->dispose (object);
}

static void
sl_connect_dialog_class_init (SlConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_connect_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
entry_row (AdwPreferencesGroup *group, GtkWidget *row, const char *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
switch_row (AdwPreferencesGroup *group, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  return toggle;
}

static void
sl_connect_dialog_init (SlConnectDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *server = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *you = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *problem = gtk_label_new (NULL);

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _ ("Connect to Team Database"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 620);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->connect_button = gtk_button_new_with_mnemonic (_ ("C_onnect"));
  gtk_widget_add_css_class (self->connect_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->connect_button), "connect.connect");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->connect_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Connecting"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);

  adw_preferences_group_set_title (server, _ ("Team Database"));
  adw_preferences_group_set_description (
    server, _ ("Your team’s admin gives you the server, the database and your login."));
  self->host = entry_row (server, adw_entry_row_new (), _ ("Server"));
  g_signal_connect_object (self->host, "changed", G_CALLBACK (host_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->port = entry_row (server, adw_entry_row_new (), _ ("Port"));
  gtk_editable_set_text (GTK_EDITABLE (self->port), "5432");
  gtk_text_set_input_purpose (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->port))),
                              GTK_INPUT_PURPOSE_DIGITS);
  self->database = entry_row (server, adw_entry_row_new (), _ ("Database"));
  self->tls = switch_row (server, _ ("Encrypted Connection"),
                          _ ("TLS, with the server’s certificate checked"));

  adw_preferences_group_set_title (you, _ ("You"));
  self->login = entry_row (you, adw_entry_row_new (), _ ("Login"));
  self->password = entry_row (you, adw_password_entry_row_new (), _ ("Password"));
  self->remember =
    switch_row (you, _ ("Remember the Password"), _ ("In your session’s keyring, never in a file"));

  self->problem = GTK_LABEL (problem);
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_label_set_xalign (self->problem, 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_margin_start (problem, 12);
  gtk_widget_set_margin_end (problem, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (problem), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Problem"), -1);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), server);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), you);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), problem);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->connect_button);
}

/* The dialog, its fields filled from @uri (the team database last connected to) if any */
GtkWindow *
sl_connect_dialog_new (GtkApplication *app, GtkWindow *parent, const char *uri)
{
  SlConnectDialog *self = g_object_new (SL_TYPE_CONNECT_DIALOG, "application", app, NULL);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  if (uri != NULL && *uri != '\0')
    {
      g_autofree char *host = NULL, *port = NULL, *database = NULL, *login = NULL;
      gboolean tls = TRUE;

      if (sl_server_split_uri (uri, &host, &port, &database, &login, &tls))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->host), host);
          gtk_editable_set_text (GTK_EDITABLE (self->port), port);
          gtk_editable_set_text (GTK_EDITABLE (self->database), database);
          gtk_editable_set_text (GTK_EDITABLE (self->login), login);
          gtk_switch_set_active (GTK_SWITCH (self->tls), tls);
        }
    }
  gtk_widget_grab_focus (
    *gtk_editable_get_text (GTK_EDITABLE (self->host)) == '\0' ? self->host : self->password);
  return GTK_WINDOW (self);
}
