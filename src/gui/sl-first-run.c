/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-first-run.c — on a database with no team members, who the person at the keyboard is
 *
 * Without a member nothing can be approved and no candidate put in a pipeline, and a member
 * added in Preferences used to be a recruiter. So on a database with no members the app asks
 * once for a name and an email and makes that person its admin, and the one this user acts
 * as. Load Sample Data stays available instead. A local file has no logins, and the dialog
 * says so.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sl-a11y.h"
#include "sl-first-run.h"
#include "sl-widgets.h"

/* Makes @name and @email the database's first member, an admin, and the one this user acts
 * as; FALSE with @error set if the values are refused */
gboolean
sl_first_run_apply (SlStore *store, const char *name, const char *email, GError **error)
{
  g_autoptr (GSettings) settings = NULL;

  if (sl_store_add_member (store, name, email, "admin", error) == 0)
    return FALSE;
  settings = g_settings_new (BASE_ID);
  g_settings_set_string (settings, "member-email", email);
  return TRUE;
}

typedef struct
{
  SlStore *store;
  GtkWindow *parent;
  GtkEditable *name;
  GtkEditable *email;
} Ask;

static void
ask_free (gpointer data)
{
  Ask *ask = data;

  g_object_unref (ask->store);
  g_object_unref (ask->parent);
  g_free (ask);
}

static void
changed_cb (AdwMessageDialog *dialog)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "ask");
  const char *email = gtk_editable_get_text (ask->email);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (ask->name)));

  adw_message_dialog_set_response_enabled (dialog, "start",
                                           *name != '\0' && strchr (email, '@') != NULL);
}

static void
response_cb (AdwMessageDialog *dialog, const char *response)
{
  Ask *ask = g_object_get_data (G_OBJECT (dialog), "ask");
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  if (!g_str_equal (response, "start"))
    return;
  name = g_strdup (gtk_editable_get_text (ask->name));
  email = g_strstrip (g_strdup (gtk_editable_get_text (ask->email)));
  if (!sl_first_run_apply (ask->store, name, email, &error))
    {
      /* Asked again, with what was typed and why it was refused */
      GtkWidget *again = sl_first_run_ask (ask->parent, ask->store, name, email, error->message);

      gtk_window_present (GTK_WINDOW (again));
      return;
    }
  sl_widget_toast (GTK_WIDGET (ask->parent), _ ("You are this database’s admin"));
}

static GtkWidget *
entry_row (const char *title, const char *text, GtkWidget *group)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Enter starts, once Start is enabled: the keyboard alone gets through */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* The dialog, not yet shown; @name, @email and @problem may be NULL */
GtkWidget *
sl_first_run_ask (GtkWindow *parent, SlStore *store, const char *name, const char *email,
                  const char *problem)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _ ("Who Are You?"), NULL);
  GtkWidget *group = adw_preferences_group_new ();
  Ask *ask = g_new0 (Ask, 1);

  adw_message_dialog_set_body (
    ADW_MESSAGE_DIALOG (dialog),
    _ ("This database has no team members yet. You will be its first, and its admin: you can "
       "add your team, approve job descriptions and move candidates. A file on this computer "
       "has no logins: anyone who can open it can act as any member. Per-person access comes "
       "with a team database."));
  if (problem != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), problem);
  ask->store = g_object_ref (store);
  ask->parent = g_object_ref (parent);
  ask->name = GTK_EDITABLE (entry_row (_ ("Name"), name, group));
  ask->email = GTK_EDITABLE (entry_row (_ ("Email"), email, group));
  sl_a11y_name_group_list (group, _ ("Who Are You?"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _ ("_Not Now"), "start",
                                    _ ("_Start"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "ask", ask, ask_free);
  g_signal_connect_swapped (ask->name, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect_swapped (ask->email, "changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  changed_cb (ADW_MESSAGE_DIALOG (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (ask->name));
  return dialog;
}

/* Asks, over @parent, if the database has no team members */
void
sl_first_run_check (GtkWindow *parent, SlStore *store)
{
  g_autoptr (GListModel) members = sl_store_list_members (store, NULL);

  if (members != NULL && g_list_model_get_n_items (members) == 0)
    gtk_window_present (GTK_WINDOW (sl_first_run_ask (parent, store, NULL, NULL, NULL)));
}
