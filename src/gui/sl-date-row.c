/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-date-row.c — date fields: typed in ISO or the locale's order, or picked from a calendar
 *
 * A date is stored as ISO 8601 (“2026-12-31”). People type it as their locale writes dates
 * (“31.12.2026”, “12/31/2026”) or as ISO, or pick it from the calendar the row's button opens;
 * the field shows dates in the locale's form (sl_time_format_numeric_date()) and is read back
 * through sl_date_text_to_iso().
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-date-row.h"
#include "sl-time.h"

/* The ISO date @text gives, "" for an empty field, NULL for something that is no date */
char *
sl_date_text_to_iso (const char *text)
{
  int year, month, day;
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (*trimmed == '\0')
    return g_strdup ("");
  if (!sl_time_parse_date (trimmed, &year, &month, &day))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* What to tell someone who typed @text where a date goes */
char *
sl_date_not_a_date_message (const char *text)
{
  g_autofree char *example = sl_time_date_example ();

  /* Translators: %s is what was typed, then an example date in the user's own format */
  return g_strdup_printf (_ ("“%s” is not a date: type it like %s or 2026-12-31, or pick it from "
                             "the calendar"),
                          text, example);
}

static void
day_selected_cb (GtkCalendar *calendar, AdwEntryRow *row)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (g_object_get_data (G_OBJECT (calendar), "sl-syncing") != NULL)
    return;
  date = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  {
    g_autofree char *shown = sl_time_format_numeric_date (iso);

    gtk_editable_set_text (GTK_EDITABLE (row), shown);
  }
  gtk_popover_popdown (
    GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
  /* A row with an apply button applies the picked date as it would a typed one */
  if (adw_entry_row_get_show_apply_button (row))
    g_signal_emit_by_name (row, "apply");
}

/* The calendar opens on the date the field holds, else on today */
static void
popover_show_cb (GtkPopover *popover, AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *iso = sl_date_text_to_iso (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr (GDateTime) date = NULL;
  int year, month, day;

  if (iso != NULL && sl_time_parse_date (iso, &year, &month, &day))
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  else
    date = g_date_time_new_now_local ();
  g_object_set_data (G_OBJECT (calendar), "sl-syncing", GINT_TO_POINTER (TRUE));
  gtk_calendar_select_day (calendar, date);
  g_object_set_data (G_OBJECT (calendar), "sl-syncing", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (calendar));
}

/* A button at the end of @row that opens a calendar to pick the date from */
void
sl_date_row_add_calendar (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _ ("Pick a date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Pick a date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), row, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_selected_cb), row, 0);
  adw_entry_row_add_suffix (row, button);
}
