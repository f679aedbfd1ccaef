/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-a11y.h — what GTK 4.8 and libadwaita 1.2 tell a screen reader, corrected in one place */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sl_a11y_install (void);
void sl_a11y_set_label (GtkWidget *widget, const char *label);
void sl_a11y_name_group_list (GtkWidget *group, const char *label);

G_END_DECLS
