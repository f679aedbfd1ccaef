/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-position-editor-stages.c — the position editor's pipeline section: rename, reorder, hide, add
 *
 * Split from sl-position-editor.c by concern; the two share SlPositionEditor's struct through
 * sl-position-editor-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-position-editor-private.h"
#include "sl-store-positions.h"
#include "sl-stage-column.h"
#include "sl-widgets.h"

/* Saves the stages as the rows show them, @move_index's moved by @direction (if not -1). FALSE
 * if the rows were built again (a move, or a save refused) */
static gboolean
save_stages (SlPositionEditor *self, int move_index, int direction)
{
  g_autoptr (GListStore) columns = g_list_store_new (SL_TYPE_STAGE_COLUMN);
  g_autoptr (GError) error = NULL;
  GtkWidget *row;
  int index = 0;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->stages_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *id = g_object_get_data (G_OBJECT (row), "sl-stage");
      GtkSwitch *shown = g_object_get_data (G_OBJECT (row), "sl-shown");
      g_autoptr (SlStageColumn) column = NULL;

      if (id == NULL)
        continue;
      column = sl_stage_column_new (id, g_object_get_data (G_OBJECT (row), "sl-name"), index++,
                                    !gtk_switch_get_active (shown));
      g_list_store_append (columns, column);
    }
  if (move_index >= 0)
    {
      int target = move_index + direction;
      g_autoptr (SlStageColumn) moved =
        g_list_model_get_item (G_LIST_MODEL (columns), (guint) move_index);

      if (target < 0 || target >= (int) g_list_model_get_n_items (G_LIST_MODEL (columns)))
        return TRUE;
      g_list_store_remove (columns, (guint) move_index);
      g_list_store_insert (columns, (guint) target, moved);
    }
  if (!sl_store_save_position_stages (self->store, self->position, G_LIST_MODEL (columns), &error))
    sl_position_editor_refused (self, error);
  if (move_index < 0 && error == NULL)
    return TRUE;
  sl_position_editor_load_stages (self);
  return FALSE;
}

static void
stage_edited_cb (SlPositionEditor *self)
{
  if (!self->loading)
    save_stages (self, -1, 0);
}

static void
stage_move_cb (GtkButton *button, SlPositionEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int direction = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sl-direction"));

  save_stages (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), direction);
}

static GtkWidget *
stage_button (SlPositionEditor *self, const char *icon, const char *label, int direction)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "sl-direction", GINT_TO_POINTER (direction));
  g_signal_connect (button, "clicked", G_CALLBACK (stage_move_cb), self);
  return button;
}

/* The stage renamed is shown again as the store has it (a name given back empty is the default
 * one), in the same row: the row, its Rename button and that button's popover stay, and so does
 * the keyboard on the button */
static void
stage_renamed_cb (GtkWidget *button, const char *name, gpointer data)
{
  SlPositionEditor *self = data;
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  const char *id = g_object_get_data (G_OBJECT (row), "sl-stage");
  g_autoptr (GListModel) stages = NULL;
  guint n;

  g_object_set_data_full (G_OBJECT (row), "sl-name", g_strstrip (g_strdup (name)), g_free);
  if (!save_stages (self, -1, 0))
    return;
  stages =
    sl_store_list_position_stages (self->store, sl_position_get_id (self->position), TRUE, NULL);
  n = stages ? g_list_model_get_n_items (stages) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (stages, i);
      const char *shown = sl_stage_column_get_name (column);

      if (!g_str_equal (sl_stage_column_get_id (column), id))
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown);
      sl_name_button_set_name (button, shown);
      g_object_set_data_full (G_OBJECT (row), "sl-name", g_strdup (shown), g_free);
    }
  gtk_widget_grab_focus (button);
}

void
sl_position_editor_load_stages (SlPositionEditor *self)
{
  g_autoptr (GListModel) stages = NULL;
  GtkWidget *row;
  guint n;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->stages_list))) != NULL)
    gtk_list_box_remove (self->stages_list, row);
  if (self->position == NULL || sl_position_get_id (self->position) == 0)
    return;
  stages =
    sl_store_list_position_stages (self->store, sl_position_get_id (self->position), TRUE, NULL);
  n = stages ? g_list_model_get_n_items (stages) : 0;
  self->loading = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlStageColumn) column = g_list_model_get_item (stages, i);
      const char *id = sl_stage_column_get_id (column);
      GtkWidget *entry = adw_action_row_new ();
      GtkWidget *shown = gtk_switch_new ();
      /* Translators: the button that opens a field to rename it, and the field's button */
      GtkWidget *rename = sl_name_button_new ("document-edit-symbolic", _ ("Rename"), _ ("Name"),
                                              _ ("_Rename"), stage_renamed_cb, self);
      /* Translators: the stage's place in the pipeline, below its name */
      g_autofree char *place = g_strdup_printf (_ ("Stage %u"), i + 1);

      /* The name wraps, however long it is in the user's language */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry),
                                     sl_stage_column_get_name (column));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (entry), place);
      sl_name_button_set_name (rename, sl_stage_column_get_name (column));
      sl_name_button_add_to_row (rename, ADW_ACTION_ROW (entry));
      g_object_set_data_full (G_OBJECT (entry), "sl-name",
                              g_strdup (sl_stage_column_get_name (column)), g_free);
      g_object_set_data (G_OBJECT (entry), "sl-rename", rename);
      gtk_switch_set_active (GTK_SWITCH (shown), !sl_stage_column_get_hidden (column));
      gtk_widget_set_valign (shown, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (shown, _ ("Show this stage"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Show this stage"), -1);
      {
        /* Hired stays last: it does not move, and nothing moves below it */
        gboolean is_hired = g_str_equal (id, "hired");
        GtkWidget *up = stage_button (self, "go-up-symbolic", _ ("Move up"), -1);
        GtkWidget *down = stage_button (self, "go-down-symbolic", _ ("Move down"), 1);

        gtk_widget_set_sensitive (up, i > 0 && !is_hired);
        gtk_widget_set_sensitive (down, i + 2 < n && !is_hired);
        gtk_widget_set_sensitive (shown, !is_hired);
        adw_action_row_add_suffix (ADW_ACTION_ROW (entry), up);
        adw_action_row_add_suffix (ADW_ACTION_ROW (entry), down);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (entry), shown);
      g_object_set_data_full (G_OBJECT (entry), "sl-stage", g_strdup (id), g_free);
      g_object_set_data (G_OBJECT (entry), "sl-shown", shown);
      g_signal_connect_swapped (shown, "notify::active", G_CALLBACK (stage_edited_cb), self);
      gtk_list_box_append (self->stages_list, entry);
    }
  self->loading = FALSE;
}

static void
new_stage_cb (GtkWidget *button, const char *name, gpointer data)
{
  SlPositionEditor *self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->position == NULL)
    return;
  id = sl_store_add_stage (self->store, self->position, name, "feedback", &error);
  if (id == NULL)
    {
      sl_position_editor_refused (self, error);
      return;
    }
  sl_position_editor_load_stages (self);
}

/* The row that adds a stage: its title wraps, its button opens the field to name it in */
void
sl_position_editor_init_stages (SlPositionEditor *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->new_stage_row));
  GtkWidget *add =
    sl_name_button_new ("list-add-symbolic", title, _ ("Name"), _ ("_Add"), new_stage_cb, self);

  sl_name_button_add_to_row (add, self->new_stage_row);
}
