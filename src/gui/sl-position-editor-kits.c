/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-position-editor-kits.c — the position editor's interview kits: what each kind of interview
 * rates, by category. Rename, reorder, add and remove attributes and categories, or go back to
 * the playbook's kit.
 *
 * Split from sl-position-editor.c by concern; the two share SlPositionEditor's struct through
 * sl-position-editor-private.h. Every change is saved at once; scorecards already started keep
 * the kit they were built from (the core sees to that).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-fold.h"
#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-option.h"
#include "sl-position-editor-private.h"
#include "sl-vocab.h"
#include "sl-widgets.h"

static const char *
kit_kind (SlPositionEditor *self)
{
  SlOption *option = adw_combo_row_get_selected_item (self->kit_kind_row);

  return option ? sl_option_get_id (option) : "technical";
}

/* A new id from a name, unique in the kit: “Can work EU hours” → “can-work-eu-hours” */
static char *
new_id (SlPositionEditor *self, const char *name, gboolean category)
{
  g_autofree char *latin = sl_fold_latin (name);
  GString *id = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->kit));
  g_autofree char *base = NULL;
  char *candidate;

  for (const char *p = latin; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, category ? "category" : "attribute");
  base = g_string_free (id, FALSE);
  candidate = g_strdup (base);
  for (int suffix = 2;; suffix++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < n && !taken; i++)
        {
          g_autoptr (SlKitItem) item = g_list_model_get_item (G_LIST_MODEL (self->kit), i);
          taken = g_str_equal (category ? sl_kit_item_get_category_id (item)
                                        : sl_kit_item_get_attribute_id (item),
                               candidate);
        }
      if (!taken)
        return candidate;
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%d", base, suffix);
    }
}

static GtkWidget *
find_button (GtkWidget *widget, const char *what)
{
  const char *tag = g_object_get_data (G_OBJECT (widget), "sl-what");

  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) && tag != NULL &&
      g_str_equal (tag, what))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, what);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* After the rows are built again, the focus goes back where the user was: the same button of
 * the item's row when it can still be pressed, else the row */
static gboolean
reload_idle (gpointer data)
{
  SlPositionEditor *self = data;

  self->kit_reload_source = 0;
  sl_position_editor_load_kits (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->kit_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *button;

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sl-index")) !=
            self->kit_focus_index ||
          (g_object_get_data (G_OBJECT (row), "sl-header") != NULL) != self->kit_focus_header)
        continue;
      button = self->kit_focus_what ? find_button (row, self->kit_focus_what) : NULL;
      /* At the top or bottom now: the other way, which can still be pressed */
      if (button != NULL && !gtk_widget_is_sensitive (button))
        button = find_button (row, g_str_equal (self->kit_focus_what, "up")     ? "down"
                                   : g_str_equal (self->kit_focus_what, "down") ? "up"
                                                                                : "");
      if (button != NULL && gtk_widget_is_sensitive (button))
        gtk_widget_grab_focus (button);
      else
        gtk_widget_grab_focus (row);
      break;
    }
  return G_SOURCE_REMOVE;
}

/* Saves the kit as it now is and shows it again once the signal that led here is over (the
 * rows and buttons that emitted it are rebuilt), with the focus on item @focus_index */
static void
save_kit (SlPositionEditor *self, guint focus_index, gboolean focus_header, const char *focus_what)
{
  g_autoptr (GError) error = NULL;

  if (!sl_store_save_kit (self->store, self->position, kit_kind (self), G_LIST_MODEL (self->kit),
                          &error))
    sl_position_editor_refused (self, error);
  self->kit_focus_index = focus_index;
  self->kit_focus_header = focus_header;
  self->kit_focus_what = focus_what;
  if (self->kit_reload_source == 0)
    self->kit_reload_source = g_idle_add (reload_idle, self);
}

/* The range [first, last) of the kit's items in the category of item @index */
static void
category_range (SlPositionEditor *self, guint index, guint *first, guint *last)
{
  g_autoptr (SlKitItem) item = g_list_model_get_item (G_LIST_MODEL (self->kit), index);
  const char *category = sl_kit_item_get_category_id (item);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->kit));

  *first = index;
  *last = index + 1;
  while (*first > 0)
    {
      g_autoptr (SlKitItem) before = g_list_model_get_item (G_LIST_MODEL (self->kit), *first - 1);
      if (!g_str_equal (sl_kit_item_get_category_id (before), category))
        break;
      (*first)--;
    }
  while (*last < n)
    {
      g_autoptr (SlKitItem) after = g_list_model_get_item (G_LIST_MODEL (self->kit), *last);
      if (!g_str_equal (sl_kit_item_get_category_id (after), category))
        break;
      (*last)++;
    }
}

/* Moves items [first, last) — one attribute within its category, or a @whole category past
 * its neighbour — by one place, @direction −1 or 1. Returns where they start now. */
static guint
move_block (SlPositionEditor *self, guint first, guint last, gboolean whole, int direction)
{
  GListModel *kit = G_LIST_MODEL (self->kit);
  guint n = g_list_model_get_n_items (kit);
  g_autoptr (GPtrArray) block = g_ptr_array_new_with_free_func (g_object_unref);
  guint other_first, other_last, target;

  if ((direction < 0 && first == 0) || (direction > 0 && last >= n))
    return first;
  for (guint i = first; i < last; i++)
    g_ptr_array_add (block, g_list_model_get_item (kit, i));
  g_list_store_splice (self->kit, first, last - first, NULL, 0);
  if (direction < 0)
    {
      category_range (self, first - 1, &other_first, &other_last);
      target = whole ? other_first : first - 1;
    }
  else
    {
      category_range (self, first, &other_first, &other_last);
      target = whole ? other_last : first + 1;
    }
  g_list_store_splice (self->kit, target, 0, block->pdata, block->len);
  return target;
}

static void
row_button_cb (GtkButton *button, SlPositionEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  const char *what = g_object_get_data (G_OBJECT (button), "sl-what");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sl-index"));
  gboolean header = g_object_get_data (G_OBJECT (row), "sl-header") != NULL;
  guint first = index, last = index + 1, focus = index;

  if (header)
    category_range (self, index, &first, &last);
  else
    {
      guint category_first, category_last;

      /* An attribute moves within its category */
      category_range (self, index, &category_first, &category_last);
      if ((g_str_equal (what, "up") && index == category_first) ||
          (g_str_equal (what, "down") && index + 1 == category_last))
        return;
    }
  if (g_str_equal (what, "up"))
    focus = move_block (self, first, last, header, -1);
  else if (g_str_equal (what, "down"))
    focus = move_block (self, first, last, header, 1);
  else if (g_str_equal (what, "remove"))
    {
      g_list_store_splice (self->kit, first, last - first, NULL, 0);
      focus = first > 0 ? first - 1 : 0;
      header = FALSE;
      what = NULL;
    }
  else if (g_str_equal (what, "add"))
    {
      g_autoptr (SlKitItem) item = g_list_model_get_item (G_LIST_MODEL (self->kit), index);
      g_autofree char *name = g_strdup (_ ("New attribute"));
      g_autofree char *id = new_id (self, name, FALSE);
      g_autoptr (SlKitItem) added = sl_kit_item_new (
        sl_kit_item_get_category_id (item), sl_kit_item_get_category_name (item), id, name);

      category_range (self, index, &first, &last);
      g_list_store_insert (self->kit, last, added);
      /* Straight to its Rename button */
      focus = last;
      header = FALSE;
      what = "rename";
    }
  save_kit (self, focus, header, what);
}

static void
row_renamed_cb (GtkWidget *button, const char *name, gpointer data)
{
  SlPositionEditor *self = data;
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "sl-index"));
  gboolean header = g_object_get_data (G_OBJECT (row), "sl-header") != NULL;
  g_autofree char *text = g_strstrip (g_strdup (name));
  guint first = index, last = index + 1;

  if (header)
    category_range (self, index, &first, &last);
  for (guint i = first; i < last; i++)
    {
      g_autoptr (SlKitItem) item = g_list_model_get_item (G_LIST_MODEL (self->kit), i);
      g_autoptr (SlKitItem) renamed = NULL;

      /* A built-in name given back keeps following the user's language */
      if (header)
        renamed = sl_kit_item_new (
          sl_kit_item_get_category_id (item),
          g_str_equal (text, sl_kit_category_label (sl_kit_item_get_category_id (item), NULL))
            ? NULL
            : text,
          sl_kit_item_get_attribute_id (item), sl_kit_item_get_attribute_name (item));
      else
        renamed = sl_kit_item_new (
          sl_kit_item_get_category_id (item), sl_kit_item_get_category_name (item),
          sl_kit_item_get_attribute_id (item),
          g_str_equal (text, sl_kit_attribute_label (sl_kit_item_get_attribute_id (item), NULL))
            ? NULL
            : text);
      g_list_store_splice (self->kit, i, 1, (gpointer *) &renamed, 1);
    }
  save_kit (self, index, header, "rename");
}

static GtkWidget *
row_button (SlPositionEditor *self, const char *what, const char *icon, const char *label,
            gboolean sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "sl-what", (gpointer) what);
  g_signal_connect (button, "clicked", G_CALLBACK (row_button_cb), self);
  return button;
}

/* A row of the kit: its name as a title that wraps, however long it is in the user's
 * language, and the buttons that rename, move and remove it */
static GtkWidget *
kit_row (SlPositionEditor *self, guint index, gboolean header, const char *label, guint first,
         guint last, guint n)
{
  GtkWidget *row = adw_action_row_new ();
  /* Translators: the button that opens a field to rename it, and the field's button */
  GtkWidget *rename = sl_name_button_new ("document-edit-symbolic", _ ("Rename"), _ ("Name"),
                                          _ ("_Rename"), row_renamed_cb, self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  g_object_set_data (G_OBJECT (rename), "sl-what", (gpointer) "rename");
  sl_name_button_set_name (rename, label);
  sl_name_button_add_to_row (rename, ADW_ACTION_ROW (row));
  g_object_set_data (G_OBJECT (row), "sl-index", GUINT_TO_POINTER (index));
  if (header)
    {
      /* Translators: below a kit's category's name, in the list of categories and attributes */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ ("Category"));
      g_object_set_data (G_OBJECT (row), "sl-header", GINT_TO_POINTER (1));
      gtk_widget_add_css_class (row, "kit-category");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (self, "add", "list-add-symbolic",
                                                                   _ ("Add an attribute"), TRUE));
      adw_action_row_add_suffix (
        ADW_ACTION_ROW (row),
        row_button (self, "up", "go-up-symbolic", _ ("Move the category up"), first > 0));
      adw_action_row_add_suffix (
        ADW_ACTION_ROW (row),
        row_button (self, "down", "go-down-symbolic", _ ("Move the category down"), last < n));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "remove", "user-trash-symbolic",
                                             _ ("Remove the category"), first > 0 || last < n));
    }
  else
    {
      /* An attribute sits under its category */
      gtk_widget_set_margin_start (gtk_widget_get_first_child (row), 24);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (self, "up", "go-up-symbolic",
                                                                   _ ("Move up"), index > first));
      adw_action_row_add_suffix (
        ADW_ACTION_ROW (row),
        row_button (self, "down", "go-down-symbolic", _ ("Move down"), index + 1 < last));
      adw_action_row_add_suffix (
        ADW_ACTION_ROW (row),
        row_button (self, "remove", "user-trash-symbolic", _ ("Remove the attribute"), n > 1));
    }
  return row;
}

/* Shows the position's kit for the chosen kind of interview */
void
sl_position_editor_load_kits (SlPositionEditor *self)
{
  g_autoptr (GListModel) kit = NULL;
  g_autoptr (GError) error = NULL;
  gboolean customized = FALSE;
  GtkWidget *row;
  guint n;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->kit_list))) != NULL)
    gtk_list_box_remove (self->kit_list, row);
  g_list_store_remove_all (self->kit);
  if (self->position == NULL || sl_position_get_id (self->position) == 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->kit_group), FALSE);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->kit_group), TRUE);
  kit = sl_store_get_kit (self->store, sl_position_get_id (self->position), kit_kind (self),
                          &customized, &error);
  if (kit == NULL)
    {
      sl_position_editor_toast (self, error->message);
      return;
    }
  n = g_list_model_get_n_items (kit);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlKitItem) item = g_list_model_get_item (kit, i);
      g_list_store_append (self->kit, item);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlKitItem) item = g_list_model_get_item (kit, i);
      guint first, last;

      category_range (self, i, &first, &last);
      if (i == first)
        gtk_list_box_append (
          self->kit_list,
          kit_row (self, i, TRUE, sl_kit_item_get_category_label (item), first, last, n));
      gtk_list_box_append (
        self->kit_list,
        kit_row (self, i, FALSE, sl_kit_item_get_attribute_label (item), first, last, n));
    }
  adw_action_row_set_subtitle (self->kit_status_row,
                               customized ? _ ("This position’s own kit")
                                          : _ ("The playbook’s kit, as every position starts"));
  gtk_widget_set_sensitive (self->kit_reset_button, customized);
}

static void
new_category_cb (GtkWidget *button, const char *text, gpointer data)
{
  SlPositionEditor *self = data;
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autofree char *category = NULL;
  g_autofree char *attribute_name = g_strdup (_ ("New attribute"));
  g_autofree char *attribute = NULL;
  g_autoptr (SlKitItem) item = NULL;

  if (*name == '\0' || self->position == NULL)
    return;
  category = new_id (self, name, TRUE);
  attribute = new_id (self, attribute_name, FALSE);
  item = sl_kit_item_new (category, name, attribute, attribute_name);
  g_list_store_append (self->kit, item);
  /* On to naming its first attribute */
  save_kit (self, g_list_model_get_n_items (G_LIST_MODEL (self->kit)) - 1, FALSE, "rename");
}

static void
reset_cb (SlPositionEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (!sl_store_reset_kit (self->store, self->position, kit_kind (self), &error))
    sl_position_editor_refused (self, error);
  sl_position_editor_load_kits (self);
}

/* Builds the “Interview kits” group at the end of the editor's page */
void
sl_position_editor_init_kits (SlPositionEditor *self)
{
  g_autoptr (GListModel) kinds = sl_vocab_model (SL_VOCAB_INTERVIEW_KIND, NULL);
  GtkWidget *choose = gtk_list_box_new ();
  GtkWidget *add = gtk_list_box_new ();

  self->kit = g_list_store_new (SL_TYPE_KIT_ITEM);
  self->kit_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->kit_group, _ ("Interview Kits"));
  adw_preferences_group_set_description (
    self->kit_group, _ ("What the scorecards of each kind of interview rate, by category. "
                        "Scorecards already started keep the kit they began with."));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (choose), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (choose, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Interview kit"), -1);
  self->kit_kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kit_kind_row), _ ("Kind of interview"));
  sl_combo_set_options (G_OBJECT (self->kit_kind_row), g_object_ref (kinds));
  adw_combo_row_set_selected (self->kit_kind_row, sl_option_find (kinds, "technical"));
  g_signal_connect_swapped (self->kit_kind_row, "notify::selected",
                            G_CALLBACK (sl_position_editor_load_kits), self);
  gtk_list_box_append (GTK_LIST_BOX (choose), GTK_WIDGET (self->kit_kind_row));
  self->kit_status_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kit_status_row), _ ("Kit"));
  self->kit_reset_button = gtk_button_new_with_mnemonic (_ ("_Reset"));
  gtk_widget_set_valign (self->kit_reset_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->kit_reset_button, _ ("Go back to the playbook’s kit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kit_reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _ ("Go back to the playbook’s kit"), -1);
  g_signal_connect_swapped (self->kit_reset_button, "clicked", G_CALLBACK (reset_cb), self);
  adw_action_row_add_suffix (self->kit_status_row, self->kit_reset_button);
  gtk_list_box_append (GTK_LIST_BOX (choose), GTK_WIDGET (self->kit_status_row));
  adw_preferences_group_add (self->kit_group, choose);

  self->kit_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->kit_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->kit_list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->kit_list), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kit_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Categories and attributes"), -1);
  adw_preferences_group_add (self->kit_group, GTK_WIDGET (self->kit_list));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (add), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (add, "boxed-list");
  gtk_widget_set_margin_top (add, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("New category"), -1);
  self->new_category_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_category_row), _ ("New category"));
  sl_name_button_add_to_row (sl_name_button_new ("list-add-symbolic", _ ("New category"),
                                                 _ ("Name"), _ ("_Add"), new_category_cb, self),
                             self->new_category_row);
  gtk_list_box_append (GTK_LIST_BOX (add), GTK_WIDGET (self->new_category_row));
  adw_preferences_group_add (self->kit_group, add);

  adw_preferences_page_add (self->page, self->kit_group);
}
