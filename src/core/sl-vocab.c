/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-vocab.c — the domain's fixed vocabularies: stable ids and their translated labels
 *
 * Ids are what files, the database and the command line use; labels are looked up in the
 * user's language each time, so a language change needs no restart of the core.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-catalogs.h"
#include "sl-option.h"
#include "sl-vocab.h"

typedef struct
{
  const char *id;
  const char *label;
} Term;

static const Term stages[] = {
  { "sourced", N_ ("Sourced") },
  { "screening", N_ ("Initial screening") },
  { "resume-review", N_ ("Resume review") },
  { "pre-sell", N_ ("Pre-sell interview") },
  { "technical", N_ ("Technical interview") },
  { "culture", N_ ("Culture interview") },
  { "feedback", N_ ("Candidate feedback") },
  { "offer", N_ ("Offer") },
  { "hired", N_ ("Hired") },
  { "rejected", N_ ("Rejected") },
  { "withdrawn", N_ ("Withdrawn") },
};

static const Term seniorities[] = {
  { "junior", N_ ("Junior") },
  { "mid", N_ ("Mid-level") },
  { "senior", N_ ("Senior") },
};

static const Term employments[] = {
  { "employee", N_ ("Full-time employee") },
  { "freelancer", N_ ("Freelancer") },
  { "contractor", N_ ("Contractor") },
};

static const Term roles[] = {
  { "recruiter", N_ ("Recruiter") },
  { "interviewer", N_ ("Interviewer") },
  { "hiring-lead", N_ ("Hiring lead") },
  { "admin", N_ ("Admin") },
};

static const Term english_levels[] = {
  { "a1", N_ ("A1 — Beginner") },     { "a2", N_ ("A2 — Elementary") },
  { "b1", N_ ("B1 — Intermediate") }, { "b2", N_ ("B2 — Upper intermediate") },
  { "c1", N_ ("C1 — Advanced") },     { "c2", N_ ("C2 — Proficient") },
  { "native", N_ ("Native") },
};

static const Term sources[] = {
  { "job-board", N_ ("Job board") }, { "referral", N_ ("Referral") },
  { "linkedin", N_ ("LinkedIn") },   { "upwork", N_ ("Upwork") },
  { "agency", N_ ("Agency") },       { "careers-page", N_ ("Careers page") },
  { "other", N_ ("Other") },
};

static const Term rate_periods[] = {
  { "hour", N_ ("per hour") },
  { "month", N_ ("per month") },
  { "year", N_ ("per year") },
};

static const Term rejections[] = {
  { "experience", N_ ("Not enough experience with the stack") },
  { "rate", N_ ("Rate above the budget") },
  { "english", N_ ("English below the level needed") },
  { "technical", N_ ("Did not pass the technical interview") },
  { "culture", N_ ("Not a fit for the team") },
  { "availability", N_ ("Not available in time") },
  { "filled", N_ ("Position filled by another candidate") },
  { "other", N_ ("Other reason") },
};

/* Why a candidate withdrew, as the recruiter hears it */
static const Term withdrawals[] = {
  { "other-offer", N_ ("Accepted another offer") },
  { "not-looking", N_ ("No longer looking") },
  { "rate", N_ ("Rate expectations changed") },
  { "relocation", N_ ("Relocation") },
  { "too-slow", N_ ("The hiring process took too long") },
  { "no-response", N_ ("Stopped responding") },
  { "other", N_ ("Other reason") },
};

static const Term interview_kinds[] = {
  { "pre-sell", N_ ("Pre-sell") },
  { "technical", N_ ("Technical") },
  { "culture", N_ ("Culture") },
  { "other", N_ ("Other interview") },
};

/* The five-point scale, worst first, then “no decision” */
static const Term ratings[] = {
  { "definitely-not", N_ ("Definitely not") },
  { "no", N_ ("No") },
  { "mixed", N_ ("Mixed") },
  { "yes", N_ ("Yes") },
  { "strong-yes", N_ ("Strong yes") },
  { "no-decision", N_ ("No decision") },
};

static const Term overalls[] = {
  { "definitely-not", N_ ("Definitely not") },
  { "no", N_ ("No") },
  { "yes", N_ ("Yes") },
  { "strong-yes", N_ ("Strong yes") },
};

static const struct
{
  const Term *terms;
  guint n_terms;
} vocabs[SL_N_VOCABS] = {
  [SL_VOCAB_STAGE] = { stages, G_N_ELEMENTS (stages) },
  [SL_VOCAB_SENIORITY] = { seniorities, G_N_ELEMENTS (seniorities) },
  [SL_VOCAB_EMPLOYMENT] = { employments, G_N_ELEMENTS (employments) },
  [SL_VOCAB_ROLE] = { roles, G_N_ELEMENTS (roles) },
  [SL_VOCAB_ENGLISH] = { english_levels, G_N_ELEMENTS (english_levels) },
  [SL_VOCAB_SOURCE] = { sources, G_N_ELEMENTS (sources) },
  [SL_VOCAB_RATE_PERIOD] = { rate_periods, G_N_ELEMENTS (rate_periods) },
  [SL_VOCAB_REJECTION] = { rejections, G_N_ELEMENTS (rejections) },
  [SL_VOCAB_WITHDRAWAL] = { withdrawals, G_N_ELEMENTS (withdrawals) },
  [SL_VOCAB_INTERVIEW_KIND] = { interview_kinds, G_N_ELEMENTS (interview_kinds) },
  [SL_VOCAB_RATING] = { ratings, G_N_ELEMENTS (ratings) },
  [SL_VOCAB_OVERALL] = { overalls, G_N_ELEMENTS (overalls) },
};

guint
sl_vocab_size (SlVocab vocab)
{
  g_return_val_if_fail (vocab < SL_N_VOCABS, 0);
  return vocabs[vocab].n_terms;
}

const char *
sl_vocab_id (SlVocab vocab, guint index)
{
  g_return_val_if_fail (vocab < SL_N_VOCABS, NULL);
  g_return_val_if_fail (index < vocabs[vocab].n_terms, NULL);
  return vocabs[vocab].terms[index].id;
}

int
sl_vocab_index (SlVocab vocab, const char *id)
{
  g_return_val_if_fail (vocab < SL_N_VOCABS, -1);

  if (id == NULL)
    return -1;
  for (guint i = 0; i < vocabs[vocab].n_terms; i++)
    if (g_str_equal (vocabs[vocab].terms[i].id, id))
      return (int) i;
  return -1;
}

gboolean
sl_vocab_is_valid (SlVocab vocab, const char *id)
{
  return sl_vocab_index (vocab, id) >= 0;
}

/* The translated label, or the id itself for a value this version does not know */
const char *
sl_vocab_label (SlVocab vocab, const char *id)
{
  int index = sl_vocab_index (vocab, id);

  if (index < 0)
    return id ? id : "";
  return g_dgettext (GETTEXT_PACKAGE, vocabs[vocab].terms[index].label);
}

/* A list of SlOption, optionally headed by a “none” entry whose id is "" */
GListModel *
sl_vocab_model (SlVocab vocab, const char *none_label)
{
  GListStore *store = g_list_store_new (SL_TYPE_OPTION);

  g_return_val_if_fail (vocab < SL_N_VOCABS, G_LIST_MODEL (store));

  if (none_label != NULL)
    {
      g_autoptr (SlOption) none = sl_option_new ("", none_label);
      g_list_store_append (store, none);
    }
  for (guint i = 0; i < vocabs[vocab].n_terms; i++)
    {
      const Term *term = &vocabs[vocab].terms[i];
      g_autoptr (SlOption) option =
        sl_option_new (term->id, g_dgettext (GETTEXT_PACKAGE, term->label));
      g_list_store_append (store, option);
    }
  return G_LIST_MODEL (store);
}

char *
sl_vocab_ids_joined (SlVocab vocab, const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sl_vocab_size (vocab); i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, sl_vocab_id (vocab, i));
    }
  return g_string_free (out, FALSE);
}

/* Whether @stage is where an application ends without a hire (rejected, withdrawn): no
 * position's pipeline has it, and no candidate has it as their current stage */
gboolean
sl_vocab_is_outcome (const char *stage)
{
  return g_strcmp0 (stage, "rejected") == 0 || g_strcmp0 (stage, "withdrawn") == 0;
}

/* The list of reasons for ending an application at @outcome (rejected or withdrawn) */
SlVocab
sl_vocab_reasons_for (const char *outcome)
{
  g_return_val_if_fail (sl_vocab_is_outcome (outcome), SL_VOCAB_REJECTION);
  return g_str_equal (outcome, "withdrawn") ? SL_VOCAB_WITHDRAWAL : SL_VOCAB_REJECTION;
}

/* The id whose label is @text in English or in any language the app has a catalog for (what
 * versions before schema 9 stored, in the recruiter's language), or NULL */
const char *
sl_vocab_find_label (SlVocab vocab, const char *text, SlCatalogs *catalogs)
{
  g_return_val_if_fail (vocab < SL_N_VOCABS, NULL);

  if (text == NULL)
    return NULL;
  for (guint i = 0; i < vocabs[vocab].n_terms; i++)
    {
      const Term *term = &vocabs[vocab].terms[i];

      if (g_str_equal (term->label, text) ||
          (catalogs != NULL && sl_catalogs_has_translation (catalogs, term->label, text)))
        return term->id;
    }
  return NULL;
}

/* A reason as a reader sees it: the one chosen for @outcome in their language, then the details
 * after a dash; NULL if there is neither */
char *
sl_vocab_reason_text (const char *outcome, const char *reason_id, const char *details)
{
  const char *label = NULL;

  if (reason_id != NULL && sl_vocab_is_outcome (outcome))
    label = sl_vocab_label (sl_vocab_reasons_for (outcome), reason_id);
  if (details != NULL && *details == '\0')
    details = NULL;
  if (label != NULL && details != NULL)
    return g_strdup_printf ("%s — %s", label, details);
  return g_strdup (label != NULL ? label : details);
}
