/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-row.c — one candidate in the list: name, seniority and stack, country, stage
 *
 * Rows are recycled by the view (SlCandidateView), so the row follows whichever item it is given
 * and updates itself when the item changes: when its texts arrive from the list's batch read,
 * when a new search shows another candidate there, and after the candidate is edited.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-candidate-row.h"
#include "sl-countries.h"
#include "sl-vocab.h"

struct _SlCandidateRow
{
  GtkWidget parent_instance;

  SlCandidateItem *item;
  gulong changed_id;
  int height; /* -1 until measured: the same whatever the row shows */

  GtkWidget *box;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkLabel *country_label;
  GtkLabel *stage_label;
};

G_DEFINE_FINAL_TYPE (SlCandidateRow, sl_candidate_row, GTK_TYPE_WIDGET)

/* What a row asks for: room for a name and a stage, and about 40 characters of a name */
#define MIN_WIDTH 200
#define NATURAL_WIDTH 320

/* A row whose texts are on their way looks like an empty row for the frame or two it takes */
static void
show_placeholder (SlCandidateRow *self)
{
  gtk_label_set_label (self->name_label, "");
  gtk_label_set_label (self->details_label, "");
  gtk_label_set_label (self->country_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), FALSE);
}

static void
update (SlCandidateRow *self)
{
  const char *name;
  const char *seniority;
  const char *stack;
  const char *stage;
  const char *country;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;

  if (self->item == NULL)
    return;
  if (!sl_candidate_item_is_loaded (self->item))
    {
      show_placeholder (self);
      return;
    }

  name = sl_candidate_item_get_name (self->item);
  seniority = sl_vocab_label (SL_VOCAB_SENIORITY, sl_candidate_item_get_seniority (self->item));
  stack = sl_candidate_item_get_stack_name (self->item);
  stage = sl_candidate_item_get_stage (self->item);
  country = sl_countries_name (sl_candidate_item_get_country (self->item));

  if (*seniority && *stack)
    /* Translators: a list row's details: seniority, then the stack, e.g. “Senior · Java” */
    details = g_strdup_printf (C_ ("row details", "%s · %s"), seniority, stack);
  else
    details = g_strdup (*seniority ? seniority : stack);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->country_label, country);
  gtk_label_set_label (self->stage_label, *stage ? sl_vocab_label (SL_VOCAB_STAGE, stage) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), *stage != '\0');

  accessible =
    g_strjoin (", ", name, details, country,
               *stage ? sl_vocab_label (SL_VOCAB_STAGE, stage) : _ ("no application"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

void
sl_candidate_row_set_item (SlCandidateRow *self, SlCandidateItem *item)
{
  g_return_if_fail (SL_IS_CANDIDATE_ROW (self));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_clear_signal_handler (&self->changed_id, self->item);
  g_set_object (&self->item, item);
  if (item == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    {
      self->changed_id =
        g_signal_connect_object (item, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }
}

static void
sl_candidate_row_dispose (GObject *object)
{
  SlCandidateRow *self = SL_CANDIDATE_ROW (object);

  sl_candidate_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_CANDIDATE_ROW);

  G_OBJECT_CLASS (sl_candidate_row_parent_class)->dispose (object);
}

/* Every row has three lines, empty or not, and asks for the same width, so its size never
 * depends on what it shows: a row that fills in or shows another candidate moves nothing, and
 * a long name scrolled into view does not widen the sidebar (and lay out the whole candidate
 * pane again beside it). Its texts are ellipsized to fit. */
static void
sl_candidate_row_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                          int *natural, int *minimum_baseline, int *natural_baseline)
{
  SlCandidateRow *self = SL_CANDIDATE_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }
  if (self->height < 0)
    gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, -1, &self->height, NULL, NULL, NULL);
  *minimum = *natural = self->height;
}

static void
sl_candidate_row_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  SlCandidateRow *self = SL_CANDIDATE_ROW (widget);
  int ignored;

  gtk_widget_measure (self->box, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, NULL, NULL, NULL);
  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, width, &ignored, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->box, &(GtkAllocation){ 0, 0, width, height }, -1);
}

static void
sl_candidate_row_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  SL_CANDIDATE_ROW (widget)->height = -1;
  GTK_WIDGET_CLASS (sl_candidate_row_parent_class)->css_changed (widget, change);
}

static void
sl_candidate_row_class_init (SlCandidateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_candidate_row_dispose;
  widget_class->measure = sl_candidate_row_measure;
  widget_class->size_allocate = sl_candidate_row_size_allocate;
  widget_class->css_changed = sl_candidate_row_css_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-candidate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, box);
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, country_label);
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, stage_label);
  gtk_widget_class_set_css_name (widget_class, "row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
sl_candidate_row_init (SlCandidateRow *self)
{
  self->height = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

SlCandidateRow *
sl_candidate_row_new (void)
{
  return g_object_new (SL_TYPE_CANDIDATE_ROW, NULL);
}
