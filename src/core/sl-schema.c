/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-schema.c — the versioned schema migrations
 *
 * Each step moves the file one version up inside the caller's transaction. Steps are never
 * edited once released: a change to the schema is a new step, with a test that upgrades a file
 * written at every older version.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sl-schema.h"
#include "sl-candidate-order.h"
#include "sl-vocab.h"

/* Version 1: the whole hiring domain */
static const char schema_v1[] =
  "CREATE TABLE team_members ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  role TEXT NOT NULL CHECK (role IN ('recruiter','interviewer','hiring-lead','admin')),"
  "  created_at INTEGER NOT NULL);"

  "CREATE TABLE stacks ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  rank INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO stacks (id, name, rank) VALUES"
  "  ('java','Java',1), ('python','Python',2), ('dotnet','.NET/C#',3), ('php','PHP',4),"
  "  ('ruby','Ruby on Rails',5), ('node','Node.js/JavaScript',6), ('go','Go',7),"
  "  ('kotlin','Kotlin',8), ('rust','Rust',9), ('scala','Scala',10), ('elixir','Elixir',11),"
  "  ('cpp','C++',12);"

  "CREATE TABLE skill_tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE);"

  "CREATE TABLE stages ("
  "  id TEXT PRIMARY KEY,"
  "  rank INTEGER NOT NULL,"
  "  outcome INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO stages (id, rank, outcome) VALUES"
  "  ('sourced',1,0), ('screening',2,0), ('resume-review',3,0), ('pre-sell',4,0),"
  "  ('technical',5,0), ('culture',6,0), ('feedback',7,0), ('offer',8,0), ('hired',9,0),"
  "  ('rejected',10,1), ('withdrawn',11,1);"

  "CREATE TABLE positions ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  client TEXT NOT NULL DEFAULT '',"
  "  seniority TEXT CHECK (seniority IN ('junior','mid','senior')),"
  "  stack_id TEXT REFERENCES stacks(id),"
  "  employment_type TEXT CHECK (employment_type IN ('employee','freelancer','contractor')),"
  "  contract_end TEXT,"
  "  headcount INTEGER NOT NULL DEFAULT 1 CHECK (headcount > 0),"
  "  rate_min REAL,"
  "  rate_max REAL,"
  "  currency TEXT,"
  "  rate_period TEXT CHECK (rate_period IN ('hour','month','year')),"
  "  status TEXT NOT NULL DEFAULT 'kickoff'"
  "    CHECK (status IN ('kickoff','draft','open','on-hold','filled','closed')),"
  "  kickoff_notes TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  approved_by INTEGER REFERENCES team_members(id) ON DELETE SET NULL,"
  "  approved_at INTEGER,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE TABLE position_countries ("
  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,"
  "  country TEXT NOT NULL,"
  "  PRIMARY KEY (position_id, country)) WITHOUT ROWID;"
  "CREATE TABLE position_skills ("
  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES skill_tags(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (position_id, tag_id)) WITHOUT ROWID;"
  "CREATE TABLE position_stages ("
  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,"
  "  stage_id TEXT NOT NULL REFERENCES stages(id),"
  "  name TEXT,"
  "  rank INTEGER NOT NULL,"
  "  hidden INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (position_id, stage_id)) WITHOUT ROWID;"

  "CREATE TABLE candidates ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  country TEXT NOT NULL DEFAULT '',"
  "  city TEXT NOT NULL DEFAULT '',"
  "  timezone TEXT NOT NULL DEFAULT '',"
  "  english_level TEXT NOT NULL DEFAULT '',"
  "  seniority TEXT CHECK (seniority IN ('junior','mid','senior')),"
  "  years_experience REAL,"
  "  stack_id TEXT REFERENCES stacks(id),"
  "  employment_type TEXT CHECK (employment_type IN ('employee','freelancer','contractor')),"
  "  expected_rate REAL,"
  "  currency TEXT NOT NULL DEFAULT '',"
  "  rate_period TEXT CHECK (rate_period IN ('hour','month','year')),"
  "  availability TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL DEFAULT '',"
  "  links TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  consent_at INTEGER,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE INDEX candidates_country ON candidates(country);"
  "CREATE INDEX candidates_email ON candidates(email);"
  "CREATE TABLE candidate_skills ("
  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES skill_tags(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (candidate_id, tag_id)) WITHOUT ROWID;"
  "CREATE INDEX candidate_skills_tag ON candidate_skills(tag_id);"

  "CREATE TABLE applications ("
  "  id INTEGER PRIMARY KEY,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,"
  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,"
  "  stage TEXT NOT NULL DEFAULT 'sourced' REFERENCES stages(id),"
  "  start_date TEXT,"
  "  left_at TEXT,"
  "  left_reason TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (candidate_id, position_id));"
  "CREATE INDEX applications_position ON applications(position_id, stage);"
  "CREATE TABLE stage_events ("
  "  id INTEGER PRIMARY KEY,"
  "  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,"
  "  from_stage TEXT REFERENCES stages(id),"
  "  to_stage TEXT NOT NULL REFERENCES stages(id),"
  "  at INTEGER NOT NULL,"
  "  by_member INTEGER REFERENCES team_members(id) ON DELETE SET NULL,"
  "  reason TEXT);"
  "CREATE INDEX stage_events_application ON stage_events(application_id, at);"

  "CREATE TABLE interviews ("
  "  id INTEGER PRIMARY KEY,"
  "  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('pre-sell','technical','culture','other')),"
  "  starts_at INTEGER NOT NULL,"
  "  duration_min INTEGER NOT NULL DEFAULT 60 CHECK (duration_min > 0),"
  "  place TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX interviews_application ON interviews(application_id);"
  "CREATE INDEX interviews_starts ON interviews(starts_at);"
  "CREATE TABLE interview_interviewers ("
  "  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES team_members(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (interview_id, member_id)) WITHOUT ROWID;"
  "CREATE TABLE scorecards ("
  "  id INTEGER PRIMARY KEY,"
  "  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES team_members(id) ON DELETE CASCADE,"
  "  overall TEXT CHECK (overall IN ('definitely-not','no','yes','strong-yes')),"
  "  takeaways TEXT NOT NULL DEFAULT '',"
  "  private_notes TEXT NOT NULL DEFAULT '',"
  "  submitted_at INTEGER,"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (interview_id, member_id));"
  "CREATE TABLE scorecard_ratings ("
  "  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,"
  "  category TEXT NOT NULL,"
  "  attribute TEXT NOT NULL,"
  "  value TEXT NOT NULL CHECK (value IN"
  "    ('definitely-not','no','mixed','yes','strong-yes','no-decision')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (scorecard_id, attribute)) WITHOUT ROWID;"
  "CREATE TABLE scorecard_amendments ("
  "  id INTEGER PRIMARY KEY,"
  "  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,"
  "  at INTEGER NOT NULL,"
  "  previous TEXT NOT NULL);"

  "CREATE TABLE offers ("
  "  id INTEGER PRIMARY KEY,"
  "  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,"
  "  amount REAL,"
  "  currency TEXT,"
  "  rate_period TEXT CHECK (rate_period IN ('hour','month','year')),"
  "  employment_type TEXT CHECK (employment_type IN ('employee','freelancer','contractor')),"
  "  start_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','sent','accepted','declined')),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE INDEX offers_application ON offers(application_id);"

  "CREATE TABLE attachments ("
  "  id INTEGER PRIMARY KEY,"
  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'resume',"
  "  filename TEXT NOT NULL,"
  "  mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',"
  "  data BLOB NOT NULL,"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX attachments_candidate ON attachments(candidate_id);";

/* clang-format off */
#define CURRENT_STAGE(candidate)                                                                   \
  "SELECT a.stage FROM applications a JOIN stages s ON s.id = a.stage"                             \
  " WHERE a.candidate_id = " candidate " AND s.outcome = 0 ORDER BY s.rank DESC LIMIT 1"

/* What the search index holds for candidate row @c: everything folded (see sl-fold.c) */
#define INDEX_VALUES(c)                                                                            \
  "sl_fold(" c ".name), sl_fold(" c ".email), sl_fold(" c ".city),"                                \
  " sl_fold(coalesce((SELECT name FROM stacks WHERE id = " c ".stack_id), '') || ' ' ||"           \
  "   coalesce((SELECT group_concat(t.name, ' ') FROM candidate_skills cs"                         \
  "     JOIN skill_tags t ON t.id = cs.tag_id WHERE cs.candidate_id = " c ".id), '')),"            \
  " sl_fold(" c ".notes)"
/* clang-format on */

/* Version 2: the search index, the list's sort key and each candidate's current stage.
 * The triggers keep them current row by row; bulk writers (sample data, imports) turn the
 * triggers off with sl_database_set_bulk() and call sl_schema_index_candidates() once. */
static const char schema_v2[] =
  "ALTER TABLE candidates ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE candidates ADD COLUMN stage TEXT REFERENCES stages(id);"
  /* Deleting a candidate first moves it to the trash, so the Undo toast can bring it back */
  "ALTER TABLE candidates ADD COLUMN deleted_at INTEGER;"
  "CREATE INDEX candidates_sort ON candidates(sort_key, id) WHERE deleted_at IS NULL;"
  "CREATE INDEX candidates_stage ON candidates(stage);"

  "CREATE VIRTUAL TABLE candidates_fts USING fts5("
  "  name, email, city, skills, notes,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"

  "CREATE TRIGGER candidates_ai AFTER INSERT ON candidates WHEN sl_live_index() BEGIN"
  "  UPDATE candidates SET sort_key = sl_sort_key(new.name) WHERE id = new.id;"
  "  INSERT INTO candidates_fts (rowid, name, email, city, skills, notes)"
  "    VALUES (new.id, " INDEX_VALUES (
    "new") ");"
           "END;"
           "CREATE TRIGGER candidates_au AFTER UPDATE OF name, email, city, notes, stack_id ON candidates"
           "  WHEN sl_live_index() BEGIN"
           "  UPDATE candidates SET sort_key = sl_sort_key(new.name) WHERE id = new.id;"
           "  DELETE FROM candidates_fts WHERE rowid = old.id;"
           "  INSERT INTO candidates_fts (rowid, name, email, city, skills, notes)"
           "    VALUES (new.id, " INDEX_VALUES (
             "new") ");"
                    "END;"
                    "CREATE TRIGGER candidates_ad AFTER DELETE ON candidates BEGIN"
                    "  DELETE FROM candidates_fts WHERE rowid = old.id;"
                    "END;"
                    /* Skill tags change the indexed skills: touching the row reruns candidates_au */
                    "CREATE TRIGGER candidate_skills_ai AFTER INSERT ON candidate_skills WHEN sl_live_index() BEGIN"
                    "  UPDATE candidates SET notes = notes WHERE id = new.candidate_id;"
                    "END;"
                    "CREATE TRIGGER candidate_skills_ad AFTER DELETE ON candidate_skills WHEN sl_live_index() BEGIN"
                    "  UPDATE candidates SET notes = notes WHERE id = old.candidate_id;"
                    "END;"

                    "CREATE TRIGGER applications_ai AFTER INSERT ON applications WHEN sl_live_index() BEGIN"
                    "  UPDATE candidates SET stage = (" CURRENT_STAGE (
                      "new.candidate_id") ")"
                                          "    WHERE id = new.candidate_id;"
                                          "END;"
                                          "CREATE TRIGGER applications_au AFTER UPDATE OF stage ON applications WHEN sl_live_index() BEGIN"
                                          "  UPDATE candidates SET stage = (" CURRENT_STAGE (
                                            "new.candidate_id") ")"
                                                                "    WHERE id = new.candidate_id;"
                                                                "END;"
                                                                "CREATE TRIGGER applications_ad AFTER DELETE ON applications BEGIN"
                                                                "  UPDATE candidates SET stage = (" CURRENT_STAGE (
                                                                  "old.candidate_id") ")"
                                                                                      "    WHERE id = old.candidate_id;"
                                                                                      "END;";

/* What version 2 indexed (its search index keyed by candidate id), for the upgrade to it */
static gboolean
index_candidates_v2 (SlDatabase *db, gint64 after_id, GError **error)
{
  SlStmt *stmt;

  stmt = sl_database_prepare (db,
                              "UPDATE candidates SET sort_key = sl_sort_key(name),"
                              " stage = (" CURRENT_STAGE ("candidates.id") ") WHERE id > ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, after_id);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;

  stmt = sl_database_prepare (
    db,
    "INSERT OR REPLACE INTO candidates_fts (rowid, name, email, city, skills, notes)"
    " SELECT c.id, " INDEX_VALUES ("c") " FROM candidates c WHERE c.id > ?",
    error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, after_id);
  return sl_database_step_done (db, stmt, error);
}

/* Version 3: the trash gets its own small index, so counts can leave it out cheaply */
static const char schema_v3[] =
  "CREATE INDEX candidates_trash ON candidates(deleted_at) WHERE deleted_at IS NOT NULL;";

/* Version 4: interview kits a position edits, and scorecards that keep the kit they were built
 * from (a later edit of the kit leaves them as they were) */
static const char schema_v4[] =
  "CREATE TABLE kit_items ("
  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('pre-sell','technical','culture','other')),"
  "  rank INTEGER NOT NULL,"
  "  category TEXT NOT NULL,"
  "  category_name TEXT,"
  "  attribute TEXT NOT NULL,"
  "  attribute_name TEXT,"
  "  PRIMARY KEY (position_id, kind, attribute)) WITHOUT ROWID;"
  "ALTER TABLE scorecard_ratings ADD COLUMN rank INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE scorecard_ratings ADD COLUMN category_name TEXT;"
  "ALTER TABLE scorecard_ratings ADD COLUMN attribute_name TEXT;"
  /* Each reschedule counts up, so calendars take a re-exported invitation as the newer one */
  "ALTER TABLE interviews ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX interview_interviewers_member ON interview_interviewers(member_id, interview_id);"
  "CREATE INDEX scorecards_member ON scorecards(member_id, submitted_at);"
  /* For the reports: the stages each application has reached (bit n for the stage of rank n)
   * and, on each stage event, when the application moved on — kept by the trigger row by
   * row, by sl_schema_index_applications() after a bulk write */
  "ALTER TABLE applications ADD COLUMN reached INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE stage_events ADD COLUMN until_at INTEGER;"
  "CREATE TRIGGER stage_events_ai AFTER INSERT ON stage_events WHEN sl_live_index() BEGIN"
  "  UPDATE stage_events SET until_at = new.at"
  "    WHERE application_id = new.application_id AND until_at IS NULL AND id <> new.id;"
  "  UPDATE applications SET reached = reached | (1 << (SELECT rank FROM stages"
  "    WHERE id = new.to_stage)) WHERE id = new.application_id;"
  "END;";

/* Version 5: how applications ended — rejected or withdrawn, from which stage and why — read
 * from a small index instead of every stage event (the funnel's rejections, in milliseconds) */
static const char schema_v5[] =
  "CREATE INDEX stage_events_ended ON stage_events(from_stage, to_stage, reason, application_id)"
  " WHERE until_at IS NULL AND to_stage IN ('rejected', 'withdrawn');";

/* Version 6: each candidate's id beside their sort key, so that a search finds its matches'
 * order in this small index instead of reading each match's row (at a million candidates,
 * 24,000 rows of the file for three names) */
static const char schema_v6[] =
  "CREATE INDEX candidates_keys ON candidates(id, deleted_at, sort_key);";

/* Version 7: team members can be deactivated; they keep their name in history and reports */
static const char schema_v7[] =
  "ALTER TABLE team_members ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));";

/* Version 8: many hands on one file. Every editable row carries the change clock's value at
 * its last write (its version), who wrote it and when: a save checks the version it read, so two
 * writers never silently undo each other, and an open window finds what another program
 * changed as the rows with a version above the clock it last saw (the partial indexes keep that
 * a few pages at a million candidates). Rows written before this version, and bulk writes,
 * keep version 0. */
#define VERSIONED(table)                                                            \
  "ALTER TABLE " table " ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"            \
  "ALTER TABLE " table " ADD COLUMN changed_by INTEGER REFERENCES team_members(id)" \
  " ON DELETE SET NULL;"                                                            \
  "ALTER TABLE " table " ADD COLUMN changed_at INTEGER;"
static const char schema_v8[] =
  "CREATE TABLE change_clock (id INTEGER PRIMARY KEY CHECK (id = 1), clock INTEGER NOT NULL);"
  "INSERT INTO change_clock (id, clock) VALUES (1, 0);" VERSIONED ("candidates") VERSIONED (
    "positions") VERSIONED ("applications") VERSIONED ("interviews") VERSIONED ("scorecards")
    VERSIONED (
      "team_members") "CREATE INDEX candidates_version ON candidates(version) WHERE version > 0;"
                      "CREATE INDEX applications_version ON applications(version) WHERE version > 0;"
                      "CREATE INDEX interviews_version ON interviews(version) WHERE version > 0;"
                      "CREATE INDEX scorecards_version ON scorecards(version) WHERE version > 0;";

/* Version 9: the reason an application ended is stored as its id in the app's list, with any
 * details apart, so that each reader sees it in their own language and a team whose members
 * use different languages counts one reason once. The funnel's index follows. */
static const char schema_v9[] =
  "ALTER TABLE stage_events ADD COLUMN reason_id TEXT;"
  "DROP INDEX stage_events_ended;"
  "CREATE INDEX stage_events_ended ON stage_events(from_stage, to_stage, reason_id, reason,"
  " application_id) WHERE until_at IS NULL AND to_stage IN ('rejected', 'withdrawn');";

/* Version 10: the search index is keyed by each candidate's place in the list's order
 * (sort_pos, see sl-candidate-order.c), so that a search's matches come out of it in the list's
 * order and a limited search reads only what it returns. The index of ids and sort keys that
 * ordered matches before (version 6) gives way to the two that keep the places. */
static const char schema_v10_before[] = "DROP TRIGGER candidates_ai;"
                                        "DROP TRIGGER candidates_au;"
                                        "DROP TRIGGER candidates_ad;"
                                        "DROP TABLE candidates_fts;"
                                        "DROP INDEX candidates_keys;"
                                        "ALTER TABLE candidates ADD COLUMN sort_pos INTEGER;";

/* clang-format off */
#define INDEX_ROW(where)                                                                           \
  "INSERT OR REPLACE INTO candidates_fts (rowid, name, email, city, skills, notes)"                 \
  " SELECT c.sort_pos, " INDEX_VALUES ("c") " FROM candidates c WHERE " where
/* clang-format on */

static const char schema_v10_after[] =
  "CREATE INDEX candidates_order ON candidates(sort_key, id, sort_pos);"
  "CREATE INDEX candidates_pos ON candidates(sort_pos, deleted_at);"
  "CREATE VIRTUAL TABLE candidates_fts USING fts5("
  "  name, email, city, skills, notes,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');" INDEX_ROW (
    "c.sort_pos IS NOT NULL;")
  /* A row takes its place once its sort key is written, then its search index row there */
  "CREATE TRIGGER candidates_ai AFTER INSERT ON candidates WHEN sl_live_index() BEGIN"
  "  UPDATE candidates SET sort_key = sl_sort_key(new.name) WHERE id = new.id;"
  "  SELECT sl_place_candidate(new.id);" INDEX_ROW (
    "c.id = new.id;") "END;"
                      "CREATE TRIGGER candidates_au AFTER UPDATE OF name, email, city, notes, stack_id ON candidates"
                      "  WHEN sl_live_index() BEGIN"
                      "  DELETE FROM candidates_fts WHERE rowid = old.sort_pos;"
                      "  UPDATE candidates SET sort_key = sl_sort_key(new.name) WHERE id = new.id;"
                      "  SELECT sl_place_candidate(new.id);" INDEX_ROW (
                        "c.id = new.id;") "END;"
                                          "CREATE TRIGGER candidates_ad AFTER DELETE ON candidates BEGIN"
                                          "  DELETE FROM candidates_fts WHERE rowid = old.sort_pos;"
                                          "END;";

/* Indexes the candidates with ids above @after_id in one pass: their sort key, current stage,
 * place in the list's order and search text. For rows written while the triggers were off. */
gboolean
sl_schema_index_candidates (SlDatabase *db, gint64 after_id, GError **error)
{
  static const char *const steps[] = {
    "UPDATE candidates SET sort_key = sl_sort_key(name),"
    " stage = (" CURRENT_STAGE ("candidates.id") ") WHERE id > ?1",
    /* Their places are given again, so any index rows at the old ones go */
    "DELETE FROM candidates_fts WHERE rowid IN"
    " (SELECT sort_pos FROM candidates WHERE id > ?1 AND sort_pos IS NOT NULL)",
    "UPDATE candidates SET sort_pos = NULL WHERE id > ?1",
    NULL, /* the places */
    INDEX_ROW ("c.id > ?1"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      SlStmt *stmt;

      if (steps[i] == NULL)
        {
          if (!sl_candidate_order_place_new (db, error))
            return FALSE;
          continue;
        }
      stmt = sl_database_prepare (db, steps[i], error);
      if (stmt == NULL)
        return FALSE;
      sl_stmt_bind_int64 (stmt, 1, after_id);
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64 id;
  const char *reason_id;
  char *details;
} ReasonFix;

static void
reason_fix_clear (gpointer data)
{
  g_free (((ReasonFix *) data)->details);
}

/* What versions before 9 stored: the label chosen, in the language of whoever chose it, with
 * any details after a dash. A text that matches no label in any language stays as it was. */
static const char *
split_old_reason (const char *outcome, const char *text, SlCatalogs *catalogs, char **details)
{
  SlVocab vocab = sl_vocab_reasons_for (outcome);
  const char *dash = strstr (text, " — ");
  g_autofree char *label = g_strndup (text, dash ? (gsize) (dash - text) : strlen (text));
  const char *id = sl_vocab_find_label (vocab, label, catalogs);

  if (id == NULL && dash != NULL)
    {
      /* A label that itself holds a dash */
      id = sl_vocab_find_label (vocab, text, catalogs);
      dash = NULL;
    }
  *details = id != NULL && dash != NULL ? g_strdup (dash + strlen (" — ")) : NULL;
  return id;
}

static gboolean
schema_reason_ids (SlDatabase *db, GError **error)
{
  g_autoptr (SlCatalogs) catalogs = sl_catalogs_load ();
  g_autoptr (GArray) fixes = g_array_new (FALSE, FALSE, sizeof (ReasonFix));
  SlStmt *stmt =
    sl_database_prepare (db,
                         "SELECT id, to_stage, reason FROM stage_events"
                         " WHERE to_stage IN ('rejected', 'withdrawn') AND reason IS NOT NULL",
                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_array_set_clear_func (fixes, reason_fix_clear);
  while ((rc = sl_stmt_step (stmt)) == SL_STMT_ROW)
    {
      ReasonFix fix = { .id = sl_stmt_column_int64 (stmt, 0) };

      fix.reason_id =
        split_old_reason ((const char *) sl_stmt_column_text (stmt, 1),
                          (const char *) sl_stmt_column_text (stmt, 2), catalogs, &fix.details);
      if (fix.reason_id != NULL)
        g_array_append_val (fixes, fix);
    }
  sl_stmt_reset (stmt);
  if (rc != SL_STMT_DONE)
    {
      sl_database_set_error (db, error);
      return FALSE;
    }
  stmt = sl_database_prepare (db, "UPDATE stage_events SET reason_id = ?, reason = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < fixes->len; i++)
    {
      ReasonFix *fix = &g_array_index (fixes, ReasonFix, i);

      sl_stmt_bind_text (stmt, 1, fix->reason_id);
      if (fix->details != NULL && *g_strstrip (fix->details) != '\0')
        sl_stmt_bind_text (stmt, 2, fix->details);
      else
        sl_stmt_bind_null (stmt, 2);
      sl_stmt_bind_int64 (stmt, 3, fix->id);
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Fills in what the version 4 trigger keeps, for the applications of the candidates with ids
 * above @after_candidate: for rows written while the triggers were off, and for the upgrade */
gboolean
sl_schema_index_applications (SlDatabase *db, gint64 after_candidate, GError **error)
{
  SlStmt *stmt = sl_database_prepare (
    db,
    "UPDATE stage_events SET until_at = nx.next FROM (SELECT e.id, lead (e.at) OVER"
    " (PARTITION BY e.application_id ORDER BY e.at, e.id) AS next FROM stage_events e"
    " JOIN applications a ON a.id = e.application_id WHERE a.candidate_id > ?) AS nx"
    " WHERE stage_events.id = nx.id AND nx.next IS NOT NULL",
    error);

  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, after_candidate);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;
  stmt = sl_database_prepare (
    db,
    "UPDATE applications SET reached = (SELECT coalesce (sum (DISTINCT 1 << s.rank), 0)"
    " FROM stage_events e JOIN stages s ON s.id = e.to_stage"
    " WHERE e.application_id = applications.id) WHERE candidate_id > ?",
    error);
  if (stmt == NULL)
    return FALSE;
  sl_stmt_bind_int64 (stmt, 1, after_candidate);
  return sl_database_step_done (db, stmt, error);
}

gboolean
sl_schema_migrate (SlDatabase *db, int to_version, GError **error)
{
  switch (to_version)
    {
    case 1:
      return sl_database_exec (db, schema_v1, error);
    case 2:
      return sl_database_exec (db, schema_v2, error) && index_candidates_v2 (db, 0, error);
    case 3:
      return sl_database_exec (db, schema_v3, error);
    case 4:
      return sl_database_exec (db, schema_v4, error) && sl_schema_index_applications (db, 0, error);
    case 5:
      return sl_database_exec (db, schema_v5, error);
    case 6:
      return sl_database_exec (db, schema_v6, error);
    case 7:
      return sl_database_exec (db, schema_v7, error);
    case 8:
      return sl_database_exec (db, schema_v8, error);
    case 9:
      return sl_database_exec (db, schema_v9, error) && schema_reason_ids (db, error);
    case 10:
      return sl_database_exec (db, schema_v10_before, error) &&
             sl_candidate_order_place_new (db, error) &&
             sl_database_exec (db, schema_v10_after, error);
    default:
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_TOO_NEW,
                   _ ("There is no migration to schema version %d"), to_version);
      return FALSE;
    }
}
