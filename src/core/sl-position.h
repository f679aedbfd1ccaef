/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-position.h — a job opening: what is hired, for whom, and its approved description */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_TYPE_POSITION (sl_position_get_type ())
G_DECLARE_FINAL_TYPE (SlPosition, sl_position, SL, POSITION, GObject)

/* The text fields, in the order of their properties */
typedef enum
{
  SL_POSITION_TITLE,
  SL_POSITION_CLIENT,
  SL_POSITION_SENIORITY,
  SL_POSITION_STACK,
  SL_POSITION_EMPLOYMENT_TYPE,
  SL_POSITION_CONTRACT_END,
  SL_POSITION_CURRENCY,
  SL_POSITION_RATE_PERIOD,
  SL_POSITION_STATUS,
  SL_POSITION_KICKOFF_NOTES,
  SL_POSITION_DESCRIPTION,
  SL_POSITION_APPROVED_BY_NAME, /* derived: who approved the description */
  SL_POSITION_STACK_NAME,       /* derived: the stack's display name */
  SL_POSITION_N_TEXTS
} SlPositionText;

SlPosition *sl_position_new (void);
gint64 sl_position_get_id (SlPosition *self);
void sl_position_set_id (SlPosition *self, gint64 id);
const char *sl_position_get_text (SlPosition *self, SlPositionText field);
void sl_position_set_text (SlPosition *self, SlPositionText field, const char *value);
const char *sl_position_get_title (SlPosition *self);
const char *sl_position_get_status (SlPosition *self);
int sl_position_get_headcount (SlPosition *self);
void sl_position_set_headcount (SlPosition *self, int headcount);
double sl_position_get_rate_min (SlPosition *self);
void sl_position_set_rate_min (SlPosition *self, double rate);
double sl_position_get_rate_max (SlPosition *self);
void sl_position_set_rate_max (SlPosition *self, double rate);
gint64 sl_position_get_approved_by (SlPosition *self);
void sl_position_set_approved_by (SlPosition *self, gint64 member_id);
gint64 sl_position_get_approved_at (SlPosition *self);
void sl_position_set_approved_at (SlPosition *self, gint64 unix_time);
gboolean sl_position_is_approved (SlPosition *self);
const char *const *sl_position_get_countries (SlPosition *self);
void sl_position_set_countries (SlPosition *self, const char *const *countries);
const char *const *sl_position_get_skills (SlPosition *self);
void sl_position_set_skills (SlPosition *self, const char *const *skills);
GHashTable *sl_position_get_counts (SlPosition *self);
void sl_position_set_counts (SlPosition *self, GHashTable *counts);
guint sl_position_get_count (SlPosition *self, const char *stage);

G_END_DECLS
