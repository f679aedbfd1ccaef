/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-scorecard.c — one interviewer's ratings of one interview
 *
 * Built from the position's kit when the interviewer first opens it, and then its own: later
 * changes to the kit do not rewrite scorecards already started. The store saves it; the blind
 * rule is the store's too (sl-store-scorecards.c), never this object's.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "sl-kit.h"
#include "sl-scorecard.h"

struct _SlScorecard
{
  GObject parent_instance;
  gint64 id;
  gint64 interview_id;
  gint64 member_id;
  char *member_name;
  char *member_email;
  char *kind;
  gint64 starts_at;
  char *overall;
  char *takeaways;
  char *private_notes;
  gint64 submitted_at;
  gint64 updated_at;
  guint n_amendments;
  gboolean notes_hidden;
  GArray *ratings; /* SlRating */
};

G_DEFINE_FINAL_TYPE (SlScorecard, sl_scorecard, G_TYPE_OBJECT)

static void
rating_clear (gpointer data)
{
  SlRating *rating = data;

  g_free (rating->category);
  g_free (rating->category_name);
  g_free (rating->attribute);
  g_free (rating->attribute_name);
  g_free (rating->value);
  g_free (rating->note);
}

static void
sl_scorecard_finalize (GObject *object)
{
  SlScorecard *self = SL_SCORECARD (object);

  g_free (self->member_name);
  g_free (self->member_email);
  g_free (self->kind);
  g_free (self->overall);
  g_free (self->takeaways);
  g_free (self->private_notes);
  g_array_unref (self->ratings);
  G_OBJECT_CLASS (sl_scorecard_parent_class)->finalize (object);
}

static void
sl_scorecard_class_init (SlScorecardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_scorecard_finalize;
}

static void
sl_scorecard_init (SlScorecard *self)
{
  self->ratings = g_array_new (FALSE, TRUE, sizeof (SlRating));
  g_array_set_clear_func (self->ratings, rating_clear);
  self->takeaways = g_strdup ("");
  self->private_notes = g_strdup ("");
}

SlScorecard *
sl_scorecard_new (gint64 id, gint64 interview_id, gint64 member_id)
{
  SlScorecard *self = g_object_new (SL_TYPE_SCORECARD, NULL);

  self->id = id;
  self->interview_id = interview_id;
  self->member_id = member_id;
  return self;
}

gint64
sl_scorecard_get_id (SlScorecard *self)
{
  return self->id;
}

void
sl_scorecard_set_id (SlScorecard *self, gint64 id)
{
  self->id = id;
}

gint64
sl_scorecard_get_interview_id (SlScorecard *self)
{
  return self->interview_id;
}

gint64
sl_scorecard_get_member_id (SlScorecard *self)
{
  return self->member_id;
}

void
sl_scorecard_set_member (SlScorecard *self, const char *name, const char *email)
{
  g_free (self->member_name);
  self->member_name = g_strdup (name);
  g_free (self->member_email);
  self->member_email = g_strdup (email);
}

const char *
sl_scorecard_get_member_name (SlScorecard *self)
{
  return self->member_name ? self->member_name : "";
}

const char *
sl_scorecard_get_member_email (SlScorecard *self)
{
  return self->member_email ? self->member_email : "";
}

void
sl_scorecard_set_interview (SlScorecard *self, const char *kind, gint64 starts_at)
{
  g_free (self->kind);
  self->kind = g_strdup (kind);
  self->starts_at = starts_at;
}

const char *
sl_scorecard_get_kind (SlScorecard *self)
{
  return self->kind ? self->kind : "";
}

gint64
sl_scorecard_get_starts_at (SlScorecard *self)
{
  return self->starts_at;
}

/* NULL until the interviewer recommends */
const char *
sl_scorecard_get_overall (SlScorecard *self)
{
  return self->overall;
}

void
sl_scorecard_set_overall (SlScorecard *self, const char *overall)
{
  g_free (self->overall);
  self->overall = overall != NULL && *overall != '\0' ? g_strdup (overall) : NULL;
}

const char *
sl_scorecard_get_takeaways (SlScorecard *self)
{
  return self->takeaways;
}

void
sl_scorecard_set_takeaways (SlScorecard *self, const char *takeaways)
{
  g_free (self->takeaways);
  self->takeaways = g_strdup (takeaways ? takeaways : "");
}

const char *
sl_scorecard_get_private_notes (SlScorecard *self)
{
  return self->private_notes;
}

void
sl_scorecard_set_private_notes (SlScorecard *self, const char *notes)
{
  g_free (self->private_notes);
  self->private_notes = g_strdup (notes ? notes : "");
}

gint64
sl_scorecard_get_submitted_at (SlScorecard *self)
{
  return self->submitted_at;
}

void
sl_scorecard_set_submitted_at (SlScorecard *self, gint64 submitted_at)
{
  self->submitted_at = submitted_at;
}

gint64
sl_scorecard_get_updated_at (SlScorecard *self)
{
  return self->updated_at;
}

void
sl_scorecard_set_updated_at (SlScorecard *self, gint64 updated_at)
{
  self->updated_at = updated_at;
}

guint
sl_scorecard_get_n_amendments (SlScorecard *self)
{
  return self->n_amendments;
}

void
sl_scorecard_set_n_amendments (SlScorecard *self, guint n)
{
  self->n_amendments = n;
}

/* Whether the store withheld the private notes from the viewer */
gboolean
sl_scorecard_get_notes_hidden (SlScorecard *self)
{
  return self->notes_hidden;
}

void
sl_scorecard_hide_private_notes (SlScorecard *self)
{
  sl_scorecard_set_private_notes (self, "");
  self->notes_hidden = TRUE;
}

guint
sl_scorecard_get_n_ratings (SlScorecard *self)
{
  return self->ratings->len;
}

const SlRating *
sl_scorecard_get_rating (SlScorecard *self, guint index)
{
  g_return_val_if_fail (index < self->ratings->len, NULL);
  return &g_array_index (self->ratings, SlRating, index);
}

int
sl_scorecard_find_rating (SlScorecard *self, const char *attribute)
{
  for (guint i = 0; i < self->ratings->len; i++)
    if (g_strcmp0 (g_array_index (self->ratings, SlRating, i).attribute, attribute) == 0)
      return (int) i;
  return -1;
}

void
sl_scorecard_add_rating (SlScorecard *self, const char *category, const char *category_name,
                         const char *attribute, const char *attribute_name, const char *value,
                         const char *note)
{
  SlRating rating = {
    g_strdup (category),
    category_name && *category_name ? g_strdup (category_name) : NULL,
    g_strdup (attribute),
    attribute_name && *attribute_name ? g_strdup (attribute_name) : NULL,
    g_strdup (value ? value : "no-decision"),
    g_strdup (note ? note : ""),
  };

  g_array_append_val (self->ratings, rating);
}

void
sl_scorecard_set_rating (SlScorecard *self, guint index, const char *value)
{
  SlRating *rating;

  g_return_if_fail (index < self->ratings->len);
  rating = &g_array_index (self->ratings, SlRating, index);
  g_free (rating->value);
  rating->value = g_strdup (value ? value : "no-decision");
}

void
sl_scorecard_set_rating_note (SlScorecard *self, guint index, const char *note)
{
  SlRating *rating;

  g_return_if_fail (index < self->ratings->len);
  rating = &g_array_index (self->ratings, SlRating, index);
  g_free (rating->note);
  rating->note = g_strdup (note ? note : "");
}

/* The scorecard's content as JSON: what an amendment keeps of the version it replaced, and
 * what `shortlist-cli scorecards` prints (with the interviewer's email) */
char *
sl_scorecard_to_json (SlScorecard *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "interview");
  json_builder_add_int_value (builder, self->interview_id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, sl_scorecard_get_kind (self));
  json_builder_set_member_name (builder, "interviewer");
  json_builder_add_string_value (builder, sl_scorecard_get_member_email (self));
  json_builder_set_member_name (builder, "interviewer_name");
  json_builder_add_string_value (builder, sl_scorecard_get_member_name (self));
  json_builder_set_member_name (builder, "overall");
  if (self->overall != NULL)
    json_builder_add_string_value (builder, self->overall);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "takeaways");
  json_builder_add_string_value (builder, self->takeaways);
  json_builder_set_member_name (builder, "private_notes");
  if (self->notes_hidden)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, self->private_notes);
  json_builder_set_member_name (builder, "submitted_at");
  if (self->submitted_at > 0)
    {
      g_autoptr (GDateTime) at = g_date_time_new_from_unix_utc (self->submitted_at);
      g_autofree char *iso = g_date_time_format_iso8601 (at);
      json_builder_add_string_value (builder, iso);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "amendments");
  json_builder_add_int_value (builder, self->n_amendments);
  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->ratings->len; i++)
    {
      const SlRating *rating = &g_array_index (self->ratings, SlRating, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "attribute");
      json_builder_add_string_value (builder, rating->attribute);
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, rating->category);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (
        builder, sl_kit_attribute_label (rating->attribute, rating->attribute_name));
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, rating->value);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, rating->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
