/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-vocab.h — the domain's fixed vocabularies: stable ids and their translated labels */
#pragma once

#include <gio/gio.h>

#include "sl-catalogs.h"

G_BEGIN_DECLS

typedef enum
{
  SL_VOCAB_STAGE,
  SL_VOCAB_SENIORITY,
  SL_VOCAB_EMPLOYMENT,
  SL_VOCAB_ROLE,
  SL_VOCAB_ENGLISH,
  SL_VOCAB_SOURCE,
  SL_VOCAB_RATE_PERIOD,
  SL_VOCAB_REJECTION,
  SL_VOCAB_WITHDRAWAL,
  SL_VOCAB_INTERVIEW_KIND,
  SL_VOCAB_RATING,
  SL_VOCAB_OVERALL,
  SL_N_VOCABS
} SlVocab;

guint sl_vocab_size (SlVocab vocab);
const char *sl_vocab_id (SlVocab vocab, guint index);
const char *sl_vocab_label (SlVocab vocab, const char *id);
gboolean sl_vocab_is_valid (SlVocab vocab, const char *id);
gboolean sl_vocab_is_outcome (const char *stage);
int sl_vocab_index (SlVocab vocab, const char *id);
GListModel *sl_vocab_model (SlVocab vocab, const char *none_label);
char *sl_vocab_ids_joined (SlVocab vocab, const char *separator);
SlVocab sl_vocab_reasons_for (const char *outcome);
char *sl_vocab_reason_text (const char *outcome, const char *reason_id, const char *details);
const char *sl_vocab_find_label (SlVocab vocab, const char *text, SlCatalogs *catalogs);

G_END_DECLS
