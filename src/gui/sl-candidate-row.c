/* sl-candidate-row.c — one candidate in the list: name, seniority and stack, country, stage
 *
 * Rows are recycled by the list view, so the row follows whichever candidate it is given and
 * updates itself when that candidate is edited in the detail pane.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-candidate-row.h"
#include "sl-countries.h"
#include "sl-vocab.h"

struct _SlCandidateRow
{
  GtkWidget parent_instance;

  SlCandidate *candidate;
  gulong notify_id;

  GtkWidget *box;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkLabel *country_label;
  GtkLabel *stage_label;
};

G_DEFINE_FINAL_TYPE (SlCandidateRow, sl_candidate_row, GTK_TYPE_WIDGET)

static void
update (SlCandidateRow *self)
{
  const char *seniority;
  const char *stack;
  const char *stage;
  const char *country;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;

  if (self->candidate == NULL)
    return;

  seniority = sl_vocab_label (SL_VOCAB_SENIORITY,
                              sl_candidate_get_text (self->candidate, SL_CANDIDATE_SENIORITY));
  stack = sl_candidate_get_text (self->candidate, SL_CANDIDATE_STACK_NAME);
  stage = sl_candidate_get_text (self->candidate, SL_CANDIDATE_STAGE);
  country = sl_countries_name (sl_candidate_get_text (self->candidate, SL_CANDIDATE_COUNTRY));

  if (*seniority && *stack)
    /* Translators: a list row's details: seniority, then the stack, e.g. “Senior · Java” */
    details = g_strdup_printf (C_ ("row details", "%s · %s"), seniority, stack);
  else
    details = g_strdup (*seniority ? seniority : stack);

  gtk_label_set_label (self->name_label, sl_candidate_get_name (self->candidate));
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
  gtk_label_set_label (self->country_label, country);
  gtk_widget_set_visible (GTK_WIDGET (self->country_label), *country != '\0');
  gtk_label_set_label (self->stage_label, *stage ? sl_vocab_label (SL_VOCAB_STAGE, stage) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), *stage != '\0');

  accessible =
    g_strjoin (", ", sl_candidate_get_name (self->candidate), details, country,
               *stage ? sl_vocab_label (SL_VOCAB_STAGE, stage) : _ ("no application"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

void
sl_candidate_row_set_candidate (SlCandidateRow *self, SlCandidate *candidate)
{
  g_return_if_fail (SL_IS_CANDIDATE_ROW (self));

  if (self->candidate == candidate)
    return;
  if (self->candidate != NULL)
    g_clear_signal_handler (&self->notify_id, self->candidate);
  g_set_object (&self->candidate, candidate);
  if (candidate != NULL)
    {
      self->notify_id =
        g_signal_connect_object (candidate, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      update (self);
    }
}

static void
sl_candidate_row_dispose (GObject *object)
{
  SlCandidateRow *self = SL_CANDIDATE_ROW (object);

  sl_candidate_row_set_candidate (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_CANDIDATE_ROW);

  G_OBJECT_CLASS (sl_candidate_row_parent_class)->dispose (object);
}

static void
sl_candidate_row_class_init (SlCandidateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_candidate_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-candidate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, box);
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, country_label);
  gtk_widget_class_bind_template_child (widget_class, SlCandidateRow, stage_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sl_candidate_row_init (SlCandidateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SlCandidateRow *
sl_candidate_row_new (void)
{
  return g_object_new (SL_TYPE_CANDIDATE_ROW, NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  gtk_list_item_set_child (item, GTK_WIDGET (sl_candidate_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  sl_candidate_row_set_candidate (SL_CANDIDATE_ROW (gtk_list_item_get_child (item)),
                                  gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  sl_candidate_row_set_candidate (SL_CANDIDATE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* A list item factory showing SlCandidate items as candidate rows */
GtkListItemFactory *
sl_candidate_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  return factory;
}
