/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-scorecard.h — one interviewer's ratings of one interview */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char *category;      /* kit ids */
  char *category_name; /* NULL for a built-in category: its label is translated */
  char *attribute;
  char *attribute_name;
  char *value; /* an SL_VOCAB_RATING id */
  char *note;
} SlRating;

#define SL_TYPE_SCORECARD (sl_scorecard_get_type ())
G_DECLARE_FINAL_TYPE (SlScorecard, sl_scorecard, SL, SCORECARD, GObject)

SlScorecard *sl_scorecard_new (gint64 id, gint64 interview_id, gint64 member_id);
gint64 sl_scorecard_get_id (SlScorecard *self);
void sl_scorecard_set_id (SlScorecard *self, gint64 id);
gint64 sl_scorecard_get_interview_id (SlScorecard *self);
gint64 sl_scorecard_get_member_id (SlScorecard *self);
void sl_scorecard_set_member (SlScorecard *self, const char *name, const char *email);
const char *sl_scorecard_get_member_name (SlScorecard *self);
const char *sl_scorecard_get_member_email (SlScorecard *self);
void sl_scorecard_set_interview (SlScorecard *self, const char *kind, gint64 starts_at);
const char *sl_scorecard_get_kind (SlScorecard *self);
gint64 sl_scorecard_get_starts_at (SlScorecard *self);
const char *sl_scorecard_get_overall (SlScorecard *self);
void sl_scorecard_set_overall (SlScorecard *self, const char *overall);
const char *sl_scorecard_get_takeaways (SlScorecard *self);
void sl_scorecard_set_takeaways (SlScorecard *self, const char *takeaways);
const char *sl_scorecard_get_private_notes (SlScorecard *self);
void sl_scorecard_set_private_notes (SlScorecard *self, const char *notes);
gint64 sl_scorecard_get_submitted_at (SlScorecard *self);
void sl_scorecard_set_submitted_at (SlScorecard *self, gint64 submitted_at);
gint64 sl_scorecard_get_updated_at (SlScorecard *self);
void sl_scorecard_set_updated_at (SlScorecard *self, gint64 updated_at);
guint sl_scorecard_get_n_amendments (SlScorecard *self);
void sl_scorecard_set_n_amendments (SlScorecard *self, guint n);
gboolean sl_scorecard_get_notes_hidden (SlScorecard *self);
void sl_scorecard_hide_private_notes (SlScorecard *self);

guint sl_scorecard_get_n_ratings (SlScorecard *self);
const SlRating *sl_scorecard_get_rating (SlScorecard *self, guint index);
int sl_scorecard_find_rating (SlScorecard *self, const char *attribute);
void sl_scorecard_add_rating (SlScorecard *self, const char *category, const char *category_name,
                              const char *attribute, const char *attribute_name, const char *value,
                              const char *note);
void sl_scorecard_set_rating (SlScorecard *self, guint index, const char *value);
void sl_scorecard_set_rating_note (SlScorecard *self, guint index, const char *note);
char *sl_scorecard_to_json (SlScorecard *self);

G_END_DECLS
