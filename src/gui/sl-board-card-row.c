/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-board-card-row.c — one card on the pipeline board: who, from where, how long at this stage
 *
 * Cards are recycled by the column's list view, so a card row follows whichever application it
 * is given. It is the focusable part of the list item, so a screen reader hears its whole
 * label, and it is where a drag starts: the drag carries the application id.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-board-card-row.h"
#include "sl-countries.h"
#include "sl-vocab.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

struct _SlBoardCardRow
{
  GtkWidget parent_instance;

  SlBoardCard *card;

  GtkWidget *box;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkLabel *days_label;
};

G_DEFINE_FINAL_TYPE (SlBoardCardRow, sl_board_card_row, GTK_TYPE_WIDGET)

/* “Today”, or whole days since @since; a clock set back never gives a negative count */
char *
sl_board_card_row_days_in_stage (gint64 since, gint64 now)
{
  gint64 days = MAX (now - since, 0) / SECONDS_PER_DAY;
  int n = (int) MIN (days, G_MAXINT);

  if (n == 0)
    /* Translators: on a board card, for a candidate who reached this stage today */
    return g_strdup (_ ("Today"));
  /* Translators: on a board card, how long the candidate has been at this stage */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day in stage", "%d days in stage", n),
                          n);
}

static void
update (SlBoardCardRow *self)
{
  const char *country;
  const char *seniority;
  g_autofree char *details = NULL;
  g_autofree char *days = NULL;
  g_autofree char *accessible = NULL;
  GPtrArray *parts;

  country = sl_countries_name (sl_board_card_get_country (self->card));
  seniority = sl_vocab_label (SL_VOCAB_SENIORITY, sl_board_card_get_seniority (self->card));
  days = sl_board_card_row_days_in_stage (sl_board_card_get_since (self->card),
                                          g_get_real_time () / G_USEC_PER_SEC);

  if (*country && *seniority)
    /* Translators: a board card's details: the country, then the seniority, e.g. “Poland · Senior” */
    details = g_strdup_printf (C_ ("board card details", "%s · %s"), country, seniority);
  else
    details = g_strdup (*country ? country : seniority);

  gtk_label_set_label (self->name_label, sl_board_card_get_name (self->card));
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
  gtk_label_set_label (self->days_label, days);

  parts = g_ptr_array_new ();
  g_ptr_array_add (parts, (gpointer) sl_board_card_get_name (self->card));
  if (*country)
    g_ptr_array_add (parts, (gpointer) country);
  if (*seniority)
    g_ptr_array_add (parts, (gpointer) seniority);
  g_ptr_array_add (parts, days);
  g_ptr_array_add (parts, NULL);
  accessible = g_strjoinv (", ", (char **) parts->pdata);
  g_ptr_array_unref (parts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

SlBoardCard *
sl_board_card_row_get_card (SlBoardCardRow *self)
{
  g_return_val_if_fail (SL_IS_BOARD_CARD_ROW (self), NULL);
  return self->card;
}

void
sl_board_card_row_set_card (SlBoardCardRow *self, SlBoardCard *card)
{
  g_return_if_fail (SL_IS_BOARD_CARD_ROW (self));

  if (!g_set_object (&self->card, card) || card == NULL)
    return;
  update (self);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, SlBoardCardRow *self)
{
  GValue value = G_VALUE_INIT;
  GdkContentProvider *content;

  if (self->card == NULL)
    return NULL;
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, sl_board_card_get_application_id (self->card));
  content = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  return content;
}

static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, SlBoardCardRow *self)
{
  g_autoptr (GdkPaintable) live = gtk_widget_paintable_new (GTK_WIDGET (self));
  /* A still image: the row may be recycled for another card while the drag goes on */
  g_autoptr (GdkPaintable) still = gdk_paintable_get_current_image (live);
  double x = 0, y = 0;

  gtk_gesture_get_point (GTK_GESTURE (source), NULL, &x, &y);
  gtk_drag_source_set_icon (source, still, (int) x, (int) y);
}

static void
sl_board_card_row_dispose (GObject *object)
{
  SlBoardCardRow *self = SL_BOARD_CARD_ROW (object);

  g_clear_object (&self->card);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_BOARD_CARD_ROW);

  G_OBJECT_CLASS (sl_board_card_row_parent_class)->dispose (object);
}

static void
sl_board_card_row_class_init (SlBoardCardRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_board_card_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-board-card-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SlBoardCardRow, box);
  gtk_widget_class_bind_template_child (widget_class, SlBoardCardRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, SlBoardCardRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, SlBoardCardRow, days_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sl_board_card_row_init (SlBoardCardRow *self)
{
  GtkDragSource *source;

  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

SlBoardCardRow *
sl_board_card_row_new (void)
{
  return g_object_new (SL_TYPE_BOARD_CARD_ROW, NULL);
}
