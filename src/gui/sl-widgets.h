/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-widgets.h — small behaviours shared by Shortlist's forms */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void sl_spin_button_scroll_passes (GtkSpinButton *spin);
void sl_widget_toast (GtkWidget *widget, const char *message);
char *sl_file_chooser_take_path (GtkNativeDialog *chooser, int response, GtkWidget *widget,
                                 const char *not_local);
guint sl_option_find (GListModel *options, const char *id);
void sl_combo_set_options (GObject *combo, GListModel *options);
void sl_drop_down_wrap (GtkDropDown *dropdown, int max_chars);
void sl_drop_down_searchable (GtkDropDown *dropdown);
typedef void (*SlDropDownFill) (GtkDropDown *dropdown, gpointer data);
void sl_drop_down_fill_on_popup (GtkDropDown *dropdown, SlDropDownFill fill, gpointer data);

void sl_spinner_spin_while_mapped (GtkWidget *spinner);

void sl_widget_mark_invalid (GtkWidget **marked, GtkWidget *widget, const char *message);

void sl_widget_toast_conflict (GtkWidget *widget, const char *message, gboolean clashed);

typedef void (*SlNameAppliedFunc) (GtkWidget *button, const char *name, gpointer data);
GtkWidget *sl_name_button_new (const char *icon_name, const char *label, const char *field_label,
                               const char *apply_label, SlNameAppliedFunc applied, gpointer data);
void sl_name_button_set_name (GtkWidget *button, const char *name);
void sl_name_button_add_to_row (GtkWidget *button, AdwActionRow *row);

G_END_DECLS
