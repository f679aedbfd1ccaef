/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-widgets.c — small behaviours shared by Shortlist's forms */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sl-option.h"
#include "sl-widgets.h"

static gboolean
spin_scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, gpointer data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  if (gtk_widget_has_focus (spin) ||
      gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (spin)), spin))
    return FALSE;
  if (scrolled == NULL)
    return TRUE;
  /* Scroll the form instead, by about the step GTK uses for a wheel notch */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) +
                              dy * pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0));
  return TRUE;
}

/* A wheel passing over a number field scrolls the form; it changes the number only once the
 * field has the focus. Otherwise scrolling down a profile edits (and saves) whatever passes
 * under the pointer. */
void
sl_spin_button_scroll_passes (GtkSpinButton *spin)
{
  GtkEventController *controller =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (spin_scroll_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (spin), controller);
}

static GtkWidget *
find_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shows @message (plain text; a toast's title is markup) in the toast overlay around @widget */
void
sl_widget_toast (GtkWidget *widget, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  /* A window (or a widget outside any overlay): its window's own overlay */
  if (overlay == NULL && gtk_widget_get_root (widget) != NULL)
    overlay = find_overlay (GTK_WIDGET (gtk_widget_get_root (widget)));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_warning ("%s", message);
}

/* The position of the SlOption with @id, or 0 (the “not set” entry) */
guint
sl_option_find (GListModel *options, const char *id)
{
  guint n = g_list_model_get_n_items (options);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlOption) option = g_list_model_get_item (options, i);
      if (g_strcmp0 (sl_option_get_id (option), id) == 0)
        return i;
    }
  return 0;
}

/* Gives a combo row or dropdown a list of SlOption, shown by label; takes @options */
void
sl_combo_set_options (GObject *combo, GListModel *options)
{
  g_autoptr (GtkExpression) expression =
    gtk_property_expression_new (SL_TYPE_OPTION, NULL, "label");

  g_object_set (combo, "expression", expression, "model", options, NULL);
  g_object_unref (options);
}

/* @max_chars: 0 shows the label whole on one line; above 0, the label asks for no more than
 * that many characters and wraps to more lines when the dropdown is narrower */
static void
option_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);
  int chars = GPOINTER_TO_INT (max_chars);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (chars > 0)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
    }
  gtk_list_item_set_child (item, label);
}

static void
option_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  SlOption *option = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      option ? sl_option_get_label (option) : "");
}

static GtkListItemFactory *
option_factory (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (option_setup_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (option_bind_cb), NULL);
  return factory;
}

/* The chosen option's label wraps to a second line when the dropdown is narrow (shortened with
 * “…”, “Any seniority level” in some languages loses what it says; on one line, a long label
 * would hold the whole window wide) and asks for no more than @max_chars characters; the popup
 * shows labels whole */
void
sl_drop_down_wrap (GtkDropDown *dropdown, int max_chars)
{
  g_autoptr (GtkListItemFactory) button = option_factory (MAX (max_chars, 1));
  g_autoptr (GtkListItemFactory) list = option_factory (0);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static GtkWidget *
find_child (GtkWidget *widget, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found =
        G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A long list (every country): typing finds a choice by its label (the dropdown's expression
 * must give it), and the popup stays short enough for a small window instead of running past
 * its bottom. GTK 4.8 has no call for the popup's height: its scrolled list is bounded. */
void
sl_drop_down_searchable (GtkDropDown *dropdown)
{
  GtkWidget *popover = find_child (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER);
  GtkWidget *scrolled = popover ? find_child (popover, GTK_TYPE_SCROLLED_WINDOW) : NULL;

  g_return_if_fail (gtk_drop_down_get_expression (dropdown) != NULL);

  gtk_drop_down_set_enable_search (dropdown, TRUE);
  if (scrolled != NULL)
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
}

typedef struct
{
  SlDropDownFill fill;
  gpointer data;
} Fill;

static void
fill_on_show_cb (GtkWidget *popover, gpointer user_data)
{
  Fill fill = *(Fill *) user_data;

  /* Frees user_data */
  g_signal_handlers_disconnect_by_func (popover, fill_on_show_cb, user_data);
  fill.fill (GTK_DROP_DOWN (gtk_widget_get_parent (popover)), fill.data);
}

/* Calls @fill once, as @dropdown's popup is first about to show, to add the rest of a long
 * list to the dropdown's model. A GtkDropDown makes its hidden popup's rows as soon as it has
 * a model: for every country, about 250 rows and 5 ms before the window's first frame, for a
 * popup that may never open. */
void
sl_drop_down_fill_on_popup (GtkDropDown *dropdown, SlDropDownFill fill, gpointer data)
{
  GtkWidget *popover = find_child (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER);
  Fill *closure;

  g_return_if_fail (popover != NULL && gtk_widget_get_parent (popover) == GTK_WIDGET (dropdown));

  closure = g_new (Fill, 1);
  closure->fill = fill;
  closure->data = data;
  g_signal_connect_data (popover, "show", G_CALLBACK (fill_on_show_cb), closure,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
}

/* Marks @widget as holding a value that was not saved, with @message as tooltip and accessible
 * description, and clears the mark from the widget in *@marked before it; @widget NULL only
 * clears. *@marked follows the marked widget. */
void
sl_widget_mark_invalid (GtkWidget **marked, GtkWidget *widget, const char *message)
{
  if (*marked != NULL && *marked != widget)
    {
      gtk_widget_remove_css_class (*marked, "error");
      gtk_widget_set_tooltip_text (*marked, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (*marked), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  *marked = widget;
  if (widget == NULL)
    return;
  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
}

static void
spinner_mapped_cb (GtkWidget *spinner)
{
  gtk_spinner_start (GTK_SPINNER (spinner));
}

static void
spinner_unmapped_cb (GtkWidget *spinner)
{
  gtk_spinner_stop (GTK_SPINNER (spinner));
}

/* A spinner spins only while it is on screen. One spinning in a page that is not shown still
 * animates its style, and the window then paints sixty frames a second for nothing. Show the
 * spinner (or its page) while loading and hide it after; never start it by hand. */
void
sl_spinner_spin_while_mapped (GtkWidget *spinner)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));

  gtk_spinner_set_spinning (GTK_SPINNER (spinner), gtk_widget_get_mapped (spinner));
  g_signal_connect (spinner, "map", G_CALLBACK (spinner_mapped_cb), NULL);
  g_signal_connect (spinner, "unmap", G_CALLBACK (spinner_unmapped_cb), NULL);
}

/* The local path a file chooser answered with, or NULL: cancelled, or a place not on this
 * computer (said in a toast on @widget with @not_local). The chooser is destroyed. */
char *
sl_file_chooser_take_path (GtkNativeDialog *chooser, int response, GtkWidget *widget,
                           const char *not_local)
{
  g_autoptr (GFile) file = NULL;
  char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL && path == NULL)
    sl_widget_toast (widget, not_local);
  return path;
}

/* A save was refused because someone else saved first (@message says who and when, e.g.
 * "Changed by Ana Lima a moment ago"); the form now shows their values. @clashed: both changed
 * the same field, and theirs was kept; otherwise the user's own changes were saved over them. */
void
sl_widget_toast_conflict (GtkWidget *widget, const char *message, gboolean clashed)
{
  g_autofree char *text = NULL;

  if (clashed)
    /* Translators: %s says who changed it and when, e.g. "Changed by Ana Lima a moment ago" */
    text =
      g_strdup_printf (_ ("%s. Their value is shown where you both changed a field."), message);
  else
    /* Translators: %s says who changed it and when, e.g. "Changed by Ana Lima a moment ago" */
    text = g_strdup_printf (_ ("%s. Their changes are shown, and yours are saved."), message);
  sl_widget_toast (widget, text);
}

/* A name edited apart from where it is shown: the label showing it can wrap, which a one-line
 * field cannot. The field is in a popover: Enter or the button applies, Escape cancels, and the
 * menu button takes the focus back either way. */
typedef struct
{
  char *name;
  char *field_label;
  char *apply_label;
  SlNameAppliedFunc applied;
  gpointer data;
  GtkWidget *entry;
} NameButton;

static void
name_button_free (gpointer data)
{
  NameButton *name = data;

  g_free (name->name);
  g_free (name->field_label);
  g_free (name->apply_label);
  g_free (name);
}

static NameButton *
name_button (GtkMenuButton *button)
{
  return g_object_get_data (G_OBJECT (button), "sl-name-button");
}

typedef struct
{
  GtkMenuButton *button;
  char *text;
} NameApplied;

static gboolean
name_applied_cb (gpointer data)
{
  NameApplied *applied = data;
  NameButton *name = name_button (applied->button);

  /* Unless its row went meanwhile */
  if (gtk_widget_get_root (GTK_WIDGET (applied->button)) != NULL)
    name->applied (GTK_WIDGET (applied->button), applied->text, name->data);
  g_object_unref (applied->button);
  g_free (applied->text);
  g_free (applied);
  return G_SOURCE_REMOVE;
}

/* The popover closes at once; the name is applied once the event that applied it is handled:
 * what is applied may rebuild the row the button is in, and with it the popover, which must not
 * go while GTK still delivers an event to it */
static void
name_apply_cb (GtkWidget *source, GtkMenuButton *button)
{
  NameButton *name = name_button (button);
  NameApplied *applied = g_new0 (NameApplied, 1);

  applied->button = g_object_ref (button);
  applied->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (name->entry)));
  gtk_menu_button_popdown (button);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, name_applied_cb, applied, NULL);
}

/* Built the first time it opens; the field starts from the name each time */
static void
name_popup_cb (GtkMenuButton *button, gpointer data)
{
  NameButton *name = name_button (button);

  if (name->entry == NULL)
    {
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *apply = gtk_button_new_with_mnemonic (name->apply_label);

      name->entry = gtk_entry_new ();
      gtk_widget_set_hexpand (name->entry, TRUE);
      /* Wide enough for most names at once; a longer one scrolls while it is edited */
      gtk_editable_set_width_chars (GTK_EDITABLE (name->entry), 28);
      gtk_accessible_update_property (GTK_ACCESSIBLE (name->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name->field_label, -1);
      g_signal_connect (name->entry, "activate", G_CALLBACK (name_apply_cb), button);
      gtk_widget_add_css_class (apply, "suggested-action");
      g_signal_connect (apply, "clicked", G_CALLBACK (name_apply_cb), button);
      gtk_box_append (GTK_BOX (box), name->entry);
      gtk_box_append (GTK_BOX (box), apply);
      gtk_popover_set_child (GTK_POPOVER (popover), box);
      gtk_menu_button_set_popover (button, popover);
    }
  gtk_editable_set_text (GTK_EDITABLE (name->entry), name->name);
}

/* A button with @icon_name, named @label, that opens a field named @field_label to edit a name
 * in, with its button @apply_label (with a mnemonic); @applied is called with the text applied */
GtkWidget *
sl_name_button_new (const char *icon_name, const char *label, const char *field_label,
                    const char *apply_label, SlNameAppliedFunc applied, gpointer data)
{
  GtkWidget *button = gtk_menu_button_new ();
  NameButton *name = g_new0 (NameButton, 1);

  name->name = g_strdup ("");
  name->field_label = g_strdup (field_label);
  name->apply_label = g_strdup (apply_label);
  name->applied = applied;
  name->data = data;
  g_object_set_data_full (G_OBJECT (button), "sl-name-button", name, name_button_free);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), name_popup_cb, NULL, NULL);
  return button;
}

/* What the field of @button, from sl_name_button_new(), starts with when it opens */
void
sl_name_button_set_name (GtkWidget *button, const char *text)
{
  NameButton *name = name_button (GTK_MENU_BUTTON (button));

  g_free (name->name);
  name->name = g_strdup (text);
}

static void
name_row_activated_cb (AdwActionRow *row, GtkMenuButton *button)
{
  gtk_menu_button_popup (button);
}

/* @row shows a name, its title wrapping however long the name, and @button at its end edits
 * it: activating the row opens it too */
void
sl_name_button_add_to_row (GtkWidget *button, AdwActionRow *row)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (row, 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (name_row_activated_cb), button, 0);
  adw_action_row_add_suffix (row, button);
}
