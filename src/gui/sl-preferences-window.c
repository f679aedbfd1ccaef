/* sl-preferences-window.c — who you are among the team members
 *
 * The choice is this user's, not the database's, so it lives in GSettings (by email, which
 * stays valid when the same database is opened elsewhere).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-option.h"
#include "sl-preferences-window.h"
#include "sl-vocab.h"

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
  GtkButton *add_button;
};

G_DEFINE_FINAL_TYPE (SlPreferencesWindow, sl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
load_members (SlPreferencesWindow *self)
{
  g_autoptr (GListModel) members = sl_store_list_members (self->store, NULL);
  g_autoptr (GListStore) options = g_list_store_new (SL_TYPE_OPTION);
  g_autofree char *current = g_settings_get_string (self->settings, "member-email");
  g_autoptr (SlOption) none = sl_option_new ("", _ ("Not chosen"));
  guint selected = 0;
  guint n = members ? g_list_model_get_n_items (members) : 0;

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
        selected = i + 1;
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->member_row, G_LIST_MODEL (options));
  adw_combo_row_set_selected (self->member_row, selected);
  self->loading = FALSE;
}

static void
member_selected_cb (SlPreferencesWindow *self)
{
  SlOption *option = adw_combo_row_get_selected_item (self->member_row);

  if (self->loading || option == NULL)
    return;
  g_settings_set_string (self->settings, "member-email", sl_option_get_id (option));
}

static void
add_clicked_cb (SlPreferencesWindow *self)
{
  SlOption *role = adw_combo_row_get_selected_item (self->role_row);
  g_autoptr (GError) error = NULL;
  g_autofree char *current = g_settings_get_string (self->settings, "member-email");
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));

  if (sl_store_add_member (self->store, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                           email, role ? sl_option_get_id (role) : NULL, &error) == 0)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
      return;
    }
  /* The first member added is most likely the person at the keyboard */
  if (*current == '\0')
    g_settings_set_string (self->settings, "member-email", email);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), "");
  load_members (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_ ("Team member added")));
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_preferences_window_init (SlPreferencesWindow *self)
{
  g_autoptr (GtkExpression) expression =
    gtk_property_expression_new (SL_TYPE_OPTION, NULL, "label");
  g_autoptr (GListModel) roles = sl_vocab_model (SL_VOCAB_ROLE, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_expression (self->member_row, expression);
  adw_combo_row_set_expression (self->role_row, expression);
  adw_combo_row_set_model (self->role_row, roles);
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
  load_members (self);
  return self;
}
