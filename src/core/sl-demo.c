/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-demo.c — realistic sample data, the same for the same seed
 *
 * Candidates from the six offshore countries with names in their own scripts, positions at every
 * status, and applications at every stage with their full stage history. Everything is written
 * in one transaction, so a cancelled or failed run leaves the file as it was. Times are counted
 * back from a fixed day so that the same seed gives the same file.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-demo.h"
#include "sl-fold.h"
#include "sl-kit.h"
#include "sl-schema.h"
#include "sl-vocab.h"

/* 2026-11-01 00:00 UTC */
#define DEMO_NOW G_GINT64_CONSTANT (1793491200)
#define DAY (24 * 60 * 60)

typedef struct
{
  const char *code;
  const char *const *first_names;
  const char *const *last_names;
  const char *const *cities;
  const char *timezone;
  const char *phone_prefix;
  gboolean feminine_surnames; /* Polish: -ski becomes -ska after a first name ending in a */
} Country;

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const Country countries[] = {
  { "BR",
    LIST ("João", "José", "Ana", "Maria", "Lucas", "Gabriel", "Beatriz", "Luís", "Antônio",
          "Letícia", "Júlia", "Camila", "Rafael", "Thiago", "Fernanda", "Conceição"),
    LIST ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Araújo", "Gonçalves", "Ribeiro",
          "Magalhães", "Simões", "Brandão", "Falcão"),
    LIST ("São Paulo", "Florianópolis", "Belo Horizonte", "Curitiba", "Recife", "Porto Alegre"),
    "America/Sao_Paulo", "+55 11 9", FALSE },
  { "UA",
    LIST ("Олександр", "Олексій", "Олена", "Андрій", "Юлія", "Дмитро", "Ірина", "Сергій", "Тетяна",
          "Максим", "Наталія", "Богдан", "Оксана", "Євген"),
    LIST ("Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравчук", "Олійник", "Мельник",
          "Петренко", "Ковальчук", "Лисенко", "Гриценко", "Савчук"),
    LIST ("Київ", "Львів", "Харків", "Дніпро", "Одеса", "Вінниця"), "Europe/Kyiv", "+380 67 ",
    FALSE },
  { "PL",
    LIST ("Łukasz", "Paweł", "Michał", "Małgorzata", "Agnieszka", "Katarzyna", "Wojciech", "Zofia",
          "Jędrzej", "Bartłomiej", "Grzegorz", "Dorota", "Żaneta", "Stanisław"),
    LIST ("Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
          "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur"),
    LIST ("Łódź", "Kraków", "Wrocław", "Gdańsk", "Poznań", "Warszawa"), "Europe/Warsaw", "+48 601 ",
    TRUE },
  { "RO",
    LIST ("Ștefan", "Andrei", "Mihai", "Ioana", "Alexandru", "Cristina", "Răzvan", "Bogdan",
          "Elena", "Ștefania", "Adrian", "Mădălina", "Tudor", "Oana"),
    LIST ("Popescu", "Ionescu", "Dumitrescu", "Stănescu", "Constantinescu", "Țurcanu", "Munteanu",
          "Răducanu", "Gheorghiu", "Ardeleanu", "Neagu", "Șerban"),
    LIST ("București", "Cluj-Napoca", "Timișoara", "Iași", "Brașov", "Constanța"),
    "Europe/Bucharest", "+40 72 ", FALSE },
  { "PH",
    LIST ("Jose", "Maria", "Juan", "Angelica", "Mark", "Kristine", "Carlo", "Patricia", "Rommel",
          "Jasmine", "Niño", "Ma. Luisa"),
    LIST ("Dela Cruz", "Santos", "Reyes", "Bautista", "Ocampo", "Garcia", "Mendoza", "Peñaflor",
          "Villanueva", "Castillo", "Aquino", "Soriano"),
    LIST ("Manila", "Cebu City", "Davao City", "Quezon City", "Makati", "Iloilo City"),
    "Asia/Manila", "+63 917 ", FALSE },
  { "MX",
    LIST ("José", "Guadalupe", "Alejandro", "María", "Sofía", "Jesús", "Ximena", "Iván", "Andrés",
          "Valentina", "Ángel", "Renata"),
    LIST ("Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez",
          "Ramírez", "Núñez", "Muñoz", "Ibáñez"),
    LIST ("Ciudad de México", "Guadalajara", "Monterrey", "Querétaro", "Mérida", "Puebla"),
    "America/Mexico_City", "+52 55 ", FALSE },
};

typedef struct
{
  const char *id;
  const char *const *tags;
} Stack;

static const Stack stacks[] = {
  { "java", LIST ("Spring Boot", "Hibernate", "Kafka", "Microservices", "PostgreSQL") },
  { "python", LIST ("Django", "FastAPI", "Celery", "pandas", "PostgreSQL") },
  { "dotnet", LIST ("ASP.NET Core", "Entity Framework", "Azure", "SQL Server") },
  { "php", LIST ("Laravel", "Symfony", "MySQL", "Redis") },
  { "ruby", LIST ("Rails", "Sidekiq", "RSpec", "PostgreSQL") },
  { "node", LIST ("Express", "NestJS", "TypeScript", "MongoDB", "GraphQL") },
  { "go", LIST ("gRPC", "Kubernetes", "PostgreSQL", "Redis") },
  { "kotlin", LIST ("Spring Boot", "Ktor", "Kafka") },
};

static const char *const common_tags[] = { "Docker", "AWS", "REST", "CI/CD", "Linux", "Terraform" };

static const char *const clients[] = { "Acme Payments", "Northwind Logistics", "Globex Health",
                                       "Initech Cloud", "Umbrella Retail",     "Vandelay Imports" };

static const char *const position_titles[] = {
  "Java Backend Developer", "Python Backend Engineer",
  ".NET Developer",         "PHP Developer (Laravel)",
  "Ruby on Rails Engineer", "Node.js Backend Developer",
  "Go Developer",           "Kotlin Backend Engineer",
};

/* The app's own lists (sl-vocab.c), stored as the app stores a reason chosen from them: its id */
static const char *const rejection_reasons[] = {
  "experience", "rate", "english", "technical", "culture", "filled",
};

static const char *const withdrawal_reasons[] = {
  "other-offer",
  "not-looking",
  "relocation",
  "rate",
};

static const char *const stage_ids[] = { "sourced",  "screening", "resume-review",
                                         "pre-sell", "technical", "culture",
                                         "feedback", "offer",     "hired" };

static const char *const sources[] = { "linkedin", "referral", "job-board",
                                       "upwork",   "agency",   "careers-page" };
static const char *const english[] = { "a2", "b1", "b2", "b2", "c1", "c1", "c2" };
static const char *const employments[] = { "employee", "freelancer", "contractor" };
static const char *const seniorities[] = { "junior", "mid", "senior" };

static const struct
{
  const char *name;
  const char *email;
  const char *role;
} members[] = {
  { "Ana Ribeiro", "ana.ribeiro@shortlist.example", "recruiter" },
  { "Kateryna Bondar", "kateryna.bondar@shortlist.example", "recruiter" },
  { "Ioana Marin", "ioana.marin@shortlist.example", "recruiter" },
  { "Piotr Zając", "piotr.zajac@shortlist.example", "interviewer" },
  { "Diego Ramírez", "diego.ramirez@shortlist.example", "interviewer" },
  { "Paolo Santos", "paolo.santos@shortlist.example", "interviewer" },
  { "Taras Melnyk", "taras.melnyk@shortlist.example", "interviewer" },
  { "Camila Duarte", "camila.duarte@shortlist.example", "interviewer" },
  { "Helen Carter", "helen.carter@shortlist.example", "hiring-lead" },
  { "Marek Nowicki", "marek.nowicki@shortlist.example", "hiring-lead" },
  { "Sam Okafor", "sam.okafor@shortlist.example", "admin" },
};

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

static const char *
pick_list (GRand *rand, const char *const *list)
{
  return list[g_rand_int_range (rand, 0, (gint32) g_strv_length ((char **) list))];
}

typedef struct
{
  SlDatabase *db;
  GRand *rand;
  SlStmt *candidate;
  SlStmt *skill;
  SlStmt *application;
  SlStmt *event;
  SlStmt *finish_application;
  SlStmt *interview;
  SlStmt *interviewer;
  SlStmt *scorecard;
  SlStmt *rating;
  GRand *interview_rand; /* its own stream: the candidates stay as they were without interviews */
  GListModel *kits[3];   /* the default kits of pre-sell, technical and culture interviews */
  gint64 member_ids[G_N_ELEMENTS (members)];
  GArray *open_positions; /* position ids candidates may apply to */
  GHashTable *tag_ids;    /* name → id */
  GHashTable *openings;   /* position id → hires still to make (its headcount) */
  GHashTable *approvals;  /* position id → when its description was approved */
  GHashTable *closed;     /* positions filled or closed: nobody is still in their pipelines */
} Demo;

static gboolean
prepare (Demo *demo, SlStmt **stmt, const char *sql, GError **error)
{
  *stmt = sl_database_prepare (demo->db, sql, error);
  return *stmt != NULL;
}

static gboolean
add_members (Demo *demo, GError **error)
{
  SlStmt *stmt;

  if (!prepare (demo, &stmt,
                "INSERT INTO team_members (name, email, role, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id",
                error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      sl_stmt_bind_text (stmt, 1, members[i].name);
      sl_stmt_bind_text (stmt, 2, members[i].email);
      sl_stmt_bind_text (stmt, 3, members[i].role);
      sl_stmt_bind_int64 (stmt, 4, DEMO_NOW - 400 * DAY);
      if (sl_stmt_step (stmt) != SL_STMT_ROW)
        {
          sl_database_set_error (demo->db, error);
          sl_stmt_reset (stmt);
          return FALSE;
        }
      demo->member_ids[i] = sl_stmt_column_int64 (stmt, 0);
      sl_stmt_reset (stmt);
    }
  return TRUE;
}

static gint64
tag_id (Demo *demo, const char *name, GError **error)
{
  gpointer known = g_hash_table_lookup (demo->tag_ids, name);
  SlStmt *stmt;
  gint64 id;

  if (known != NULL)
    return *(gint64 *) known;
  if (!prepare (
        demo, &stmt,
        "INSERT INTO skill_tags (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name"
        " RETURNING id",
        error))
    return 0;
  sl_stmt_bind_text (stmt, 1, name);
  if (sl_stmt_step (stmt) != SL_STMT_ROW)
    {
      sl_database_set_error (demo->db, error);
      sl_stmt_reset (stmt);
      return 0;
    }
  id = sl_stmt_column_int64 (stmt, 0);
  sl_stmt_reset (stmt);
  g_hash_table_insert (demo->tag_ids, (gpointer) name, g_memdup2 (&id, sizeof id));
  return id;
}

static gboolean
add_positions (Demo *demo, guint n_candidates, GError **error)
{
  static const char *const statuses[] = {
    "kickoff", "draft", "open", "on-hold", "filled", "closed"
  };
  guint n_positions = 12 + n_candidates / 2000;
  SlStmt *stmt;
  SlStmt *country;

  if (!prepare (
        demo, &stmt,
        "INSERT INTO positions (title, client, seniority, stack_id, employment_type, headcount,"
        " rate_min, rate_max, currency, rate_period, status, kickoff_notes, description,"
        " approved_by, approved_at, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'USD', 'hour', ?, ?, ?, ?, ?, ?, ?)",
        error) ||
      !prepare (demo, &country,
                "INSERT INTO position_countries (position_id, country) VALUES (?, ?)", error))
    return FALSE;

  for (guint i = 0; i < n_positions; i++)
    {
      /* Every status at least once, then mostly open positions */
      const char *status = i < G_N_ELEMENTS (statuses)                ? statuses[i]
                           : g_rand_int_range (demo->rand, 0, 4) == 0 ? PICK (demo->rand, statuses)
                                                                      : "open";
      guint stack = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (stacks));
      const char *seniority = PICK (demo->rand, seniorities);
      gboolean approved = !g_str_equal (status, "kickoff") && !g_str_equal (status, "draft");
      int headcount;
      gint64 created = DEMO_NOW - g_rand_int_range (demo->rand, 30, 360) * DAY;
      g_autofree char *title = g_strdup_printf ("%s %s",
                                                g_str_equal (seniority, "senior")   ? "Senior"
                                                : g_str_equal (seniority, "junior") ? "Junior"
                                                                                    : "Mid-level",
                                                position_titles[stack]);
      double rate_min = g_str_equal (seniority, "senior") ? 45
                        : g_str_equal (seniority, "mid")  ? 30
                                                          : 18;
      gint64 id;

      sl_stmt_clear_bindings (stmt);
      sl_stmt_bind_text (stmt, 1, title);
      sl_stmt_bind_text (stmt, 2, PICK (demo->rand, clients));
      sl_stmt_bind_text (stmt, 3, seniority);
      sl_stmt_bind_text (stmt, 4, stacks[stack].id);
      sl_stmt_bind_text (stmt, 5, PICK (demo->rand, employments));
      headcount = g_rand_int_range (demo->rand, 1, 4);
      sl_stmt_bind_int (stmt, 6, headcount);
      sl_stmt_bind_double (stmt, 7, rate_min);
      sl_stmt_bind_double (stmt, 8, rate_min + 15);
      sl_stmt_bind_text (stmt, 9, status);
      sl_stmt_bind_text (stmt, 10,
                         "Hiring manager wants production experience, a clear English "
                         "speaker and overlap with US Eastern mornings.");
      sl_stmt_bind_text (
        stmt, 11,
        g_str_equal (status, "kickoff")
          ? ""
          : "We are looking for a backend developer to join a distributed product team. "
            "You will design and build services, review code and own features end to end.");
      if (approved)
        {
          sl_stmt_bind_int64 (stmt, 12, demo->member_ids[8 + i % 2]);
          sl_stmt_bind_int64 (stmt, 13, created + 5 * DAY);
        }
      sl_stmt_bind_int64 (stmt, 14, created);
      sl_stmt_bind_int64 (stmt, 15, created + 5 * DAY);
      if (!sl_database_step_done (demo->db, stmt, error))
        return FALSE;
      id = sl_database_last_insert_id (demo->db);
      for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
        {
          if (g_rand_int_range (demo->rand, 0, 3) == 0 && c > 0)
            continue;
          sl_stmt_reset (country);
          sl_stmt_bind_int64 (country, 1, id);
          sl_stmt_bind_text (country, 2, countries[c].code);
          if (!sl_database_step_done (demo->db, country, error))
            return FALSE;
        }
      if (approved)
        {
          g_array_append_val (demo->open_positions, id);
          g_hash_table_insert (demo->openings, g_memdup2 (&id, sizeof id),
                               GINT_TO_POINTER (headcount));
          g_hash_table_insert (demo->approvals, g_memdup2 (&id, sizeof id),
                               g_memdup2 (&(gint64){ created + 5 * DAY }, sizeof (gint64)));
          if (g_str_equal (status, "filled") || g_str_equal (status, "closed"))
            g_hash_table_add (demo->closed, g_memdup2 (&id, sizeof id));
        }
    }
  return TRUE;
}

static gboolean
add_event (Demo *demo, gint64 application, const char *from, const char *to, gint64 at,
           const char *reason_id, GError **error)
{
  SlStmt *stmt = demo->event;

  sl_stmt_reset (stmt);
  sl_stmt_clear_bindings (stmt);
  sl_stmt_bind_int64 (stmt, 1, application);
  if (from != NULL)
    sl_stmt_bind_text (stmt, 2, from);
  sl_stmt_bind_text (stmt, 3, to);
  sl_stmt_bind_int64 (stmt, 4, at);
  sl_stmt_bind_int64 (stmt, 5, demo->member_ids[g_rand_int_range (demo->rand, 0, 3)]);
  if (reason_id != NULL)
    sl_stmt_bind_text (stmt, 6, reason_id);
  return sl_database_step_done (demo->db, stmt, error);
}

/* Member indexes in members[]: who holds each kind of interview */
#define FIRST_RECRUITER 0
#define FIRST_INTERVIEWER 3
#define N_INTERVIEWERS 5
#define FIRST_LEAD 8

static const char *
demo_rating (GRand *rand, gboolean positive)
{
  static const char *const good[] = { "yes", "yes", "strong-yes", "mixed", "yes", "no-decision" };
  static const char *const poor[] = { "no", "mixed", "definitely-not", "no", "yes", "no-decision" };

  return positive ? PICK (rand, good) : PICK (rand, poor);
}

static gboolean
add_scorecard (Demo *demo, gint64 interview, gint64 member, GListModel *kit, gint64 submitted_at,
               gboolean positive, GError **error)
{
  static const char *const takeaways[] = {
    "Clear answers, asked good questions about the team.",
    "Solid fundamentals; needs support on system design.",
    "Good communicator, rate is at the top of the band.",
    "Impressive production experience with high-traffic services.",
    "Struggled with the live exercise but reasoned well.",
  };
  GRand *rand = demo->interview_rand;
  gint64 scorecard;
  guint n = g_list_model_get_n_items (kit);

  sl_stmt_reset (demo->scorecard);
  sl_stmt_bind_int64 (demo->scorecard, 1, interview);
  sl_stmt_bind_int64 (demo->scorecard, 2, member);
  sl_stmt_bind_text (demo->scorecard, 3,
                     positive ? (g_rand_boolean (rand) ? "yes" : "strong-yes")
                              : (g_rand_int_range (rand, 0, 4) == 0 ? "definitely-not" : "no"));
  sl_stmt_bind_text (demo->scorecard, 4, PICK (rand, takeaways));
  sl_stmt_bind_int64 (demo->scorecard, 5, submitted_at);
  if (!sl_database_step_done (demo->db, demo->scorecard, error))
    return FALSE;
  scorecard = sl_database_last_insert_id (demo->db);
  /* Interviewers rate what they probed: about six attributes of the kit */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SlKitItem) item = NULL;

      if (g_rand_int_range (rand, 0, (gint32) n) >= 6)
        continue;
      item = g_list_model_get_item (kit, i);
      sl_stmt_reset (demo->rating);
      sl_stmt_bind_int64 (demo->rating, 1, scorecard);
      sl_stmt_bind_int (demo->rating, 2, (int) i);
      sl_stmt_bind_text (demo->rating, 3, sl_kit_item_get_category_id (item));
      sl_stmt_bind_text (demo->rating, 4, sl_kit_item_get_attribute_id (item));
      sl_stmt_bind_text (demo->rating, 5, demo_rating (rand, positive));
      if (!sl_database_step_done (demo->db, demo->rating, error))
        return FALSE;
    }
  return TRUE;
}

/* The interview held while an application was at an interview stage (@stage 3, 4 or 5 of
 * stage_ids), between @entered and @left (0: still there). Who passed has positive scorecards;
 * an interview still ahead at DEMO_NOW has none, and one just held may still await them. */
static gboolean
add_interview (Demo *demo, gint64 application, guint stage, gint64 entered, gint64 left,
               GError **error)
{
  static const char *const places[] = { "https://meet.example.com/shortlist",
                                        "https://zoom.example.com/j/4815162342",
                                        "Office, meeting room 2" };
  GRand *rand = demo->interview_rand;
  const char *kind = stage_ids[stage];
  GListModel *kit = demo->kits[stage - 3];
  gint64 at = entered + g_rand_int_range (rand, 1, 4) * DAY;
  gint64 interviewers[2];
  guint n_interviewers = 1;
  gint64 interview;

  /* Working hours for the offshore teams: 12:00–17:00 UTC */
  at = at - at % DAY + (12 + g_rand_int_range (rand, 0, 6)) * 3600;
  if (left > 0 && at + 3600 >= left)
    at = entered + (left - entered) / 3;
  at -= at % (15 * 60);
  if (stage == 3)
    interviewers[0] = demo->member_ids[FIRST_RECRUITER + g_rand_int_range (rand, 0, 3)];
  else
    {
      interviewers[0] =
        demo->member_ids[FIRST_INTERVIEWER + g_rand_int_range (rand, 0, N_INTERVIEWERS)];
      interviewers[1] =
        stage == 5
          ? demo->member_ids[FIRST_LEAD + g_rand_int_range (rand, 0, 2)]
          : demo->member_ids[FIRST_INTERVIEWER + g_rand_int_range (rand, 0, N_INTERVIEWERS)];
      n_interviewers = interviewers[1] == interviewers[0] ? 1 : 2;
    }

  sl_stmt_reset (demo->interview);
  sl_stmt_bind_int64 (demo->interview, 1, application);
  sl_stmt_bind_text (demo->interview, 2, kind);
  sl_stmt_bind_int64 (demo->interview, 3, at);
  sl_stmt_bind_int (demo->interview, 4, stage == 3 ? 30 : 60);
  sl_stmt_bind_text (demo->interview, 5, PICK (rand, places));
  sl_stmt_bind_int64 (demo->interview, 6, entered);
  if (!sl_database_step_done (demo->db, demo->interview, error))
    return FALSE;
  interview = sl_database_last_insert_id (demo->db);
  for (guint i = 0; i < n_interviewers; i++)
    {
      gint64 submitted_at = at + 3600 + g_rand_int_range (rand, 0, 4 * DAY);

      sl_stmt_reset (demo->interviewer);
      sl_stmt_bind_int64 (demo->interviewer, 1, interview);
      sl_stmt_bind_int64 (demo->interviewer, 2, interviewers[i]);
      if (!sl_database_step_done (demo->db, demo->interviewer, error))
        return FALSE;
      /* Feedback comes before the next move; a recent one may still await some */
      if (left > 0 && submitted_at > left)
        submitted_at = left - 600;
      if (submitted_at > DEMO_NOW ||
          (left == 0 && at > DEMO_NOW - 14 * DAY && g_rand_int_range (rand, 0, 3) == 0))
        continue;
      if (!add_scorecard (demo, interview, interviewers[i], kit, submitted_at,
                          left == 0 || g_rand_int_range (rand, 0, 3) > 0, error))
        return FALSE;
    }
  return TRUE;
}

/* One application with its history: stages reached in order, then perhaps an outcome */
static gboolean
add_application (Demo *demo, gint64 candidate, gint64 position, gint64 since, GError **error)
{
  static const int weights[] = { 28, 22, 15, 10, 9, 6, 4, 3, 3 };
  int roll = g_rand_int_range (demo->rand, 0, 100);
  guint reached = 0;
  const char *stage;
  const char *outcome = NULL;
  const char *reason = NULL;
  gint64 at = since;
  gint64 entered[G_N_ELEMENTS (stage_ids)] = { 0 };
  gint64 application;

  const gint64 *approved_at = g_hash_table_lookup (demo->approvals, &position);
  gboolean position_closed = g_hash_table_contains (demo->closed, &position);

  /* Sourcing starts once the description is approved */
  if (approved_at != NULL && since < *approved_at)
    at = since = *approved_at + g_rand_int_range (demo->rand, 0, 20) * DAY;
  for (int sum = weights[0]; reached + 1 < G_N_ELEMENTS (weights) && roll >= sum;
       sum += weights[++reached])
    ;
  /* No more hires than the position's headcount: the rest stop at the offer */
  if (reached == 8)
    {
      int left = GPOINTER_TO_INT (g_hash_table_lookup (demo->openings, &position));
      if (left > 0)
        g_hash_table_insert (demo->openings, g_memdup2 (&position, sizeof position),
                             GINT_TO_POINTER (left - 1));
      else
        reached = 7;
    }
  if (reached < 8)
    {
      int fate = g_rand_int_range (demo->rand, 0, 10);
      if (fate < 5)
        {
          const char *picked = PICK (demo->rand, rejection_reasons);

          /* At the offer it is mostly the candidate who says no, or the job went to someone
           * else; a failed interview is long past */
          if (reached == 7)
            {
              outcome = fate < 4 ? "withdrawn" : "rejected";
              reason = fate < 4 ? withdrawal_reasons[0] : "filled";
            }
          else
            {
              outcome = "rejected";
              reason = picked;
            }
        }
      else if (fate < 6)
        {
          outcome = "withdrawn";
          reason = PICK (demo->rand, withdrawal_reasons);
        }
    }
  /* A filled or closed position has nobody left in its pipeline */
  if (position_closed && outcome == NULL && reached < 8)
    {
      outcome = "rejected";
      reason = "filled";
    }
  stage = outcome ? outcome : stage_ids[reached];

  sl_stmt_reset (demo->application);
  sl_stmt_bind_int64 (demo->application, 1, candidate);
  sl_stmt_bind_int64 (demo->application, 2, position);
  sl_stmt_bind_text (demo->application, 3, stage);
  sl_stmt_bind_int64 (demo->application, 4, since);
  if (!sl_database_step_done (demo->db, demo->application, error))
    return FALSE;
  application = sl_database_last_insert_id (demo->db);

  if (!add_event (demo, application, NULL, "sourced", at, NULL, error))
    return FALSE;
  entered[0] = at;
  for (guint i = 1; i <= reached; i++)
    {
      at += g_rand_int_range (demo->rand, 1, 9) * DAY + g_rand_int_range (demo->rand, 0, DAY);
      if (!add_event (demo, application, stage_ids[i - 1], stage_ids[i], at, NULL, error))
        return FALSE;
      entered[i] = at;
    }
  if (outcome != NULL)
    {
      at += g_rand_int_range (demo->rand, 1, 6) * DAY;
      if (!add_event (demo, application, stage_ids[reached], outcome, at, reason, error))
        return FALSE;
    }
  /* An interview at each interview stage it went through */
  for (guint i = 3; i <= 5 && i <= reached; i++)
    {
      gint64 left = i < reached ? entered[i + 1] : outcome != NULL ? at : 0;
      if (!add_interview (demo, application, i, entered[i], left, error))
        return FALSE;
    }

  sl_stmt_reset (demo->finish_application);
  sl_stmt_clear_bindings (demo->finish_application);
  sl_stmt_bind_int64 (demo->finish_application, 1, at);
  if (g_str_equal (stage, "hired"))
    {
      static const char *const leaving_reasons[] = { "Relocation", "A better offer",
                                                     "Contract ended", "Did not pass probation" };
      g_autoptr (GDateTime) start = g_date_time_new_from_unix_utc (at + 14 * DAY);
      g_autofree char *date = g_date_time_format (start, "%Y-%m-%d");
      gint64 left = at + 14 * DAY + g_rand_int_range (demo->rand, 20, 180) * DAY;

      sl_stmt_bind_text (demo->finish_application, 2, date);
      /* Some hires leave again, so retention has something to show */
      if (g_rand_int_range (demo->rand, 0, 100) < 30 && left < DEMO_NOW)
        {
          g_autoptr (GDateTime) left_date = g_date_time_new_from_unix_utc (left);
          g_autofree char *left_text = g_date_time_format (left_date, "%Y-%m-%d");

          sl_stmt_bind_text (demo->finish_application, 4, left_text);
          sl_stmt_bind_text (demo->finish_application, 5, PICK (demo->rand, leaving_reasons));
        }
    }
  sl_stmt_bind_int64 (demo->finish_application, 3, application);
  return sl_database_step_done (demo->db, demo->finish_application, error);
}

static gboolean
add_candidate (Demo *demo, guint index, GError **error)
{
  const Country *country = &countries[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (countries))];
  const char *first = pick_list (demo->rand, country->first_names);
  const char *last = pick_list (demo->rand, country->last_names);
  g_autofree char *surname = g_strdup (last);
  g_autofree char *name = NULL;
  g_autofree char *latin = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  guint stack = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (stacks));
  double years = g_rand_int_range (demo->rand, 0, 30) / 2.0;
  const char *seniority = years < 2 ? "junior" : years < 4 ? "mid" : "senior";
  gint64 created =
    DEMO_NOW - g_rand_int_range (demo->rand, 0, 365) * DAY - g_rand_int_range (demo->rand, 0, DAY);
  gint64 candidate;
  guint n_tags;
  guint n_applications;
  guint start;
  int roll;

  if (country->feminine_surnames && g_str_has_suffix (first, "a") &&
      g_str_has_suffix (surname, "ki"))
    surname[strlen (surname) - 1] = 'a';
  /* Brazilians and Mexicans often go by two surnames, Filipinos by a middle initial */
  if (g_str_equal (country->code, "BR") || g_str_equal (country->code, "MX"))
    {
      const char *second = pick_list (demo->rand, country->last_names);
      name = g_str_equal (second, surname) ? g_strdup_printf ("%s %s", first, surname)
                                           : g_strdup_printf ("%s %s %s", first, surname, second);
    }
  else if (g_str_equal (country->code, "PH"))
    name =
      g_strdup_printf ("%s %c. %s", first, 'A' + g_rand_int_range (demo->rand, 0, 26), surname);
  else
    name = g_strdup_printf ("%s %s", first, surname);
  latin = sl_fold_latin (name);
  g_strdelimit (latin, " '.", '.');
  /* “Carlo X. Bautista” → carlo.x.bautista, not carlo.x..bautista */
  for (char *dot; (dot = strstr (latin, "..")) != NULL;)
    memmove (dot, dot + 1, strlen (dot));
  email = g_strdup_printf ("%s.%u@mail.example", latin, index + 1);
  phone =
    g_strdup_printf ("%s%03u %04u", country->phone_prefix, g_rand_int_range (demo->rand, 100, 1000),
                     g_rand_int_range (demo->rand, 0, 10000));

  SlStmt *stmt = demo->candidate;
  sl_stmt_reset (stmt);
  sl_stmt_bind_text (stmt, 1, name);
  sl_stmt_bind_text (stmt, 2, email);
  sl_stmt_bind_text (stmt, 3, phone);
  sl_stmt_bind_text (stmt, 4, country->code);
  sl_stmt_bind_text (stmt, 5, pick_list (demo->rand, country->cities));
  sl_stmt_bind_text (stmt, 6, country->timezone);
  sl_stmt_bind_text (stmt, 7, PICK (demo->rand, english));
  sl_stmt_bind_text (stmt, 8, seniority);
  sl_stmt_bind_double (stmt, 9, years);
  sl_stmt_bind_text (stmt, 10, stacks[stack].id);
  sl_stmt_bind_text (stmt, 11, PICK (demo->rand, employments));
  sl_stmt_bind_double (stmt, 12, 15 + g_rand_int_range (demo->rand, 0, 50));
  sl_stmt_bind_text (stmt, 13, PICK (demo->rand, sources));
  sl_stmt_bind_text (stmt, 14, g_rand_boolean (demo->rand) ? "Two weeks' notice" : "Immediately");
  sl_stmt_bind_text (stmt, 15,
                     g_rand_int_range (demo->rand, 0, 4) == 0
                       ? "Strong system design answers; wants to move into a lead role."
                       : "");
  sl_stmt_bind_int64 (stmt, 16, created);
  if (!sl_database_step_done (demo->db, stmt, error))
    return FALSE;
  candidate = sl_database_last_insert_id (demo->db);

  n_tags = g_rand_int_range (demo->rand, 1, 4);
  for (guint i = 0; i < n_tags; i++)
    {
      const char *tag =
        i == 0 ? pick_list (demo->rand, stacks[stack].tags) : PICK (demo->rand, common_tags);
      gint64 id = tag_id (demo, tag, error);

      if (id == 0)
        return FALSE;
      sl_stmt_reset (demo->skill);
      sl_stmt_bind_int64 (demo->skill, 1, candidate);
      sl_stmt_bind_int64 (demo->skill, 2, id);
      if (!sl_database_step_done (demo->db, demo->skill, error))
        return FALSE;
    }

  roll = g_rand_int_range (demo->rand, 0, 100);
  n_applications = roll < 10   ? 0
                   : roll < 35 ? 1
                   : roll < 60 ? 2
                   : roll < 80 ? 3
                   : roll < 92 ? 4
                               : 5;
  n_applications = MIN (n_applications, demo->open_positions->len);
  /* Consecutive positions from a random start: distinct without bookkeeping */
  start = g_rand_int_range (demo->rand, 0, demo->open_positions->len);
  for (guint i = 0; i < n_applications; i++)
    {
      gint64 position =
        g_array_index (demo->open_positions, gint64, (start + i) % demo->open_positions->len);
      gint64 since = created + g_rand_int_range (demo->rand, 0, 20) * DAY;

      if (!add_application (demo, candidate, position, since, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
max_candidate_id (SlDatabase *db)
{
  return sl_database_query_int64 (db, "SELECT coalesce(max(id), 0) FROM candidates", 0);
}

gboolean
sl_demo_generate (SlDatabase *db, guint n_candidates, guint32 seed, SlDemoProgress progress,
                  gpointer user_data, GCancellable *cancellable, GError **error)
{
  Demo demo = { 0 };
  gboolean ok = FALSE;
  gint64 first_id = 0;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);

  demo.db = db;
  demo.rand = g_rand_new_with_seed (seed);
  demo.interview_rand = g_rand_new_with_seed (seed ^ 0x5eed);
  for (guint i = 0; i < G_N_ELEMENTS (demo.kits); i++)
    demo.kits[i] = sl_kit_default (stage_ids[3 + i]);
  demo.open_positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  demo.openings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  demo.approvals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  demo.closed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Generated rows are consistent by construction; checking every reference of a million
   * inserts costs a fifth of the time. (The pragma only takes effect outside a transaction.) */
  sl_database_exec (db, "PRAGMA foreign_keys = OFF", NULL);
  if (!sl_database_begin (db, error))
    goto out;
  /* Index the new rows once at the end instead of row by row: several times faster */
  first_id = max_candidate_id (db);
  sl_database_set_bulk (db, TRUE);
  /* The whole transaction is written through the page cache: keep it from spilling to disk */
  sl_database_exec (db, "PRAGMA cache_size = -262144", NULL);
  if (!add_members (&demo, error) || !add_positions (&demo, n_candidates, error))
    goto fail;
  if (!prepare (
        &demo, &demo.candidate,
        "INSERT INTO candidates (name, email, phone, country, city, timezone, english_level,"
        " seniority, years_experience, stack_id, employment_type, expected_rate, currency,"
        " rate_period, source, availability, notes, consent_at, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'USD', 'hour', ?13, ?14,"
        " ?15, ?16, ?16, ?16)",
        error) ||
      !prepare (&demo, &demo.skill,
                "INSERT OR IGNORE INTO candidate_skills (candidate_id, tag_id) VALUES (?, ?)",
                error) ||
      !prepare (
        &demo, &demo.application,
        "INSERT INTO applications (candidate_id, position_id, stage, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?4)",
        error) ||
      !prepare (&demo, &demo.event,
                "INSERT INTO stage_events (application_id, from_stage, to_stage, at, by_member,"
                " reason_id) VALUES (?, ?, ?, ?, ?, ?)",
                error) ||
      !prepare (
        &demo, &demo.finish_application,
        "UPDATE applications SET updated_at = ?1, start_date = ?2, left_at = ?4, left_reason = ?5"
        " WHERE id = ?3",
        error) ||
      !prepare (&demo, &demo.interview,
                "INSERT INTO interviews (application_id, kind, starts_at, duration_min, place,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                error) ||
      !prepare (&demo, &demo.interviewer,
                "INSERT INTO interview_interviewers (interview_id, member_id) VALUES (?, ?)",
                error) ||
      !prepare (&demo, &demo.scorecard,
                "INSERT INTO scorecards (interview_id, member_id, overall, takeaways,"
                " submitted_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                error) ||
      !prepare (&demo, &demo.rating,
                "INSERT INTO scorecard_ratings (scorecard_id, rank, category, attribute, value)"
                " VALUES (?, ?, ?, ?, ?)",
                error))
    goto fail;

  for (guint i = 0; i < n_candidates; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (!add_candidate (&demo, i, error))
        goto fail;
      if (progress != NULL && (i % 1000 == 999 || i + 1 == n_candidates))
        progress (i + 1, n_candidates, user_data);
    }
  sl_database_set_bulk (db, FALSE);
  if (!sl_schema_index_candidates (db, first_id, error) ||
      !sl_schema_index_applications (db, first_id, error))
    goto fail;
  ok = sl_database_commit (db, error);
  goto out;

fail:
  sl_database_set_bulk (db, FALSE);
  sl_database_rollback (db);
out:
  sl_database_exec (db, "PRAGMA cache_size = -16384", NULL);
  sl_database_exec (db, "PRAGMA foreign_keys = ON", NULL);
  g_rand_free (demo.rand);
  g_rand_free (demo.interview_rand);
  for (guint i = 0; i < G_N_ELEMENTS (demo.kits); i++)
    g_object_unref (demo.kits[i]);
  g_array_unref (demo.open_positions);
  g_hash_table_unref (demo.tag_ids);
  g_hash_table_unref (demo.openings);
  g_hash_table_unref (demo.approvals);
  g_hash_table_unref (demo.closed);
  return ok;
}
