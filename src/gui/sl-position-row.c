/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-position-row.c — one position in the list: title, client, status, the pipeline in numbers */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-position-row.h"
#include "sl-vocab.h"

struct _SlPositionRow
{
  GtkWidget parent_instance;

  SlPosition *position;
  gulong notify_id;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkLabel *details_label;
  GtkLabel *counts_label;
  GtkLabel *funnel_label;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (SlPositionRow, sl_position_row, GTK_TYPE_WIDGET)

const char *
sl_position_status_label (const char *status)
{
  static const struct
  {
    const char *id;
    const char *label;
  } labels[] = {
    { "kickoff", N_ ("Kickoff") }, { "draft", N_ ("Description draft") },
    { "open", N_ ("Open") },       { "on-hold", N_ ("On hold") },
    { "filled", N_ ("Filled") },   { "closed", N_ ("Closed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, status) == 0)
      return _ (labels[i].label);
  return status ? status : "";
}

static void
update (SlPositionRow *self)
{
  SlPosition *position = self->position;
  g_autoptr (GPtrArray) details = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *accessible = NULL;
  const char *value;
  guint active = 0;
  GHashTable *table;

  if (position == NULL)
    return;
  value = sl_position_get_text (position, SL_POSITION_CLIENT);
  if (*value)
    g_ptr_array_add (details, (gpointer) value);
  value = sl_position_get_text (position, SL_POSITION_SENIORITY);
  if (*value)
    g_ptr_array_add (details, (gpointer) sl_vocab_label (SL_VOCAB_SENIORITY, value));
  value = sl_position_get_text (position, SL_POSITION_STACK_NAME);
  if (*value)
    g_ptr_array_add (details, (gpointer) value);
  value = sl_position_get_text (position, SL_POSITION_EMPLOYMENT_TYPE);
  if (*value)
    g_ptr_array_add (details, (gpointer) sl_vocab_label (SL_VOCAB_EMPLOYMENT, value));
  g_ptr_array_add (details, NULL);
  joined = g_strjoinv (" · ", (char **) details->pdata);

  table = sl_position_get_counts (position);
  if (table != NULL)
    {
      GHashTableIter iter;
      gpointer stage, count;

      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, &stage, &count))
        if (!g_str_equal (stage, "rejected") && !g_str_equal (stage, "withdrawn") &&
            !g_str_equal (stage, "hired"))
          active += GPOINTER_TO_UINT (count);
    }
  /* Translators: a position's numbers: active applications, then hires against the headcount */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u active · %'u of %'d hired",
                                         "%'u active · %'u of %'d hired", active),
                            active, sl_position_get_count (position, "hired"),
                            sl_position_get_headcount (position));

  gtk_label_set_label (self->title_label, sl_position_get_title (position));
  gtk_label_set_label (self->details_label, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *joined != '\0');
  gtk_label_set_label (self->counts_label, counts);
  {
    g_autoptr (GString) funnel = g_string_new (NULL);

    /* The pipeline in numbers, stage by stage, for whoever hovers or reads the row */
    for (guint i = 0; i < sl_vocab_size (SL_VOCAB_STAGE); i++)
      {
        const char *stage = sl_vocab_id (SL_VOCAB_STAGE, i);
        guint count = sl_position_get_count (position, stage);

        if (count == 0)
          continue;
        if (funnel->len > 0)
          g_string_append_c (funnel, '\n');
        /* Translators: a stage and how many applications are at it, e.g. “Offer: 3” */
        g_string_append_printf (funnel, C_ ("stage count", "%s: %'u"),
                                sl_vocab_label (SL_VOCAB_STAGE, stage), count);
      }
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), funnel->len > 0 ? funnel->str : NULL);
    {
      /* The same in the row, wrapped between stages: a stage and its count stay on one line */
      g_autoptr (GString) spaced = g_string_new (NULL);
      g_auto (GStrv) parts = g_strsplit (funnel->str, "\n", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (spaced, " · ");
          for (const char *p = parts[i]; *p; p++)
            if (*p == ' ')
              g_string_append (spaced, "\u00a0");
            else
              g_string_append_c (spaced, *p);
        }
      gtk_label_set_label (self->funnel_label, spaced->str);
      gtk_widget_set_visible (GTK_WIDGET (self->funnel_label), spaced->len > 0);
    }
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    funnel->str, -1);
  }
  gtk_label_set_label (self->status_label,
                       sl_position_status_label (sl_position_get_status (position)));
  accessible =
    g_strjoin (", ", sl_position_get_title (position), joined,
               sl_position_status_label (sl_position_get_status (position)), counts, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

void
sl_position_row_set_position (SlPositionRow *self, SlPosition *position)
{
  g_return_if_fail (SL_IS_POSITION_ROW (self));

  if (self->position == position)
    return;
  if (self->position != NULL)
    g_clear_signal_handler (&self->notify_id, self->position);
  g_set_object (&self->position, position);
  if (position != NULL)
    {
      self->notify_id =
        g_signal_connect_object (position, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }
}

static void
sl_position_row_dispose (GObject *object)
{
  SlPositionRow *self = SL_POSITION_ROW (object);

  sl_position_row_set_position (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_POSITION_ROW);
  G_OBJECT_CLASS (sl_position_row_parent_class)->dispose (object);
}

static void
sl_position_row_class_init (SlPositionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sl_position_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-position-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SlPositionRow, box);
  gtk_widget_class_bind_template_child (widget_class, SlPositionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SlPositionRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, SlPositionRow, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SlPositionRow, funnel_label);
  gtk_widget_class_bind_template_child (widget_class, SlPositionRow, status_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sl_position_row_init (SlPositionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SlPositionRow *
sl_position_row_new (void)
{
  return g_object_new (SL_TYPE_POSITION_ROW, NULL);
}
