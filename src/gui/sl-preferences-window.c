/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-preferences-window.c — who you are among the team members, and the members themselves
 *
 * The choice is this user's, not the database's, so it lives in GSettings (by email, which
 * stays valid when the same database is opened elsewhere). Adding and changing members is for
 * admins; others see the groups greyed out, with why. While a database has no admin, the
 * member added is one, so that someone can approve descriptions and manage the team.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-option.h"
#include "sl-position-editor.h"
#include "sl-preferences-window.h"
#include "sl-vocab.h"
#include "sl-widgets.h"
#include "sl-session.h"

struct _SlPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  SlStore *store;
  GSettings *settings;
  GListModel *members;
  gboolean loading;

  AdwComboRow *member_row;
  AdwEntryRow *name_row;
  AdwEntryRow *email_row;
  AdwComboRow *role_row;
  AdwEntryRow *login_row;
  AdwEntryRow *password_row;
  GtkButton *add_button;
  AdwPreferencesGroup *you_group;
  gboolean team; /* a team database: you are your login, and members log in */

  AdwPreferencesGroup *edit_group;
  AdwPreferencesGroup *add_group;
  AdwComboRow *edit_member_row;
  AdwEntryRow *edit_name_row;
  AdwEntryRow *edit_email_row;
  AdwComboRow *edit_role_row;
  GtkSwitch *edit_active_switch;
  GtkButton *save_button;
  GListModel *all_members; /* SlMember, in edit_member_row's order */
};

G_DEFINE_FINAL_TYPE (SlPreferencesWindow, sl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The member chosen for a change, into the rows that change them */
static void
edit_member_selected_cb (SlPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->edit_member_row);
  g_autoptr (SlMember) member = NULL;

  if (self->all_members == NULL || position >= g_list_model_get_n_items (self->all_members))
    return;
  member = g_list_model_get_item (self->all_members, position);
  gtk_editable_set_text (GTK_EDITABLE (self->edit_name_row), sl_member_get_name (member));
  gtk_editable_set_text (GTK_EDITABLE (self->edit_email_row), sl_member_get_email (member));
  adw_combo_row_set_selected (
    self->edit_role_row,
    sl_option_find (adw_combo_row_get_model (self->edit_role_row), sl_member_get_role (member)));
  gtk_switch_set_active (self->edit_active_switch, sl_member_get_active (member));
}

/* Who may change the team: an admin, or anyone while there is no admin */
static void
update_rights (SlPreferencesWindow *self)
{
  g_autoptr (SlMember) me = sl_session_dup_member (sl_session_get (self->store));
  gboolean no_admin = sl_store_count_admins (self->store) == 0;
  gboolean admin = me != NULL && g_str_equal (sl_member_get_role (me), "admin");
  gboolean has_members = self->all_members && g_list_model_get_n_items (self->all_members) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), admin || no_admin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_name_row), admin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_email_row), admin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_role_row), admin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_active_switch), admin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), admin);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_group), has_members);
  if (no_admin)
    adw_preferences_group_set_description (
      self->add_group, _ ("The database has no admin yet: the member you add is its admin."));
  else
    adw_preferences_group_set_description (
      self->add_group, admin ? NULL : _ ("Only an admin can add or change team members."));
  adw_preferences_group_set_description (
    self->edit_group, admin ? _ ("Change a member’s name, email or role, or deactivate someone "
                                 "who has left.")
                            : _ ("Only an admin can add or change team members."));
}

static void
load_members (SlPreferencesWindow *self)
{
  g_autoptr (GListModel) members = sl_store_list_active_members (self->store, NULL);
  g_autoptr (GListStore) options = g_list_store_new (SL_TYPE_OPTION);
  g_autoptr (GListStore) everyone = g_list_store_new (SL_TYPE_OPTION);
  g_autofree char *current = g_settings_get_string (self->settings, "member-email");
  g_autoptr (SlOption) none = sl_option_new ("", _ ("Not chosen"));
  guint selected = 0;
  guint editing = adw_combo_row_get_selected (self->edit_member_row);
  guint n = members ? g_list_model_get_n_items (members) : 0;

  /* In a team database there is one choice: the login's member */
  if (self->team)
    {
      g_autoptr (SlMember) me = sl_session_dup_member (sl_session_get (self->store));

      g_clear_object (&members);
      if (me != NULL)
        {
          members = G_LIST_MODEL (g_list_store_new (SL_TYPE_MEMBER));
          g_list_store_append (G_LIST_STORE (members), me);
          g_free (current);
          current = g_strdup (sl_member_get_email (me));
        }
      n = members ? g_list_model_get_n_items (members) : 0;
    }
  if (!self->team)
    g_list_store_append (options, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlMember) member = g_list_model_get_item (members, i);
      /* Translators: a team member in a list: name, then role */
      g_autofree char *label =
        g_strdup_printf (_ ("%s (%s)"), sl_member_get_name (member),
                         sl_vocab_label (SL_VOCAB_ROLE, sl_member_get_role (member)));
      g_autoptr (SlOption) option = sl_option_new (sl_member_get_email (member), label);

      g_list_store_append (options, option);
      if (g_strcmp0 (current, sl_member_get_email (member)) == 0)
        selected = self->team ? i : i + 1;
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (options));
  adw_combo_row_set_selected (self->member_row, selected);

  /* Everyone, the deactivated too, for a change */
  g_clear_object (&self->all_members);
  self->all_members = sl_store_list_members (self->store, NULL);
  for (guint i = 0; self->all_members && i < g_list_model_get_n_items (self->all_members); i++)
    {
      g_autoptr (SlMember) member = g_list_model_get_item (self->all_members, i);
      const char *role = sl_vocab_label (SL_VOCAB_ROLE, sl_member_get_role (member));
      g_autofree char *label =
        sl_member_get_active (member)
          ? g_strdup_printf (_ ("%s (%s)"), sl_member_get_name (member), role)
          /* Translators: a team member in a list: name, then role, for one who has left */
          : g_strdup_printf (_ ("%s (%s, deactivated)"), sl_member_get_name (member), role);
      g_autoptr (SlOption) option = sl_option_new (sl_member_get_email (member), label);

      g_list_store_append (everyone, option);
    }
  adw_combo_row_set_model (self->edit_member_row, G_LIST_MODEL (everyone));
  if (editing != GTK_INVALID_LIST_POSITION &&
      editing < g_list_model_get_n_items (G_LIST_MODEL (everyone)))
    adw_combo_row_set_selected (self->edit_member_row, editing);
  self->loading = FALSE;
  edit_member_selected_cb (self);
  update_rights (self);
}

static void
toast (SlPreferencesWindow *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
save_clicked_cb (SlPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->edit_member_row);
  SlOption *role = adw_combo_row_get_selected_item (self->edit_role_row);
  g_autofree char *current = g_settings_get_string (self->settings, "member-email");
  g_autoptr (SlMember) member = NULL;
  g_autoptr (GError) error = NULL;
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->edit_email_row));

  if (self->all_members == NULL || position >= g_list_model_get_n_items (self->all_members))
    return;
  member = g_list_model_get_item (self->all_members, position);
  /* Only what was changed here is written, over what the list showed */
  if (!sl_store_edit_member (self->store, member,
                             gtk_editable_get_text (GTK_EDITABLE (self->edit_name_row)), email,
                             role ? sl_option_get_id (role) : sl_member_get_role (member),
                             gtk_switch_get_active (self->edit_active_switch), &error))
    {
      toast (self, error->message);
      /* Another admin changed the same field since: the form shows the member as they are now */
      if (g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT))
        load_members (self);
      return;
    }
  /* Who you are follows your own new email; a deactivated one is no one's (a team database's
   * member is the login's, whatever the setting says) */
  if (!self->team && g_strcmp0 (current, sl_member_get_email (member)) == 0)
    g_settings_set_string (self->settings, "member-email",
                           gtk_switch_get_active (self->edit_active_switch) ? email : "");
  load_members (self);
  toast (self, _ ("Team member changed"));
}

static void
member_selected_cb (SlPreferencesWindow *self)
{
  SlOption *option = adw_combo_row_get_selected_item (self->member_row);

  if (self->loading || option == NULL)
    return;
  g_settings_set_string (self->settings, "member-email", sl_option_get_id (option));
  update_rights (self);
}

static void
add_clicked_cb (SlPreferencesWindow *self)
{
  SlOption *role = adw_combo_row_get_selected_item (self->role_row);
  g_autoptr (GError) error = NULL;
  g_autofree char *current = g_settings_get_string (self->settings, "member-email");
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));

  /* While there is no admin, the member added is one: else no one could approve anything */
  const char *role_id = sl_store_count_admins (self->store) == 0 ? "admin"
                        : role                                   ? sl_option_get_id (role)
                                                                 : NULL;

  if (self->team)
    {
      const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

      if (sl_store_add_team_member (self->store,
                                    gtk_editable_get_text (GTK_EDITABLE (self->name_row)), email,
                                    role_id, gtk_editable_get_text (GTK_EDITABLE (self->login_row)),
                                    *password != '\0' ? password : NULL, &error) == 0)
        {
          toast (self, error->message);
          return;
        }
      gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
    }
  else if (sl_store_add_member (self->store, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                email, role_id, &error) == 0)
    {
      toast (self, error->message);
      return;
    }
  /* The first member added is most likely the person at the keyboard */
  if (!self->team && *current == '\0')
    g_settings_set_string (self->settings, "member-email", email);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), "");
  load_members (self);
  toast (self, _ ("Team member added"));
}

static void
sl_preferences_window_dispose (GObject *object)
{
  SlPreferencesWindow *self = SL_PREFERENCES_WINDOW (object);

  /* A window is disposed twice (gtk_window_destroy, then its last unref): once is enough */
  if (self->member_row != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->all_members);

  G_OBJECT_CLASS (sl_preferences_window_parent_class)->dispose (object);
}

static void
sl_preferences_window_class_init (SlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/sl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, member_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, you_group);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, edit_group);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, add_group);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, edit_member_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, edit_name_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, edit_email_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, edit_role_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, edit_active_switch);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, save_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_preferences_window_init (SlPreferencesWindow *self)
{
  g_autoptr (GtkExpression) expression =
    gtk_property_expression_new (SL_TYPE_OPTION, NULL, "label");
  g_autoptr (GListModel) roles = sl_vocab_model (SL_VOCAB_ROLE, NULL);
  g_autoptr (GListModel) edit_roles = sl_vocab_model (SL_VOCAB_ROLE, NULL);

  /* Built modal by its template, the window got its accessible object from GTK 4.8 before
   * its class's role: a screen reader found a "filler", not a window */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_WINDOW, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_expression (self->member_row, expression);
  adw_combo_row_set_expression (self->role_row, expression);
  adw_combo_row_set_expression (self->edit_member_row, expression);
  adw_combo_row_set_expression (self->edit_role_row, expression);
  adw_combo_row_set_model (self->role_row, roles);
  adw_combo_row_set_model (self->edit_role_row, edit_roles);
  g_signal_connect_object (self->edit_member_row, "notify::selected",
                           G_CALLBACK (edit_member_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->member_row, "notify::selected", G_CALLBACK (member_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self,
                           G_CONNECT_SWAPPED);
}

SlPreferencesWindow *
sl_preferences_window_new (SlStore *store)
{
  SlPreferencesWindow *self = g_object_new (SL_TYPE_PREFERENCES_WINDOW, NULL);

  self->store = g_object_ref (store);
  self->settings = g_settings_new (BASE_ID);
  self->team = sl_session_is_team (sl_session_get (store));
  if (self->team)
    {
      adw_preferences_group_set_description (
        self->you_group, _ ("In a team database you are the member you log in as: the server "
                            "records your name on the changes you make."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->member_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->login_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->password_row), TRUE);
    }
  load_members (self);
  return self;
}
