/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate.h — a candidate's profile */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_TYPE_CANDIDATE (sl_candidate_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidate, sl_candidate, SL, CANDIDATE, GObject)

/* The text fields, in the order of their properties; sl_candidate_get_text() takes these */
typedef enum
{
  SL_CANDIDATE_NAME,
  SL_CANDIDATE_EMAIL,
  SL_CANDIDATE_PHONE,
  SL_CANDIDATE_COUNTRY,
  SL_CANDIDATE_CITY,
  SL_CANDIDATE_TIMEZONE,
  SL_CANDIDATE_ENGLISH_LEVEL,
  SL_CANDIDATE_SENIORITY,
  SL_CANDIDATE_STACK,
  SL_CANDIDATE_EMPLOYMENT_TYPE,
  SL_CANDIDATE_CURRENCY,
  SL_CANDIDATE_RATE_PERIOD,
  SL_CANDIDATE_AVAILABILITY,
  SL_CANDIDATE_SOURCE,
  SL_CANDIDATE_LINKS,
  SL_CANDIDATE_NOTES,
  SL_CANDIDATE_STAGE,      /* derived: the most advanced active application's stage */
  SL_CANDIDATE_STACK_NAME, /* derived: the stack's display name */
  SL_CANDIDATE_N_TEXTS
} SlCandidateText;

SlCandidate *sl_candidate_new (void);
guint sl_candidate_get_n_instances (void);
const char *sl_candidate_text_property_name (SlCandidateText field);

gint64 sl_candidate_get_id (SlCandidate *self);
void sl_candidate_set_id (SlCandidate *self, gint64 id);
const char *sl_candidate_get_text (SlCandidate *self, SlCandidateText field);
void sl_candidate_set_text (SlCandidate *self, SlCandidateText field, const char *value);
const char *sl_candidate_get_name (SlCandidate *self);
void sl_candidate_set_name (SlCandidate *self, const char *name);
double sl_candidate_get_years_experience (SlCandidate *self);
void sl_candidate_set_years_experience (SlCandidate *self, double years);
double sl_candidate_get_expected_rate (SlCandidate *self);
void sl_candidate_set_expected_rate (SlCandidate *self, double rate);
gint64 sl_candidate_get_consent_at (SlCandidate *self);
void sl_candidate_set_consent_at (SlCandidate *self, gint64 unix_time);
gint64 sl_candidate_get_created_at (SlCandidate *self);
void sl_candidate_set_created_at (SlCandidate *self, gint64 unix_time);
gint64 sl_candidate_get_updated_at (SlCandidate *self);
void sl_candidate_set_updated_at (SlCandidate *self, gint64 unix_time);
const char *const *sl_candidate_get_skills (SlCandidate *self);
void sl_candidate_set_skills (SlCandidate *self, const char *const *skills);

/* A candidate's stored values, borrowed from where they were read (an SlCandidate, or a
 * statement's row while it is current): what exports write, without an object per candidate */
typedef struct
{
  gint64 id;
  const char *texts[SL_CANDIDATE_N_TEXTS]; /* never NULL; "" when not set */
  double years_experience;                 /* negative when not known */
  double expected_rate;                    /* negative when not known */
  gint64 consent_at;                       /* 0 when not given */
  gint64 created_at;
  gint64 updated_at;
  const char *const *skills; /* by name, in order; NULL-terminated, never NULL */
} SlCandidateRecord;

void sl_candidate_record_init (SlCandidateRecord *row, SlCandidate *candidate);

G_END_DECLS
