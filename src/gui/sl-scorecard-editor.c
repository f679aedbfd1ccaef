/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-scorecard-editor.c — one interviewer's scorecard of one interview: rate, recommend, submit
 *
 * A draft is saved as you type (after a short pause) and when the window closes. Once
 * submitted the form is read-only until Amend; an amendment is saved once, by its button or on
 * closing, and the store keeps the version it replaced. The keyboard is the fast path: with an
 * attribute's row (or one of its buttons) focused, 1–5 rate it and 0 is “no decision”, and the
 * focus moves on to the next attribute; in the recommendation row 1–4 choose.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-scorecard-editor.h"
#include "sl-time.h"
#include "sl-vocab.h"
#include "sl-widgets.h"

#define SAVE_DELAY_MS 500
#define MAX_VALUES 8

typedef struct
{
  GtkWidget *row;
  GtkWidget *scale; /* the linked toggles, one per SL_VOCAB_RATING value */
  GtkToggleButton *toggles[MAX_VALUES];
  GtkToggleButton *note_button;
  GtkRevealer *revealer;
  GtkWidget *note_entry;
} AttributeRow;

struct _SlScorecardEditor
{
  AdwWindow parent_instance;

  SlStore *store;
  SlScorecard *scorecard;
  GArray *rows; /* AttributeRow, one per rating, in the scorecard's order */
  GtkToggleButton *overall_toggles[MAX_VALUES];
  guint n_amendments;
  guint save_id;
  gboolean dirty;
  gboolean amending;
  gboolean loading;
  gboolean close_anyway;

  AdwWindowTitle *window_title;
  GtkLabel *status_label;
  GtkWidget *hint_label;
  GtkWidget *form_box;
  GtkWidget *categories_box;
  GtkWidget *overall_row;
  GtkWidget *overall_box;
  GtkTextView *takeaways_view;
  GtkTextView *notes_view;
  GtkWidget *amendments_group;
  GtkListBox *amendments_list;
  GtkWidget *submit_button;
  GtkWidget *amend_button;
  GtkWidget *save_amendment_button;
};

G_DEFINE_FINAL_TYPE (SlScorecardEditor, sl_scorecard_editor, ADW_TYPE_WINDOW)

static void
toast (SlScorecardEditor *self, const char *message)
{
  sl_widget_toast (self->form_box, message);
}

static gboolean
is_submitted (SlScorecardEditor *self)
{
  return sl_scorecard_get_submitted_at (self->scorecard) > 0;
}

static gboolean
is_editable (SlScorecardEditor *self)
{
  return !is_submitted (self) || self->amending;
}

static AttributeRow *
attribute_row (SlScorecardEditor *self, guint index)
{
  return &g_array_index (self->rows, AttributeRow, index);
}

static char *
format_local (gint64 utc)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();

  return sl_time_format (utc, zone);
}

/* Saving */

static void refresh_form (SlScorecardEditor *self);

/* Another window (or shortlist-cli) saved this scorecard since it was read: the form takes what
 * they saved, keeps this user's changes where they left a field alone, and is saved again */
static gboolean
save_over_conflict (SlScorecardEditor *self, const char *message, GError **error)
{
  gboolean clashed = FALSE;

  if (!sl_store_rebase_scorecard (self->store, self->scorecard, &clashed, error))
    return FALSE;
  refresh_form (self);
  if (!sl_store_save_scorecard (self->store, self->scorecard, error))
    return FALSE;
  sl_widget_toast_conflict (self->form_box, message, clashed);
  return TRUE;
}

/* Writes what changed since the last save: a draft, or — once submitted — an amendment */
static gboolean
save_pending (SlScorecardEditor *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->dirty)
    return TRUE;
  if (!sl_store_save_scorecard (self->store, self->scorecard, &error))
    {
      g_autofree char *message = g_strdup (error->message);
      gboolean conflict = g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONFLICT);

      g_clear_error (&error);
      if (!conflict || !save_over_conflict (self, message, &error))
        {
          toast (self, error != NULL ? error->message : message);
          return FALSE;
        }
    }
  self->dirty = FALSE;
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  SlScorecardEditor *self = data;

  self->save_id = 0;
  save_pending (self);
  return G_SOURCE_REMOVE;
}

/* A team database back after its connection was lost: the draft typed meanwhile is saved */
static void
offline_cb (SlScorecardEditor *self, GParamSpec *pspec, SlDatabase *db)
{
  if (!sl_database_is_offline (db) && self->dirty && !is_submitted (self))
    save_pending (self);
}

static void
changed (SlScorecardEditor *self)
{
  self->dirty = TRUE;
  /* An amendment is saved once, when it is done, not as it is typed */
  if (is_submitted (self))
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* State */

static void
update_status (SlScorecardEditor *self)
{
  g_autofree char *text = NULL;

  if (!is_submitted (self))
    text = g_strdup (_ ("Draft — saved automatically"));
  else if (self->amending)
    text = g_strdup (_ ("Amending — the submitted version is kept when you save"));
  else
    {
      g_autofree char *date = format_local (sl_scorecard_get_submitted_at (self->scorecard));
      g_autofree char *submitted = g_strdup_printf (_ ("Submitted on %s"), date);

      if (self->n_amendments > 0)
        {
          g_autofree char *amended =
            g_strdup_printf (ngettext ("Amended %u time", "Amended %u times", self->n_amendments),
                             self->n_amendments);
          /* Translators: a scorecard's status: “Submitted on …” and “Amended 2 times” */
          text = g_strdup_printf (C_ ("scorecard status", "%s · %s"), submitted, amended);
        }
      else
        text = g_steal_pointer (&submitted);
    }
  gtk_label_set_label (self->status_label, text);
}

/* The recommendation an amendment replaced, for its row's subtitle */
static char *
describe_previous (const char *json)
{
  g_autoptr (JsonNode) node = json_from_string (json, NULL);
  const char *overall = NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    overall =
      json_object_get_string_member_with_default (json_node_get_object (node), "overall", NULL);
  if (overall == NULL || !sl_vocab_is_valid (SL_VOCAB_OVERALL, overall))
    return g_strdup (_ ("Replaced a version without a recommendation"));
  return g_strdup_printf (_ ("Replaced a version recommending “%s”"),
                          sl_vocab_label (SL_VOCAB_OVERALL, overall));
}

static void
load_amendments (SlScorecardEditor *self)
{
  g_autoptr (GPtrArray) amendments = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->amendments_list))) != NULL)
    gtk_list_box_remove (self->amendments_list, child);
  self->n_amendments = 0;
  if (sl_scorecard_get_id (self->scorecard) > 0)
    {
      amendments =
        sl_store_list_amendments (self->store, sl_scorecard_get_id (self->scorecard), &error);
      if (amendments == NULL)
        toast (self, error->message);
    }
  for (guint i = 0; amendments != NULL && i < amendments->len; i++)
    {
      SlAmendment *amendment = g_ptr_array_index (amendments, i);
      g_autofree char *date = format_local (amendment->at);
      g_autofree char *title = g_strdup_printf (_ ("Amended on %s"), date);
      g_autofree char *subtitle = describe_previous (amendment->previous);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->amendments_list, row);
    }
  self->n_amendments = amendments != NULL ? amendments->len : 0;
  gtk_widget_set_visible (self->amendments_group, self->n_amendments > 0);
}

static void
sync_note (SlScorecardEditor *self, guint index, gboolean editable)
{
  AttributeRow *row = attribute_row (self, index);
  gboolean has_note = *sl_scorecard_get_rating (self->scorecard, index)->note != '\0';
  gboolean shown = has_note || (editable && gtk_toggle_button_get_active (row->note_button));

  self->loading = TRUE;
  gtk_toggle_button_set_active (row->note_button, shown);
  self->loading = FALSE;
  gtk_revealer_set_reveal_child (row->revealer, shown);
  /* Read-only, a note shows when there is one */
  gtk_widget_set_visible (GTK_WIDGET (row->note_button), editable);
  gtk_editable_set_editable (GTK_EDITABLE (row->note_entry), editable);
}

/* Draft, submitted (read-only) or amending: what can be changed and which buttons show */
static void
update_mode (SlScorecardEditor *self)
{
  gboolean submitted = is_submitted (self);
  gboolean editable = is_editable (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_visible (self->submit_button, !submitted);
  gtk_widget_set_visible (self->amend_button, submitted && !self->amending);
  gtk_widget_set_visible (self->save_amendment_button, self->amending);
  gtk_widget_action_set_enabled (widget, "scorecard.submit", !submitted);
  gtk_widget_action_set_enabled (widget, "scorecard.amend", submitted && !self->amending);
  gtk_widget_action_set_enabled (widget, "scorecard.save-amendment", self->amending);
  gtk_widget_set_visible (self->hint_label, editable);
  for (guint i = 0; i < self->rows->len; i++)
    {
      gtk_widget_set_sensitive (attribute_row (self, i)->scale, editable);
      sync_note (self, i, editable);
    }
  gtk_widget_set_sensitive (self->overall_box, editable);
  /* GTK 4.8 aborts when a focused text view's blinking cursor is hidden: move the focus first,
   * to Amend (shown once submitted) */
  if (!editable)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus != NULL &&
          (focus == GTK_WIDGET (self->takeaways_view) || focus == GTK_WIDGET (self->notes_view)))
        {
          if (!gtk_widget_grab_focus (self->amend_button))
            gtk_root_set_focus (GTK_ROOT (self), NULL);
        }
    }
  gtk_text_view_set_editable (self->takeaways_view, editable);
  gtk_text_view_set_cursor_visible (self->takeaways_view, editable);
  gtk_text_view_set_editable (self->notes_view, editable);
  gtk_text_view_set_cursor_visible (self->notes_view, editable);
  update_status (self);
}

/* Editing */

static void
describe_value (GtkWidget *row, SlVocab vocab, const char *id)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  id != NULL ? sl_vocab_label (vocab, id) : _ ("Not chosen"), -1);
}

/* Sets every field to the scorecard's values (after another window's were merged in) */
static void
refresh_form (SlScorecardEditor *self)
{
  guint n_overall = MIN (sl_vocab_size (SL_VOCAB_OVERALL), MAX_VALUES);
  guint n_values = MIN (sl_vocab_size (SL_VOCAB_RATING), MAX_VALUES);
  const char *overall = sl_scorecard_get_overall (self->scorecard);

  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const SlRating *rating = sl_scorecard_get_rating (self->scorecard, i);
      AttributeRow *row = attribute_row (self, i);

      for (guint v = 0; v < n_values; v++)
        gtk_toggle_button_set_active (
          row->toggles[v], g_strcmp0 (rating->value, g_object_get_data (G_OBJECT (row->toggles[v]),
                                                                        "sl-value")) == 0);
      describe_value (row->row, SL_VOCAB_RATING, rating->value);
      gtk_editable_set_text (GTK_EDITABLE (row->note_entry), rating->note);
    }
  for (guint v = 0; v < n_overall; v++)
    gtk_toggle_button_set_active (
      self->overall_toggles[v],
      g_strcmp0 (overall, g_object_get_data (G_OBJECT (self->overall_toggles[v]), "sl-value")) ==
        0);
  describe_value (self->overall_row, SL_VOCAB_OVERALL, overall);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->takeaways_view),
                            sl_scorecard_get_takeaways (self->scorecard), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            sl_scorecard_get_private_notes (self->scorecard), -1);
  self->loading = FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    sync_note (self, i, is_editable (self));
}

static void
rating_toggled_cb (GtkToggleButton *toggle, SlScorecardEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "sl-index"));
  const char *id = g_object_get_data (G_OBJECT (toggle), "sl-value");

  if (!gtk_toggle_button_get_active (toggle))
    return;
  describe_value (attribute_row (self, index)->row, SL_VOCAB_RATING, id);
  if (self->loading)
    return;
  sl_scorecard_set_rating (self->scorecard, index, id);
  changed (self);
}

static void
overall_toggled_cb (GtkToggleButton *toggle, SlScorecardEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (toggle), "sl-value");

  if (!gtk_toggle_button_get_active (toggle))
    return;
  describe_value (self->overall_row, SL_VOCAB_OVERALL, id);
  if (self->loading)
    return;
  sl_scorecard_set_overall (self->scorecard, id);
  changed (self);
}

static void
note_changed_cb (GtkEditable *entry, SlScorecardEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "sl-index"));

  if (self->loading)
    return;
  sl_scorecard_set_rating_note (self->scorecard, index, gtk_editable_get_text (entry));
  changed (self);
}

static void
note_button_toggled_cb (GtkToggleButton *button, SlScorecardEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sl-index"));
  AttributeRow *row = attribute_row (self, index);
  gboolean active = gtk_toggle_button_get_active (button);

  if (self->loading)
    return;
  gtk_revealer_set_reveal_child (row->revealer, active);
  if (active)
    gtk_widget_grab_focus (row->note_entry);
}

static void
text_changed_cb (GtkTextBuffer *buffer, SlScorecardEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (buffer == gtk_text_view_get_buffer (self->takeaways_view))
    sl_scorecard_set_takeaways (self->scorecard, text);
  else
    sl_scorecard_set_private_notes (self->scorecard, text);
  changed (self);
}

/* The keyboard */

static int
digit_of (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return (int) (keyval - GDK_KEY_0);
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return (int) (keyval - GDK_KEY_KP_0);
  return -1;
}

/* The scale is the vocabulary's order, worst first, with “no decision” last: 1–5 and 0 */
static gboolean
rate (SlScorecardEditor *self, guint index, int digit)
{
  guint n_scale = sl_vocab_size (SL_VOCAB_RATING) - 1;
  AttributeRow *row = attribute_row (self, index);
  guint value;

  if (digit == 0)
    value = n_scale;
  else if ((guint) digit <= n_scale)
    value = (guint) digit - 1;
  else
    return FALSE;
  gtk_toggle_button_set_active (row->toggles[value], TRUE);
  /* On to the next attribute, and after the last to the recommendation */
  gtk_widget_grab_focus (index + 1 < self->rows->len ? attribute_row (self, index + 1)->row
                                                     : self->overall_row);
  return TRUE;
}

static gboolean
recommend (SlScorecardEditor *self, int digit)
{
  if (digit < 1 || (guint) digit > sl_vocab_size (SL_VOCAB_OVERALL))
    return FALSE;
  gtk_toggle_button_set_active (self->overall_toggles[digit - 1], TRUE);
  return TRUE;
}

static gboolean
inside (GtkWidget *focus, GtkWidget *row)
{
  return focus == row || gtk_widget_is_ancestor (focus, row);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, SlScorecardEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int digit = digit_of (keyval);

  /* Shift is allowed: some layouts (AZERTY) need it for digits */
  if (digit < 0 || focus == NULL || !is_editable (self) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;
  /* Digits typed in a note or a text are text */
  if (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus))
    return FALSE;
  if (inside (focus, self->overall_row))
    return recommend (self, digit);
  for (guint i = 0; i < self->rows->len; i++)
    if (inside (focus, attribute_row (self, i)->row))
      return rate (self, i, digit);
  return FALSE;
}

/* Building the form */

static GtkWidget *
new_choice (const char *label, const char *context, const char *id, int key, GtkToggleButton *group)
{
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *text = gtk_label_new (label);
  /* Translators: a choice's accessible name: the attribute, then the rating (“Algorithms: Yes”) */
  g_autofree char *name = g_strdup_printf (C_ ("accessible", "%s: %s"), context, label);
  g_autofree char *css = g_strconcat ("rating-", id, NULL);
  char shortcut[2] = { (char) ('0' + key), '\0' };

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (toggle), text);
  gtk_widget_set_hexpand (toggle, TRUE);
  gtk_widget_set_focus_on_click (toggle, FALSE);
  gtk_widget_add_css_class (toggle, "rating-toggle");
  gtk_widget_add_css_class (toggle, css);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), group);
  g_object_set_data (G_OBJECT (toggle), "sl-value", (gpointer) id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, shortcut, -1);
  return toggle;
}

static void
add_attribute_row (SlScorecardEditor *self, GtkWidget *group, guint index)
{
  const SlRating *rating = sl_scorecard_get_rating (self->scorecard, index);
  const char *label = sl_kit_attribute_label (rating->attribute, rating->attribute_name);
  AttributeRow *row = attribute_row (self, index);
  guint n_values = MIN (sl_vocab_size (SL_VOCAB_RATING), MAX_VALUES);
  g_autofree char *note_name = g_strdup_printf (_ ("Note on %s"), label);
  GtkWidget *box, *header, *title;

  /* A preferences row, or the group would put it after its list instead of in it */
  row->row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_widget_add_css_class (row->row, "scorecard-attribute");
  g_object_set_data (G_OBJECT (row->row), "sl-index", GUINT_TO_POINTER (index));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), header);
  title = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  row->note_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (row->note_button), "document-edit-symbolic");
  gtk_widget_set_valign (GTK_WIDGET (row->note_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->note_button), _ ("Add a note"));
  gtk_widget_add_css_class (GTK_WIDGET (row->note_button), "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->note_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  note_name, -1);
  g_object_set_data (G_OBJECT (row->note_button), "sl-index", GUINT_TO_POINTER (index));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (row->note_button));

  /* Not homogeneous: at a narrow width the short labels give room to the long ones */
  row->scale = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (row->scale, "linked");
  gtk_box_append (GTK_BOX (box), row->scale);
  for (guint v = 0; v < n_values; v++)
    {
      const char *id = sl_vocab_id (SL_VOCAB_RATING, v);
      /* 1–5 along the scale, 0 for “no decision” (last) */
      int key = v + 1 < n_values ? (int) v + 1 : 0;
      GtkWidget *toggle = new_choice (sl_vocab_label (SL_VOCAB_RATING, id), label, id, key,
                                      v > 0 ? row->toggles[0] : NULL);

      row->toggles[v] = GTK_TOGGLE_BUTTON (toggle);
      g_object_set_data (G_OBJECT (toggle), "sl-index", GUINT_TO_POINTER (index));
      gtk_toggle_button_set_active (row->toggles[v], g_strcmp0 (rating->value, id) == 0);
      g_signal_connect (toggle, "toggled", G_CALLBACK (rating_toggled_cb), self);
      gtk_box_append (GTK_BOX (row->scale), toggle);
    }
  describe_value (row->row, SL_VOCAB_RATING, rating->value);

  row->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->revealer));
  row->note_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->note_entry), _ ("Note (optional)"));
  gtk_editable_set_text (GTK_EDITABLE (row->note_entry), rating->note);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->note_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  note_name, -1);
  g_object_set_data (G_OBJECT (row->note_entry), "sl-index", GUINT_TO_POINTER (index));
  gtk_revealer_set_child (row->revealer, row->note_entry);
  gtk_toggle_button_set_active (row->note_button, *rating->note != '\0');
  gtk_revealer_set_reveal_child (row->revealer, *rating->note != '\0');
  g_signal_connect (row->note_entry, "changed", G_CALLBACK (note_changed_cb), self);
  g_signal_connect (row->note_button, "toggled", G_CALLBACK (note_button_toggled_cb), self);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row->row);
}

static void
build_form (SlScorecardEditor *self)
{
  guint n_ratings = sl_scorecard_get_n_ratings (self->scorecard);
  guint n_overall = MIN (sl_vocab_size (SL_VOCAB_OVERALL), MAX_VALUES);
  const char *overall = sl_scorecard_get_overall (self->scorecard);
  const char *category = NULL;
  GtkWidget *group = NULL;

  g_array_set_size (self->rows, n_ratings);
  for (guint i = 0; i < n_ratings; i++)
    {
      const SlRating *rating = sl_scorecard_get_rating (self->scorecard, i);

      if (group == NULL || g_strcmp0 (category, rating->category) != 0)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (
            ADW_PREFERENCES_GROUP (group),
            sl_kit_category_label (rating->category, rating->category_name));
          gtk_box_append (GTK_BOX (self->categories_box), group);
          category = rating->category;
        }
      add_attribute_row (self, group, i);
    }

  for (guint v = 0; v < n_overall; v++)
    {
      const char *id = sl_vocab_id (SL_VOCAB_OVERALL, v);
      GtkWidget *toggle =
        new_choice (sl_vocab_label (SL_VOCAB_OVERALL, id), _ ("Overall recommendation"), id,
                    (int) v + 1, v > 0 ? self->overall_toggles[0] : NULL);

      self->overall_toggles[v] = GTK_TOGGLE_BUTTON (toggle);
      gtk_toggle_button_set_active (self->overall_toggles[v], g_strcmp0 (overall, id) == 0);
      g_signal_connect (toggle, "toggled", G_CALLBACK (overall_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->overall_box), toggle);
    }
  describe_value (self->overall_row, SL_VOCAB_OVERALL, overall);

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->takeaways_view),
                            sl_scorecard_get_takeaways (self->scorecard), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            sl_scorecard_get_private_notes (self->scorecard), -1);
  self->loading = FALSE;
  g_signal_connect (gtk_text_view_get_buffer (self->takeaways_view), "changed",
                    G_CALLBACK (text_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (text_changed_cb), self);
}

/* Actions */

static void
submit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlScorecardEditor *self = SL_SCORECARD_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (is_submitted (self) || !save_pending (self))
    return;
  if (!sl_store_submit_scorecard (self->store, self->scorecard, &error))
    {
      toast (self, error->message);
      if (sl_scorecard_get_overall (self->scorecard) == NULL)
        gtk_widget_grab_focus (self->overall_row);
      return;
    }
  self->dirty = FALSE;
  load_amendments (self);
  update_mode (self);
  gtk_widget_grab_focus (self->amend_button);
  toast (self, _ ("Scorecard submitted"));
}

static void
amend_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlScorecardEditor *self = SL_SCORECARD_EDITOR (widget);

  if (!is_submitted (self) || self->amending)
    return;
  self->amending = TRUE;
  update_mode (self);
  gtk_widget_grab_focus (self->rows->len > 0 ? attribute_row (self, 0)->row : self->overall_row);
}

static void
save_amendment_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  SlScorecardEditor *self = SL_SCORECARD_EDITOR (widget);
  guint before = self->n_amendments;

  if (!self->amending || !save_pending (self))
    return;
  self->amending = FALSE;
  load_amendments (self);
  update_mode (self);
  gtk_widget_grab_focus (self->amend_button);
  toast (self, self->n_amendments > before ? _ ("Amendment saved") : _ ("Nothing was changed"));
}

/* Ctrl+Return: submit a draft, or save an amendment */
static gboolean
primary_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  SlScorecardEditor *self = SL_SCORECARD_EDITOR (widget);

  if (self->amending)
    save_amendment_action (widget, NULL, NULL);
  else if (!is_submitted (self))
    submit_action (widget, NULL, NULL);
  else
    return FALSE;
  return TRUE;
}

static gboolean
sl_scorecard_editor_close_request (GtkWindow *window)
{
  SlScorecardEditor *self = SL_SCORECARD_EDITOR (window);

  if (self->dirty && !self->close_anyway && !save_pending (self))
    {
      /* The toast says why; closing again leaves without saving */
      self->close_anyway = TRUE;
      return TRUE;
    }
  self->dirty = FALSE;
  return GTK_WINDOW_CLASS (sl_scorecard_editor_parent_class)->close_request (window);
}

static void
sl_scorecard_editor_dispose (GObject *object)
{
  SlScorecardEditor *self = SL_SCORECARD_EDITOR (object);

  /* Destroyed without closing (the app quitting): keep a draft typed since the last save */
  if (self->dirty && self->store != NULL && !is_submitted (self))
    {
      g_autoptr (GError) error = NULL;

      if (!sl_store_save_scorecard (self->store, self->scorecard, &error))
        g_debug ("Scorecard not saved: %s", error->message);
      self->dirty = FALSE;
    }
  g_clear_handle_id (&self->save_id, g_source_remove);
  /* A window is disposed twice (gtk_window_destroy, then its last unref): once is enough */
  if (self->form_box != NULL)
    gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_SCORECARD_EDITOR);
  g_array_set_size (self->rows, 0);
  g_clear_object (&self->scorecard);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_scorecard_editor_parent_class)->dispose (object);
}

static void
sl_scorecard_editor_finalize (GObject *object)
{
  SlScorecardEditor *self = SL_SCORECARD_EDITOR (object);

  g_array_unref (self->rows);
  G_OBJECT_CLASS (sl_scorecard_editor_parent_class)->finalize (object);
}

static void
sl_scorecard_editor_class_init (SlScorecardEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sl_scorecard_editor_dispose;
  G_OBJECT_CLASS (klass)->finalize = sl_scorecard_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = sl_scorecard_editor_close_request;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/sl-scorecard-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, categories_box);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, overall_row);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, overall_box);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, takeaways_view);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, amendments_group);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, amendments_list);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, amend_button);
  gtk_widget_class_bind_template_child (widget_class, SlScorecardEditor, save_amendment_button);
  gtk_widget_class_install_action (widget_class, "scorecard.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "scorecard.amend", NULL, amend_action);
  gtk_widget_class_install_action (widget_class, "scorecard.save-amendment", NULL,
                                   save_amendment_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_scorecard_editor_init (SlScorecardEditor *self)
{
  GtkEventController *keys;
  GtkEventController *shortcuts;

  /* Built modal by its template, the window got its accessible object from GTK 4.8 before
   * its class's role: a screen reader found a "filler", not a window */
  g_object_set (self, "accessible-role", GTK_ACCESSIBLE_ROLE_WINDOW, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, TRUE, sizeof (AttributeRow));

  /* Digits rate the attribute whose row has the focus: they bubble up from the row */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "scorecard-keys");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* Caught before a text view turns Ctrl+Return into a new line */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (shortcuts, "scorecard-shortcuts");
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                      gtk_callback_action_new (primary_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK),
                      gtk_callback_action_new (primary_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* The editor of @member_id's scorecard of the interview, or NULL with @error when the
 * scorecard cannot be opened (not an interviewer of it, no such interview) */
GtkWidget *
sl_scorecard_editor_new (SlStore *store, gint64 interview_id, gint64 member_id, GtkWindow *parent,
                         GError **error)
{
  g_autoptr (SlScorecard) scorecard = NULL;
  g_autoptr (SlInterview) interview = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  const char *candidate, *kind;
  SlScorecardEditor *self;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);
  scorecard = sl_store_open_scorecard (store, interview_id, member_id, error);
  if (scorecard == NULL)
    return NULL;
  interview = sl_store_get_interview (store, interview_id, error);
  if (interview == NULL)
    return NULL;

  self = g_object_new (SL_TYPE_SCORECARD_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->scorecard = g_steal_pointer (&scorecard);
  g_signal_connect_object (sl_store_get_database (store), "notify::offline",
                           G_CALLBACK (offline_cb), self, G_CONNECT_SWAPPED);
  date = format_local (sl_interview_get_starts_at (interview));
  kind = sl_vocab_label (SL_VOCAB_INTERVIEW_KIND, sl_interview_get_kind (interview));
  candidate = sl_interview_get_candidate_name (interview);
  /* Translators: the scorecard's subtitle: the candidate, the kind of interview, its date */
  subtitle = g_strdup_printf (_ ("%s — %s, %s"), candidate, kind, date);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  build_form (self);
  load_amendments (self);
  update_mode (self);
  /* Ready for the digits */
  if (is_editable (self) && self->rows->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self), attribute_row (self, 0)->row);
  return GTK_WIDGET (self);
}

SlScorecard *
sl_scorecard_editor_get_scorecard (SlScorecardEditor *self)
{
  g_return_val_if_fail (SL_IS_SCORECARD_EDITOR (self), NULL);
  return self->scorecard;
}

/* Saves a draft's pending changes now instead of after the pause. An amendment in progress is
 * not saved: that is its button's (or closing's) to do. */
void
sl_scorecard_editor_flush (SlScorecardEditor *self)
{
  g_return_if_fail (SL_IS_SCORECARD_EDITOR (self));
  if (!is_submitted (self))
    save_pending (self);
}
