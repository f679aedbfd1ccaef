/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-report-tally.c — the sources, breakdowns and offers reports, from one pass over the
 * applications. See sl-report-queries.c for the definitions and what the reports share.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sl-countries.h"
#include "sl-report-queries-private.h"
#include "sl-store-private.h"
#include "sl-vocab.h"

/* Sources, the breakdowns and the offers: one pass over the applications gives each one's
 * candidate, position, source, country, stack, seniority and employment type and whether it
 * had an interview, an offer, a hire, or an offer declined or rescinded; C adds them up per
 * value. An offer is declined when the application ended withdrawn from Offer (the candidate
 * said no), rescinded when it ended rejected from Offer (the company did): one reopened and
 * hired since is accepted, not both. */

enum
{
  FACT_CANDIDATE,
  FACT_APPLICATION,
  FACT_SOURCE,
  FACT_COUNTRY,
  FACT_STACK,
  FACT_SENIORITY,
  FACT_EMPLOYMENT,
  FACT_TITLE, /* the position's id, as text */
  FACT_OFFER,
  FACT_HIRED,
  FACT_DECLINED,
  FACT_RESCINDED,
  FACT_LABEL,      /* the position's title and client */
  FACT_STACK_NAME, /* the stack's name, for its id */
};

/* One application's row of the pass, read once for all the tallies */
typedef struct
{
  SlStmt *stmt;
  gint64 candidate;
  gboolean interviewed;
  gboolean offer;
  gboolean hired;
  gboolean declined;
  gboolean rescinded;
} Facts;

/* What a candidate reached in any of their applications, for the tables that count people */
#define MET_INTERVIEW 1
#define MET_OFFER 2
#define MET_HIRE 4

typedef struct
{
  char *value; /* the id (or text) grouped by */
  char *label; /* for positions and stacks: what the row says */
  double applications;
  GHashTable *candidates; /* candidate id → MET_… of their applications in the group */
  double interviewed;
  double offers;
  double hires;
  double declined;
  double rescinded;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->value);
  g_free (group->label);
  g_clear_pointer (&group->candidates, g_hash_table_unref);
  g_free (group);
}

typedef struct
{
  int column;         /* FACT_… */
  int label_column;   /* FACT_… of the label of the value, or -1 */
  GHashTable *groups; /* value → Group */
  gboolean people;    /* count candidates too */
  Group *last;        /* the previous row's: a candidate's applications come together */
} Tally;

static void
tally_add (Tally *tally, const Facts *facts)
{
  const char *value = sl_store_column_text (facts->stmt, tally->column);
  Group *group = tally->last;

  if (group == NULL || strcmp (group->value, value) != 0)
    group = g_hash_table_lookup (tally->groups, value);
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->value = g_strdup (value);
      if (tally->label_column >= 0)
        group->label = g_strdup (sl_store_column_text (facts->stmt, tally->label_column));
      group->candidates = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_hash_table_insert (tally->groups, group->value, group);
    }
  tally->last = group;
  group->applications++;
  /* Only the sources count people; the ids fit in a pointer, so nothing is allocated */
  if (tally->people)
    {
      gpointer candidate = GSIZE_TO_POINTER (facts->candidate);
      guint met = GPOINTER_TO_UINT (g_hash_table_lookup (group->candidates, candidate));

      met |= (facts->interviewed ? MET_INTERVIEW : 0) | (facts->offer ? MET_OFFER : 0) |
             (facts->hired ? MET_HIRE : 0);
      g_hash_table_insert (group->candidates, candidate, GUINT_TO_POINTER (met | 8));
    }
  group->interviewed += facts->interviewed;
  group->offers += facts->offer;
  group->hires += facts->hired;
  group->declined += facts->declined;
  group->rescinded += facts->rescinded;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The applications with an interview held by @now, sorted: one read of the interviews instead
 * of a lookup in them for each application */
static GArray *
interviewed_applications (SlDatabase *db, gint64 now, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SlStmt *stmt =
    sl_database_prepare (db, "SELECT application_id FROM interviews WHERE +starts_at <= ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sl_stmt_bind_int64 (stmt, 1, now);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      gint64 id = sl_stmt_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (!sl_report_finish (db, stmt, rc, error))
    return NULL;
  g_array_sort (ids, compare_ids);
  return g_steal_pointer (&ids);
}

static gboolean
tally (SlDatabase *db, const SlReportFilter *filter, gint64 now, Tally *tallies, guint n_tallies,
       GError **error)
{
  g_autoptr (GArray) interviewed = interviewed_applications (db, now, error);
  /* Declined and rescinded: the application ended withdrawn or rejected from Offer (both read
   * from stage_events_ended) */
  SlStmt *stmt =
    interviewed == NULL
      ? NULL
      : sl_report_prepare (
          db,
          "SELECT apps.candidate_id, apps.id, c.source, c.country, coalesce (s.id, ''),"
          " coalesce (c.seniority, ''), coalesce (p.employment_type, ''), p.id,"
          " " REACHED (8) ", " REACHED (
            9) ","
               " apps.id IN (SELECT d.application_id FROM stage_events d WHERE d.until_at IS NULL"
               "  AND d.to_stage IN ('rejected', 'withdrawn') AND d.from_stage = 'offer'"
               "  AND d.to_stage = 'withdrawn'),"
               " apps.id IN (SELECT d.application_id FROM stage_events d WHERE d.until_at IS NULL"
               "  AND d.to_stage IN ('rejected', 'withdrawn') AND d.from_stage = 'offer'"
               "  AND d.to_stage = 'rejected'),"
               " p.title || CASE WHEN p.client <> '' THEN ' · ' || p.client ELSE '' END,"
               " coalesce (s.name, '')"
               " FROM apps JOIN candidates c ON c.id = apps.candidate_id"
               " JOIN positions p ON p.id = apps.position_id LEFT JOIN stacks s ON s.id = c.stack_id",
          filter, error);
  Facts facts = { stmt, 0, FALSE, FALSE, FALSE, FALSE };
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_tallies; i++)
    tallies[i].groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, group_free);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      gint64 application = sl_stmt_column_int64 (stmt, FACT_APPLICATION);

      facts.candidate = sl_stmt_column_int64 (stmt, FACT_CANDIDATE);
      facts.interviewed =
        interviewed->len > 0 && bsearch (&application, interviewed->data, interviewed->len,
                                         sizeof (gint64), compare_ids) != NULL;
      facts.offer = sl_stmt_column_int (stmt, FACT_OFFER);
      facts.hired = sl_stmt_column_int (stmt, FACT_HIRED);
      facts.declined = sl_stmt_column_int (stmt, FACT_DECLINED);
      facts.rescinded = sl_stmt_column_int (stmt, FACT_RESCINDED);
      for (guint i = 0; i < n_tallies; i++)
        tally_add (&tallies[i], &facts);
    }
  return sl_report_finish (db, stmt, rc, error);
}

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  const Group *x = *(Group *const *) a, *y = *(Group *const *) b;

  if (x->applications != y->applications)
    return x->applications > y->applications ? -1 : 1;
  return g_strcmp0 (x->value, y->value);
}

/* The groups, most applications first */
static GPtrArray *
sorted_groups (Tally *tally)
{
  GPtrArray *groups = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer group;

  g_hash_table_iter_init (&iter, tally->groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    g_ptr_array_add (groups, group);
  g_ptr_array_sort (groups, compare_groups);
  return groups;
}

/* What a row says for the value of @group (a country's name for its code) */
typedef const char *(*LabelFunc) (const Group *group);

static const char *
source_label (const Group *group)
{
  return *group->value ? sl_vocab_label (SL_VOCAB_SOURCE, group->value) : _ ("Not recorded");
}

static const char *
country_label (const Group *group)
{
  return *group->value ? sl_countries_name (group->value) : _ ("Not recorded");
}

static const char *
seniority_label (const Group *group)
{
  return *group->value ? sl_vocab_label (SL_VOCAB_SENIORITY, group->value) : _ ("Not recorded");
}

static const char *
employment_label (const Group *group)
{
  return *group->value ? sl_vocab_label (SL_VOCAB_EMPLOYMENT, group->value) : _ ("Not recorded");
}

/* A stack's name, as the team named it */
static const char *
stack_label (const Group *group)
{
  return *group->value ? group->label : _ ("Not recorded");
}

/* One row per value: applications (or candidates, for sources), those with an interview, an
 * offer, a hire, and the share hired */
static void
milestones_table (SlReport *report, Tally *tally, const char *id, const char *title,
                  const char *value_id, const char *value_title, LabelFunc label,
                  gboolean candidates)
{
  SlReportTable *table = sl_report_table_new (id, title, SL_REPORT_CHART_BARS, 1);
  g_autoptr (GPtrArray) groups = sorted_groups (tally);

  sl_report_add_table (report, table);
  sl_report_table_add_column (table, value_id, value_title, SL_REPORT_TEXT);
  sl_report_table_add_column (table, candidates ? "candidates" : "applications",
                              candidates ? _ ("Candidates") : _ ("Applications"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, "interviewed", _ ("Interviewed"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, "offers", _ ("Offers"), SL_REPORT_COUNT);
  sl_report_table_add_column (table, "hires", _ ("Hires"), SL_REPORT_COUNT);
  /* Translators: a column of the share of applications (or candidates) that ended in a hire */
  sl_report_table_add_column (table, "hired_rate", _ ("Share hired"), SL_REPORT_RATE);
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = groups->pdata[i];
      double total = group->applications, interviewed = group->interviewed, offers = group->offers,
             hires = group->hires;
      guint row = sl_report_table_add_row (table);

      /* Counting people, every column counts people: those with an application that got there */
      if (candidates)
        {
          GHashTableIter iter;
          gpointer met;

          total = interviewed = offers = hires = 0;
          g_hash_table_iter_init (&iter, group->candidates);
          while (g_hash_table_iter_next (&iter, NULL, &met))
            {
              total++;
              interviewed += (GPOINTER_TO_UINT (met) & MET_INTERVIEW) != 0;
              offers += (GPOINTER_TO_UINT (met) & MET_OFFER) != 0;
              hires += (GPOINTER_TO_UINT (met) & MET_HIRE) != 0;
            }
        }
      /* Nothing recorded is no value */
      sl_report_table_set_label (table, row, 0, *group->value ? group->value : NULL, label (group));
      sl_report_table_set_number (table, row, 1, total);
      sl_report_table_set_number (table, row, 2, interviewed);
      sl_report_table_set_number (table, row, 3, offers);
      sl_report_table_set_number (table, row, 4, hires);
      sl_report_table_set_number (table, row, 5, sl_report_rate (hires, total));
    }
}

static void
tallies_clear (Tally *tallies, guint n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&tallies[i].groups, g_hash_table_unref);
}

/* The one pass the sources, breakdown and offers reports share: one tally per column */
enum
{
  TALLY_SOURCE,
  TALLY_COUNTRY,
  TALLY_STACK,
  TALLY_SENIORITY,
  TALLY_EMPLOYMENT,
  TALLY_TITLE,
  N_TALLIES
};

static gboolean
tally_all (SlDatabase *db, const SlReportFilter *filter, gint64 now, Tally *tallies, GError **error)
{
  static const int columns[N_TALLIES] = { FACT_SOURCE,    FACT_COUNTRY,    FACT_STACK,
                                          FACT_SENIORITY, FACT_EMPLOYMENT, FACT_TITLE };

  for (guint i = 0; i < N_TALLIES; i++)
    {
      tallies[i].column = columns[i];
      tallies[i].label_column = i == TALLY_STACK   ? FACT_STACK_NAME
                                : i == TALLY_TITLE ? FACT_LABEL
                                                   : -1;
      tallies[i].people = i == TALLY_SOURCE;
    }
  return tally (db, filter, now, tallies, N_TALLIES, error);
}

static void
sources_tables (SlReport *report, Tally *tallies)
{
  milestones_table (report, &tallies[TALLY_SOURCE], "sources", _ ("Candidates by source"), "source",
                    _ ("Source"), source_label, TRUE);
}

static void
breakdown_tables (SlReport *report, Tally *tallies)
{
  milestones_table (report, &tallies[TALLY_COUNTRY], "countries", _ ("By country"), "country",
                    _ ("Country"), country_label, FALSE);
  milestones_table (report, &tallies[TALLY_STACK], "stacks", _ ("By stack"), "stack", _ ("Stack"),
                    stack_label, FALSE);
  milestones_table (report, &tallies[TALLY_SENIORITY], "seniorities", _ ("By seniority"),
                    "seniority", _ ("Seniority"), seniority_label, FALSE);
  milestones_table (report, &tallies[TALLY_EMPLOYMENT], "employment_types",
                    _ ("By employment type"), "employment_type", _ ("Employment type"),
                    employment_label, FALSE);
}

/* Offers */

static void
offers_tables (SlReport *report, Tally *tallies)
{
  SlReportTable *totals = sl_report_table_new ("totals", _ ("Offers"), SL_REPORT_CHART_BARS, 1);
  SlReportTable *acceptance =
    sl_report_table_new ("acceptance", _ ("Acceptance rate"), SL_REPORT_CHART_NONE, 0);
  SlReportTable *by_position =
    sl_report_table_new ("positions", _ ("Offers by position"), SL_REPORT_CHART_NONE, 0);
  static const char *const keys[] = { "made", "accepted", "declined", "rescinded", "open" };
  const char *labels[] = { _ ("Made"), _ ("Accepted"), _ ("Declined"),
                           /* Translators: offers the company withdrew (the application was
                            * rejected at the Offer stage), beside those the candidates declined */
                           C_ ("offers", "Rescinded"), _ ("Still open") };
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GHashTable) labels_seen = g_hash_table_new (g_str_hash, g_str_equal);
  double made = 0, accepted = 0, declined = 0, rescinded = 0;
  guint row;

  sl_report_add_table (report, totals);
  sl_report_add_table (report, acceptance);
  sl_report_add_table (report, by_position);
  sl_report_table_add_column (totals, "status", _ ("Offers"), SL_REPORT_TEXT);
  sl_report_table_add_column (totals, "applications", _ ("Applications"), SL_REPORT_COUNT);
  sl_report_table_add_column (totals, "share_rate", _ ("Share of offers"), SL_REPORT_RATE);
  sl_report_table_add_column (acceptance, "scope", _ ("Offers"), SL_REPORT_TEXT);
  sl_report_table_add_column (acceptance, "acceptance_rate", _ ("Acceptance rate"), SL_REPORT_RATE);
  sl_report_table_add_column (by_position, "position", _ ("Position"), SL_REPORT_TEXT);
  sl_report_table_add_column (by_position, "made", _ ("Made"), SL_REPORT_COUNT);
  sl_report_table_add_column (by_position, "accepted", _ ("Accepted"), SL_REPORT_COUNT);
  sl_report_table_add_column (by_position, "declined", _ ("Declined"), SL_REPORT_COUNT);
  sl_report_table_add_column (by_position, "acceptance_rate", _ ("Acceptance rate"),
                              SL_REPORT_RATE);
  groups = sorted_groups (&tallies[TALLY_TITLE]);
  /* Two positions of the same title and client are told apart by their ids */
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = groups->pdata[i];
      guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (labels_seen, group->label));

      g_hash_table_insert (labels_seen, group->label, GUINT_TO_POINTER (seen + 1));
    }
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = groups->pdata[i];
      g_autofree char *label = NULL;

      if (group->offers == 0)
        continue;
      made += group->offers;
      accepted += group->hires;
      declined += group->declined;
      rescinded += group->rescinded;
      label = GPOINTER_TO_UINT (g_hash_table_lookup (labels_seen, group->label)) > 1
                ? g_strdup_printf ("%s (#%s)", group->label, group->value)
                : g_strdup (group->label);
      row = sl_report_table_add_row (by_position);
      sl_report_table_set_text (by_position, row, 0, label);
      sl_report_table_set_number (by_position, row, 1, group->offers);
      sl_report_table_set_number (by_position, row, 2, group->hires);
      sl_report_table_set_number (by_position, row, 3, group->declined);
      sl_report_table_set_number (by_position, row, 4,
                                  sl_report_rate (group->hires, group->hires + group->declined));
    }
  {
    double values[] = { made, accepted, declined, rescinded,
                        made - accepted - declined - rescinded };

    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        row = sl_report_table_add_row (totals);
        sl_report_table_set_label (totals, row, 0, keys[i], labels[i]);
        sl_report_table_set_number (totals, row, 1, values[i]);
        sl_report_table_set_number (totals, row, 2, sl_report_rate (values[i], made));
      }
  }
  /* A rate is no bar among counts: it has its own table */
  row = sl_report_table_add_row (acceptance);
  sl_report_table_set_label (acceptance, row, 0, "all_positions", _ ("All positions"));
  sl_report_table_set_number (acceptance, row, 1, sl_report_rate (accepted, accepted + declined));
}

struct _SlReportTallies
{
  Tally tallies[N_TALLIES];
};

/* The one pass; NULL with @error set if it failed */
SlReportTallies *
sl_report_tallies_new (SlDatabase *db, const SlReportFilter *filter, gint64 now, GError **error)
{
  SlReportTallies *tallies = g_new0 (SlReportTallies, 1);

  if (!tally_all (db, filter, now, tallies->tallies, error))
    {
      sl_report_tallies_free (tallies);
      return NULL;
    }
  return tallies;
}

void
sl_report_tallies_free (SlReportTallies *tallies)
{
  if (tallies == NULL)
    return;
  tallies_clear (tallies->tallies, N_TALLIES);
  g_free (tallies);
}

void
sl_report_tallies_sources (SlReportTallies *tallies, SlReport *report)
{
  sources_tables (report, tallies->tallies);
}

void
sl_report_tallies_breakdown (SlReportTallies *tallies, SlReport *report)
{
  breakdown_tables (report, tallies->tallies);
}

void
sl_report_tallies_offers (SlReportTallies *tallies, SlReport *report)
{
  offers_tables (report, tallies->tallies);
}
