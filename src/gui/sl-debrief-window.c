/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-debrief-window.c — an application's scorecards side by side, as the viewer may see them
 *
 * One column per scorecard and one row per attribute, grouped by category, with the spread
 * of the submitted ratings beside each row. What is shown is exactly what
 * sl_store_list_scorecards() returns for the viewer: the blind rule is the store's, and this
 * window only says when it applied. It is built again whenever the application's interviews
 * or scorecards change.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sl-debrief-window.h"
#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-time.h"
#include "sl-vocab.h"

#define MAX_VALUES 8

struct _SlDebriefWindow
{
  AdwWindow parent_instance;

  SlStore *store;
  gint64 application_id;
  gint64 viewer_id;
  gulong changed_id;
  gulong reset_id;
  gboolean blinded;
  guint n_scorecards;

  AdwWindowTitle *window_title;
  GtkWidget *scrolled;
  GtkWidget *blinded_box;
  GtkLabel *blinded_title;
  GtkLabel *blinded_description;
  GtkLabel *empty_label;
  AdwBin *table_bin;
  GtkWidget *pending_box;
  GtkListBox *pending_list;
};

G_DEFINE_FINAL_TYPE (SlDebriefWindow, sl_debrief_window, ADW_TYPE_WINDOW)

/* How many submitted scorecards gave each value of a vocabulary, for one row */
typedef struct
{
  SlVocab vocab;
  guint counts[MAX_VALUES];
} Spread;

static char *
format_local (gint64 utc)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();

  return sl_time_format (utc, zone);
}

static GtkWidget *
new_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Spread */

/* Most favourable first, then “no decision”: “2 × Yes, 1 × No” */
static char *
spread_text (const Spread *spread)
{
  guint n = MIN (sl_vocab_size (spread->vocab), MAX_VALUES);
  int undecided = sl_vocab_index (spread->vocab, "no-decision");
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint k = 0; k < n; k++)
    {
      /* Down the scale from its top, with “no decision” (the last value, if any) at the end */
      guint v = undecided >= 0 ? (k + 1 < n ? n - 2 - k : n - 1) : n - 1 - k;
      g_autofree char *part = NULL;

      if (spread->counts[v] == 0)
        continue;
      /* Translators: how many interviewers gave a rating: “2 × Strong yes” */
      part = g_strdup_printf (ngettext ("%u × %s", "%u × %s", spread->counts[v]), spread->counts[v],
                              sl_vocab_label (spread->vocab, sl_vocab_id (spread->vocab, v)));
      if (text->len > 0)
        /* Translators: between the counts of a rating's spread */
        g_string_append (text, C_ ("spread", ", "));
      g_string_append (text, part);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
lookup_color (GtkWidget *widget, const char *name, GdkRGBA *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  return gtk_style_context_lookup_color (context, name, color);
}

/* The scale's colour for value @v: the theme's error, warning and success colours (so that
 * they follow the dark and high-contrast styles), or a fixed palette */
static void
value_color (GtkWidget *widget, SlVocab vocab, guint v, GdkRGBA *color)
{
  const char *id = sl_vocab_id (vocab, v);
  const char *named = "window_fg_color", *fallback = "#9a9996";
  double alpha = 0.35;

  if (g_str_equal (id, "definitely-not"))
    named = "error_color", fallback = "#c01c28", alpha = 1.0;
  else if (g_str_equal (id, "no"))
    named = "error_color", fallback = "#c01c28", alpha = 0.55;
  else if (g_str_equal (id, "mixed"))
    named = "warning_color", fallback = "#e5a50a", alpha = 1.0;
  else if (g_str_equal (id, "yes"))
    named = "success_color", fallback = "#26a269", alpha = 0.55;
  else if (g_str_equal (id, "strong-yes"))
    named = "success_color", fallback = "#26a269", alpha = 1.0;
  if (!lookup_color (widget, named, color))
    gdk_rgba_parse (color, fallback);
  color->alpha *= alpha;
}

static void
draw_spread_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  const Spread *spread = data;
  guint n = MIN (sl_vocab_size (spread->vocab), MAX_VALUES);
  guint total = 0;
  double x = 0;

  for (guint v = 0; v < n; v++)
    total += spread->counts[v];
  if (total == 0)
    return;
  /* A rounded bar, worst on the left */
  cairo_new_sub_path (cr);
  cairo_arc (cr, height / 2.0, height / 2.0, height / 2.0, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, width - height / 2.0, height / 2.0, height / 2.0, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  cairo_clip (cr);
  for (guint v = 0; v < n; v++)
    {
      double w = width * (double) spread->counts[v] / total;
      GdkRGBA color;

      if (spread->counts[v] == 0)
        continue;
      value_color (GTK_WIDGET (area), spread->vocab, v, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_rectangle (cr, x, 0, w, height);
      cairo_fill (cr);
      x += w;
    }
}

static GtkWidget *
new_spread_cell (const Spread *spread)
{
  g_autofree char *text = spread_text (spread);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *bar, *label;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (*text == '\0')
    {
      label = new_label ("—", "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("No submitted ratings"), -1);
      gtk_box_append (GTK_BOX (box), label);
      return box;
    }
  bar = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (bar), 96);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (bar), 8);
  gtk_widget_set_halign (bar, GTK_ALIGN_START);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bar), draw_spread_cb,
                                  g_memdup2 (spread, sizeof *spread), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Spread of the submitted ratings"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_box_append (GTK_BOX (box), bar);
  label = new_label (text, "caption");
  gtk_widget_add_css_class (label, "debrief-spread");
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* Cells */

static GtkWidget *
new_badge (SlVocab vocab, const char *id, const char *context)
{
  GtkWidget *badge;

  if (id == NULL)
    {
      badge = new_label (_ ("Not chosen"), "dim-label");
      gtk_widget_set_halign (badge, GTK_ALIGN_START);
      return badge;
    }
  badge = gtk_label_new (sl_vocab_label (vocab, id));
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "rating-badge");
  {
    g_autofree char *css = g_strconcat ("rating-", id, NULL);
    gtk_widget_add_css_class (badge, css);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  context, -1);
  return badge;
}

/* Where @scorecard rates @wanted's attribute, or -1. An attribute id is unique within a kit;
 * the category tells apart namesakes from different kits (communication). */
static int
find_attribute (SlScorecard *scorecard, const SlRating *wanted)
{
  for (guint i = 0; i < sl_scorecard_get_n_ratings (scorecard); i++)
    {
      const SlRating *rating = sl_scorecard_get_rating (scorecard, i);
      if (g_strcmp0 (rating->category, wanted->category) == 0 &&
          g_strcmp0 (rating->attribute, wanted->attribute) == 0)
        return (int) i;
    }
  return -1;
}

static GtkWidget *
new_rating_cell (SlScorecard *scorecard, int found)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (found < 0)
    {
      GtkWidget *dash = new_label ("—", "dim-label");

      gtk_accessible_update_property (GTK_ACCESSIBLE (dash), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Not on this scorecard"), -1);
      gtk_box_append (GTK_BOX (box), dash);
    }
  else
    {
      const SlRating *rating = sl_scorecard_get_rating (scorecard, (guint) found);
      const char *attribute = sl_kit_attribute_label (rating->attribute, rating->attribute_name);
      const char *member = sl_scorecard_get_member_name (scorecard);
      /* Translators: what a rating in the debrief is about: the attribute, the interviewer */
      g_autofree char *context = g_strdup_printf (_ ("%s, rated by %s"), attribute, member);

      gtk_box_append (GTK_BOX (box), new_badge (SL_VOCAB_RATING, rating->value, context));
      if (*rating->note != '\0')
        {
          GtkWidget *note = new_label (rating->note, "caption");

          gtk_label_set_max_width_chars (GTK_LABEL (note), 26);
          gtk_box_append (GTK_BOX (box), note);
        }
    }
  return box;
}

static GtkWidget *
new_column_header (SlDebriefWindow *self, SlScorecard *scorecard)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gint64 submitted_at = sl_scorecard_get_submitted_at (scorecard);
  g_autofree char *name = NULL;
  g_autofree char *status = NULL;
  GtkWidget *status_label;

  if (sl_scorecard_get_member_id (scorecard) == self->viewer_id)
    /* Translators: the viewer's own scorecard's column */
    name = g_strdup_printf (_ ("%s (you)"), sl_scorecard_get_member_name (scorecard));
  else
    name = g_strdup (sl_scorecard_get_member_name (scorecard));
  if (submitted_at > 0)
    {
      g_autofree char *date = format_local (submitted_at);
      guint amendments = sl_scorecard_get_n_amendments (scorecard);

      status = g_strdup_printf (_ ("Submitted on %s"), date);
      /* Changed after submitting (perhaps after reading the others): the debrief says so */
      if (amendments > 0)
        {
          g_autofree char *submitted = g_steal_pointer (&status);
          g_autofree char *amended = g_strdup_printf (
            ngettext ("Amended %u time", "Amended %u times", amendments), amendments);
          /* Translators: a scorecard's status: “Submitted on …” and “Amended 2 times” */
          status = g_strdup_printf (C_ ("scorecard status", "%s · %s"), submitted, amended);
        }
    }
  else
    status = g_strdup (_ ("Draft"));

  gtk_widget_add_css_class (box, "debrief-column-header");
  gtk_box_append (GTK_BOX (box), new_label (name, "heading"));
  gtk_box_append (
    GTK_BOX (box),
    new_label (sl_vocab_label (SL_VOCAB_INTERVIEW_KIND, sl_scorecard_get_kind (scorecard)), NULL));
  status_label = new_label (status, "caption");
  gtk_widget_add_css_class (status_label, submitted_at > 0 ? "debrief-submitted" : "debrief-draft");
  gtk_box_append (GTK_BOX (box), status_label);
  return box;
}

/* The table: the attributes on the left stay in view while the scorecards on the right scroll
 * sideways. A size group per row keeps the two halves' rows level. It measures every cell of
 * a row for the same width, so every column has that one width: each cell is clamped to it. */

#define COLUMN_WIDTH 190

typedef struct
{
  GtkGrid *left;
  GtkGrid *right;
  GtkSizeGroup *group;
  int row;
} Table;

static GtkWidget *
fixed_width (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), COLUMN_WIDTH);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), COLUMN_WIDTH);
  gtk_widget_set_size_request (clamp, COLUMN_WIDTH, -1);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  return clamp;
}

static void
table_row (Table *table, GtkWidget *header)
{
  GtkWidget *cell = fixed_width (header);

  g_clear_object (&table->group);
  table->group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
  table->row++;
  gtk_grid_attach (table->left, cell, 0, table->row, 1, 1);
  gtk_size_group_add_widget (table->group, cell);
}

static void
table_cell (Table *table, int column, GtkWidget *child)
{
  GtkWidget *cell = fixed_width (child);

  gtk_grid_attach (table->right, cell, column, table->row, 1, 1);
  gtk_size_group_add_widget (table->group, cell);
}

static void
table_section (Table *table, const char *title)
{
  GtkWidget *label = new_label (title, "heading");

  gtk_widget_add_css_class (label, "debrief-section");
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  table_row (table, label);
  /* An empty line of a grid takes no room: hold the row open on the right */
  table_cell (table, 0, gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
}

static GtkWidget *
new_row_header (const char *title, const char *css_class)
{
  GtkWidget *label = new_label (title, css_class);

  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

/* Each (category, attribute) rated on any of the scorecards, grouped by category, in the order
 * they first appear. The SlRating pointers belong to the scorecards. */
static GPtrArray *
collect_attributes (GListModel *scorecards)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  g_autoptr (GPtrArray) categories = g_ptr_array_new ();
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *ordered = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (scorecards);

  for (guint s = 0; s < n; s++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (scorecards, s);

      for (guint i = 0; i < sl_scorecard_get_n_ratings (scorecard); i++)
        {
          const SlRating *rating = sl_scorecard_get_rating (scorecard, i);
          char *key = g_strconcat (rating->category, "\n", rating->attribute, NULL);
          gboolean new_category = TRUE;

          if (!g_hash_table_add (keys, key))
            continue;
          g_ptr_array_add (seen, (gpointer) rating);
          for (guint c = 0; c < categories->len && new_category; c++)
            new_category = g_strcmp0 (g_ptr_array_index (categories, c), rating->category) != 0;
          if (new_category)
            g_ptr_array_add (categories, rating->category);
        }
    }
  for (guint c = 0; c < categories->len; c++)
    for (guint i = 0; i < seen->len; i++)
      {
        const SlRating *rating = g_ptr_array_index (seen, i);
        if (g_strcmp0 (rating->category, g_ptr_array_index (categories, c)) == 0)
          g_ptr_array_add (ordered, (gpointer) rating);
      }
  return ordered;
}

static void
count_value (Spread *spread, SlScorecard *scorecard, const char *id)
{
  int v = id != NULL ? sl_vocab_index (spread->vocab, id) : -1;

  if (sl_scorecard_get_submitted_at (scorecard) > 0 && v >= 0 && v < MAX_VALUES)
    spread->counts[v]++;
}

static void
add_attribute (Table *table, GListModel *scorecards, const SlRating *attribute)
{
  guint n = g_list_model_get_n_items (scorecards);
  Spread spread = { SL_VOCAB_RATING, { 0 } };

  table_row (
    table, new_row_header (sl_kit_attribute_label (attribute->attribute, attribute->attribute_name),
                           NULL));
  for (guint s = 0; s < n; s++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (scorecards, s);
      int i = find_attribute (scorecard, attribute);

      if (i >= 0)
        count_value (&spread, scorecard, sl_scorecard_get_rating (scorecard, (guint) i)->value);
      table_cell (table, (int) s, new_rating_cell (scorecard, i));
    }
  table_cell (table, (int) n, new_spread_cell (&spread));
}

static void
add_texts (Table *table, GListModel *scorecards, const char *title,
           const char *(*get) (SlScorecard *) )
{
  guint n = g_list_model_get_n_items (scorecards);
  GtkWidget *header = new_row_header (title, "heading");

  gtk_widget_add_css_class (header, "debrief-section");
  gtk_widget_set_valign (header, GTK_ALIGN_START);
  table_row (table, header);
  for (guint s = 0; s < n; s++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (scorecards, s);
      const char *text = get (scorecard);
      GtkWidget *label;

      if (*text == '\0')
        label = new_label ("—", "dim-label");
      else
        {
          label = new_label (text, NULL);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
        }
      gtk_widget_add_css_class (label, "debrief-section");
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      table_cell (table, (int) s, label);
    }
}

static gboolean
any_private_notes (GListModel *scorecards)
{
  for (guint s = 0; s < g_list_model_get_n_items (scorecards); s++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (scorecards, s);
      if (!sl_scorecard_get_notes_hidden (scorecard) &&
          *sl_scorecard_get_private_notes (scorecard) != '\0')
        return TRUE;
    }
  return FALSE;
}

/* A vertical wheel over the sideways-scrolling scorecards scrolls the debrief, as it does
 * anywhere else in the window: GTK's horizontal-only scrolled window would swallow it */
static gboolean
table_scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, SlDebriefWindow *self)
{
  GtkEventController *event_controller = GTK_EVENT_CONTROLLER (controller);
  GtkAdjustment *adjustment;
  double step = 1.0;

  if (dy == 0 || dx != 0 ||
      (gtk_event_controller_get_current_event_state (event_controller) & GDK_SHIFT_MASK) != 0)
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return TRUE;
}

static GtkWidget *
build_table (SlDebriefWindow *self, GListModel *scorecards)
{
  Table table = { GTK_GRID (gtk_grid_new ()), GTK_GRID (gtk_grid_new ()), NULL, -1 };
  guint n = g_list_model_get_n_items (scorecards);
  g_autoptr (GPtrArray) attributes = collect_attributes (scorecards);
  Spread overall = { SL_VOCAB_OVERALL, { 0 } };
  const char *category = NULL;
  GtkWidget *box, *scroller, *spread_title, *header;
  GtkEventController *wheel;

  gtk_grid_set_row_spacing (table.left, 10);
  gtk_grid_set_row_spacing (table.right, 10);
  gtk_grid_set_column_spacing (table.right, 18);

  /* Headers: who, which interview, submitted or not */
  table_row (&table, gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  for (guint s = 0; s < n; s++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (scorecards, s);
      table_cell (&table, (int) s, new_column_header (self, scorecard));
    }
  spread_title = new_label (_ ("Spread"), "heading");
  gtk_widget_set_valign (spread_title, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (spread_title, _ ("The ratings of the submitted scorecards"));
  table_cell (&table, (int) n, spread_title);

  for (guint a = 0; a < attributes->len; a++)
    {
      const SlRating *attribute = g_ptr_array_index (attributes, a);

      if (g_strcmp0 (category, attribute->category) != 0)
        {
          category = attribute->category;
          table_section (&table,
                         sl_kit_category_label (attribute->category, attribute->category_name));
        }
      add_attribute (&table, scorecards, attribute);
    }

  header = new_row_header (_ ("Overall recommendation"), "heading");
  gtk_widget_add_css_class (header, "debrief-section");
  table_row (&table, header);
  for (guint s = 0; s < n; s++)
    {
      g_autoptr (SlScorecard) scorecard = g_list_model_get_item (scorecards, s);
      const char *id = sl_scorecard_get_overall (scorecard);
      /* Translators: what a recommendation in the debrief is about */
      g_autofree char *context = g_strdup_printf (_ ("Overall recommendation by %s"),
                                                  sl_scorecard_get_member_name (scorecard));
      GtkWidget *badge = new_badge (SL_VOCAB_OVERALL, id, context);

      count_value (&overall, scorecard, id);
      gtk_widget_add_css_class (badge, "debrief-section");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      table_cell (&table, (int) s, badge);
    }
  {
    GtkWidget *cell = new_spread_cell (&overall);

    gtk_widget_add_css_class (cell, "debrief-section");
    table_cell (&table, (int) n, cell);
  }

  add_texts (&table, scorecards, _ ("Key take-aways"), sl_scorecard_get_takeaways);
  /* The store withholds other interviewers' private notes from all but the leads */
  if (any_private_notes (scorecards))
    add_texts (&table, scorecards, _ ("Private notes"), sl_scorecard_get_private_notes);
  g_clear_object (&table.group);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (table.right));
  /* Focusable when nothing inside is, so that Ctrl+Left and Right scroll it */
  gtk_widget_set_focusable (scroller, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Scorecards"), -1);
  gtk_widget_set_hexpand (scroller, TRUE);
  wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect (wheel, "scroll", G_CALLBACK (table_scroll_cb), self);
  gtk_widget_add_controller (scroller, wheel);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_add_css_class (box, "debrief-table");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (table.left));
  gtk_box_append (GTK_BOX (box), scroller);
  return box;
}

/* Who still owes a scorecard, from the interviews (not the scorecards, which may be hidden) */
static void
load_pending (SlDebriefWindow *self, GListModel *interviews)
{
  GtkWidget *child;
  guint n_pending = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pending_list))) != NULL)
    gtk_list_box_remove (self->pending_list, child);
  for (guint i = 0; interviews != NULL && i < g_list_model_get_n_items (interviews); i++)
    {
      g_autoptr (SlInterview) interview = g_list_model_get_item (interviews, i);
      g_autofree char *date = format_local (sl_interview_get_starts_at (interview));
      const char *kind =
        sl_vocab_label (SL_VOCAB_INTERVIEW_KIND, sl_interview_get_kind (interview));
      /* Translators: an interview in the “Not submitted yet” list: its kind and date */
      g_autofree char *subtitle = g_strdup_printf (_ ("%s, %s"), kind, date);

      for (guint k = 0; k < sl_interview_get_n_interviewers (interview); k++)
        {
          const SlInterviewer *interviewer = sl_interview_get_interviewer (interview, k);
          GtkWidget *row;

          if (interviewer->submitted_at != 0)
            continue;
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), interviewer->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_list_box_append (self->pending_list, row);
          n_pending++;
        }
    }
  gtk_widget_set_visible (self->pending_box, n_pending > 0);
}

/* The focus leaves the old table first: GTK 4.8's viewport otherwise follows the focus into
 * the destroyed widget on the next allocation */
static void
replace_table (SlDebriefWindow *self, GtkWidget *table)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->table_bin)))
    gtk_widget_grab_focus (self->scrolled);
  adw_bin_set_child (self->table_bin, table);
}

/* The blind rule as it applies to the viewer: an interviewer sees the others once they have
 * submitted; a team member who interviewed nobody for this application never does */
static void
explain_blinding (SlDebriefWindow *self, GListModel *interviews)
{
  gboolean interviewer = FALSE;

  for (guint i = 0; interviews != NULL && i < g_list_model_get_n_items (interviews); i++)
    {
      g_autoptr (SlInterview) interview = g_list_model_get_item (interviews, i);
      interviewer = interviewer || sl_interview_find_interviewer (interview, self->viewer_id);
    }
  if (interviewer)
    {
      gtk_label_set_label (self->blinded_title, _ ("Submit your scorecard to see the others"));
      gtk_label_set_label (self->blinded_description,
                           _ ("The other interviewers’ ratings stay hidden until you have "
                              "submitted your own, so that each scorecard is an independent "
                              "opinion. Only yours is shown."));
    }
  else
    {
      gtk_label_set_label (self->blinded_title, _ ("The scorecards are hidden from you"));
      gtk_label_set_label (self->blinded_description,
                           _ ("Only the hiring leads, and the interviewers once they have "
                              "submitted their own, read the scorecards."));
    }
}

static void
refresh (SlDebriefWindow *self)
{
  g_autoptr (GListModel) scorecards = NULL;
  g_autoptr (GListModel) interviews = NULL;
  g_autoptr (GError) error = NULL;
  gboolean blinded = TRUE;

  scorecards =
    sl_store_list_scorecards (self->store, self->application_id, self->viewer_id, &blinded, &error);
  if (scorecards == NULL)
    {
      self->blinded = TRUE;
      self->n_scorecards = 0;
      gtk_label_set_label (self->empty_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_label), TRUE);
      gtk_widget_set_visible (self->blinded_box, FALSE);
      replace_table (self, NULL);
      load_pending (self, NULL);
      return;
    }
  self->blinded = blinded;
  self->n_scorecards = g_list_model_get_n_items (scorecards);
  gtk_widget_set_visible (self->blinded_box, blinded);
  gtk_label_set_label (self->empty_label, _ ("No scorecards yet"));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->n_scorecards == 0 && !blinded);
  replace_table (self, self->n_scorecards > 0 ? build_table (self, scorecards) : NULL);

  interviews = sl_store_list_interviews (self->store, self->application_id, NULL);
  if (interviews != NULL && g_list_model_get_n_items (interviews) > 0)
    {
      g_autoptr (SlInterview) first = g_list_model_get_item (interviews, 0);
      const char *candidate = sl_interview_get_candidate_name (first);
      const char *position = sl_interview_get_position_title (first);
      /* Translators: the debrief's subtitle: the candidate and the position */
      g_autofree char *subtitle = g_strdup_printf (_ ("%s — %s"), candidate, position);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  load_pending (self, interviews);
  explain_blinding (self, interviews);
}

static void
interviews_changed_cb (SlStore *store, gint64 application_id, SlDebriefWindow *self)
{
  if (application_id == self->application_id)
    refresh (self);
}

static void
sl_debrief_window_dispose (GObject *object)
{
  SlDebriefWindow *self = SL_DEBRIEF_WINDOW (object);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->reset_id, self->store);
    }
  /* A window is disposed twice (gtk_window_destroy, then its last unref): once is enough */
  if (self->table_bin != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_DEBRIEF_WINDOW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_debrief_window_parent_class)->dispose (object);
}

static void
sl_debrief_window_class_init (SlDebriefWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sl_debrief_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-debrief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SlDebriefWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlDebriefWindow, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SlDebriefWindow, blinded_box);
  gtk_widget_class_bind_template_child (widget_class, SlDebriefWindow, blinded_title);
  gtk_widget_class_bind_template_child (widget_class, SlDebriefWindow, blinded_description);
  gtk_widget_class_bind_template_child (widget_class, SlDebriefWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SlDebriefWindow, table_bin);
  gtk_widget_class_bind_template_child (widget_class, SlDebriefWindow, pending_box);
  gtk_widget_class_bind_template_child (widget_class, SlDebriefWindow, pending_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_debrief_window_init (SlDebriefWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The scorecards of the application that @viewer_id may see, kept up to date */
GtkWidget *
sl_debrief_window_new (SlStore *store, gint64 application_id, gint64 viewer_id, GtkWindow *parent)
{
  SlDebriefWindow *self;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  self = g_object_new (SL_TYPE_DEBRIEF_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->application_id = application_id;
  self->viewer_id = viewer_id;
  self->changed_id =
    g_signal_connect (store, "interviews-changed", G_CALLBACK (interviews_changed_cb), self);
  self->reset_id = g_signal_connect_swapped (store, "reset", G_CALLBACK (refresh), self);
  refresh (self);
  /* Not on the first text, which would select it all */
  gtk_window_set_focus (GTK_WINDOW (self), self->scrolled);
  return GTK_WIDGET (self);
}

/* Whether the store withheld the other interviewers' scorecards from the viewer */
gboolean
sl_debrief_window_get_blinded (SlDebriefWindow *self)
{
  g_return_val_if_fail (SL_IS_DEBRIEF_WINDOW (self), TRUE);
  return self->blinded;
}

/* How many scorecards (columns) are shown */
guint
sl_debrief_window_get_n_scorecards (SlDebriefWindow *self)
{
  g_return_val_if_fail (SL_IS_DEBRIEF_WINDOW (self), 0);
  return self->n_scorecards;
}
