/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-a11y.c — what GTK 4.8 and libadwaita 1.2 tell a screen reader, corrected in one place
 *
 * Widgets these versions build themselves expose names and focus wrongly, and many are made
 * where the app cannot reach them (a message dialog's responses, a toast's close button, a
 * dropdown's button). One hook on every widget's realize fixes each kind once, before it is
 * shown; tests/gui/test-a11y.py walks the real app over AT-SPI so none of it comes back:
 *
 * - a button with a mnemonic label gets both the raw label (“_Reject”) as its name and the
 *   label widget as its labeller (“Reject”): GTK 4.8 reads “_Reject Reject”. So does a button
 *   holding an AdwButtonContent. The labeller alone names it.
 * - an AdwEntryRow keeps the focus in its GtkText, which libadwaita 1.2 leaves out of the
 *   accessible tree (role none), and the row does not report it: a screen reader says
 *   nothing in the field. The text is exposed as the row's text box, named by the row title,
 *   and the row, a text box too in libadwaita 1.2, is a list item holding it (as in
 *   libadwaita 1.3): one text object, the one with the focus. A role cannot change once a
 *   screen reader has seen the widget (GTK says so with a critical), and the realize hook comes
 *   too late for the row: its class's role is changed before any row is made.
 * - a dropdown's own button is named after its type (“GtkToggleButton”): it takes the
 *   dropdown's name, or that of the label whose mnemonic moves to it.
 * - the close buttons of an info bar and a toast are named “GtkImage”.
 * - the rows of a dropdown's or combo row's popup have no name: the text is only in a label
 *   inside. The label names its row.
 * - the lists an expander row and a combo row hold inside (its header, its current value) are
 *   named after their type: they take the row's title.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sl-a11y.h"

static GQuark own_label_quark;

/* @widget's accessible name is @label, and nothing it holds adds to it. A name set so stays:
 * the realize hook leaves it alone. */
void
sl_a11y_set_label (GtkWidget *widget, const char *label)
{
  g_object_set_qdata (G_OBJECT (widget), own_label_quark, GINT_TO_POINTER (TRUE));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* A preferences group names its list by its title; one without a title names it @label */
void
sl_a11y_name_group_list (GtkWidget *group, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (group); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
      else
        sl_a11y_name_group_list (child, label);
    }
}

static gboolean
has_own_label (GtkWidget *widget)
{
  return g_object_get_qdata (G_OBJECT (widget), own_label_quark) != NULL;
}

/* Whether a label @button holds names it (the label is its mnemonic label) */
static gboolean
labelled_by_mnemonic (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  if (ADW_IS_BUTTON_CONTENT (child))
    return TRUE;
  return GTK_IS_LABEL (child) && gtk_label_get_use_underline (GTK_LABEL (child)) &&
         gtk_label_get_mnemonic_widget (GTK_LABEL (child)) == GTK_WIDGET (button);
}

static void
button_name_once (GtkButton *button)
{
  if (!has_own_label (GTK_WIDGET (button)) && labelled_by_mnemonic (button))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
button_label_cb (GtkButton *button)
{
  /* GTK sets the raw label again with each new label */
  button_name_once (button);
}

static void
entry_row_title_cb (AdwPreferencesRow *row, GParamSpec *pspec, GtkWidget *text)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (row), -1);
}

static void
fix_entry_row (AdwEntryRow *row)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  if (!GTK_IS_TEXT (text) ||
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (text)) != GTK_ACCESSIBLE_ROLE_NONE)
    return;
  /* What libadwaita 1.3 does: the text is the text box, the row only holds it */
  g_object_set (text, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  g_signal_connect_object (row, "notify::title", G_CALLBACK (entry_row_title_cb), text, 0);
  entry_row_title_cb (ADW_PREFERENCES_ROW (row), NULL, text);
}

static gboolean
is_close_icon (GtkButton *button)
{
  return g_strcmp0 (gtk_button_get_icon_name (button), "window-close-symbolic") == 0;
}

/* libadwaita's private AdwToastWidget, holding one toast with its close button */
static GType
toast_widget_type (void)
{
  return g_type_from_name ("AdwToastWidget");
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_LABEL (child) ? child : first_label (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The expander or combo row that built @widget as part of itself, or NULL */
static AdwPreferencesRow *
owning_row (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_LIST_BOX_ROW);

  return ADW_IS_EXPANDER_ROW (row) || ADW_IS_COMBO_ROW (row) ? ADW_PREFERENCES_ROW (row) : NULL;
}

/* A row of a dropdown's popup or a combo row's list (GTK's private GtkListItemWidget) */
static gboolean
is_list_item (GtkWidget *widget)
{
  GType type = g_type_from_name ("GtkListItemWidget");

  return type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
         (gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL ||
          gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) != NULL);
}

static void
row_title_cb (AdwPreferencesRow *row, GParamSpec *pspec, GtkWidget *list)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (row), -1);
}

static GtkWidget *
drop_down_button (GtkWidget *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

static gboolean
realize_hook_cb (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  GObject *object = g_value_get_object (&values[0]);
  GtkWidget *widget = GTK_IS_WIDGET (object) ? GTK_WIDGET (object) : NULL;
  GtkWidget *parent = widget ? gtk_widget_get_parent (widget) : NULL;

  if (widget == NULL || has_own_label (widget))
    return TRUE;

  if (ADW_IS_ENTRY_ROW (widget))
    fix_entry_row (ADW_ENTRY_ROW (widget));
  else if ((GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget)) && owning_row (widget))
    {
      g_signal_connect_object (owning_row (widget), "notify::title", G_CALLBACK (row_title_cb),
                               widget, 0);
      row_title_cb (owning_row (widget), NULL, widget);
    }
  else if (is_list_item (widget))
    {
      /* Its label is kept and given each item's text in turn: it names whichever is shown */
      GtkWidget *label = first_label (widget);
      if (label != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
    }
  else if (GTK_IS_LABEL (widget) &&
           GTK_IS_DROP_DOWN (gtk_label_get_mnemonic_widget (GTK_LABEL (widget))))
    {
      /* A dropdown named by a label beside it: its button too, whichever realizes first */
      GtkWidget *button = drop_down_button (gtk_label_get_mnemonic_widget (GTK_LABEL (widget)));
      if (button != NULL)
        {
          g_object_set_qdata (G_OBJECT (button), own_label_quark, GINT_TO_POINTER (TRUE));
          gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, widget, NULL, -1);
        }
    }
  else if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (parent))
    {
      /* The dropdown is named by the app; its button reads the same */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      parent, NULL, -1);
    }
  else if (GTK_IS_BUTTON (widget) && is_close_icon (GTK_BUTTON (widget)) &&
           gtk_widget_get_ancestor (widget, GTK_TYPE_INFO_BAR) != NULL)
    sl_a11y_set_label (widget, _ ("Close"));
  else if (GTK_IS_BUTTON (widget) && is_close_icon (GTK_BUTTON (widget)) &&
           G_TYPE_IS_OBJECT (toast_widget_type ()) &&
           gtk_widget_get_ancestor (widget, toast_widget_type ()) != NULL)
    /* Translators: the button that closes a notification (a toast) */
    sl_a11y_set_label (widget, C_ ("toast", "Dismiss"));
  else if (GTK_IS_BUTTON (widget))
    {
      button_name_once (GTK_BUTTON (widget));
      if (g_object_get_data (object, "sl-a11y-label") == NULL)
        {
          g_object_set_data (object, "sl-a11y-label", GINT_TO_POINTER (TRUE));
          g_signal_connect (widget, "notify::label", G_CALLBACK (button_label_cb), NULL);
        }
    }
  return TRUE;
}

/* Once, before the first window: every widget realized after this is corrected */
void
sl_a11y_install (void)
{
  if (own_label_quark != 0)
    return;
  own_label_quark = g_quark_from_static_string ("sl-a11y-own-label");
  /* Every entry row made from now on; a subclass made later takes its parent's role */
  gtk_widget_class_set_accessible_role (g_type_class_ref (ADW_TYPE_ENTRY_ROW),
                                        GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  /* A signal exists once its class does */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, realize_hook_cb,
                              NULL, NULL);
}
