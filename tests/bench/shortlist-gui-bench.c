/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* shortlist-gui-bench.c — what the user waits for in the real window, read off its frame clock
 *
 * Not a test: it prints figures. On a generated database (or the one given) it
 *  1. starts the app in a new process, alternating with an empty libadwaita window built by this
 *     same binary, and times each from the process's start to its first frame showing content
 *     (for the app: candidate rows with their data); it reads each process's peak RSS;
 *  2. types queries into the real window's search entry and clears them, and times each from
 *     the entry's search-changed to the frame that paints the new rows, beside the same query
 *     run alone by the core;
 *  3. scrolls the list with PageDown, End and the wheel, sent through the X server (XTest), and
 *     reports the work of each frame (::before-paint to ::after-paint) and the keys that arrived;
 *  4. leaves each view idle and counts the frames it paints.
 *
 *   shortlist-gui-bench [--candidates N] [--runs R] [--database PATH] [--idle-seconds S]
 *                       [--parts startup,search,scroll,idle] [--trace]
 *
 * It needs an X display: xvfb-run -a -s '-screen 0 1280x800x24' shortlist-gui-bench
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-frames.h"
#include "bench-util.h"
#include "sl-app.h"
#include "sl-demo.h"
#include "sl-fold.h"
#include "sl-window.h"

#define PAGE_DOWNS 30
#define WHEEL_NOTCHES 60

static const char *const typed[] = { "o", "ol", "ole", "olek", "", "j", "jo", "joa", "joao", "" };

/* ---- 1. Start-up, in a process of its own ------------------------------------------------ */

typedef struct
{
  Frames frames;
  GApplication *app;
  GtkWidget *window;
  gint64 activated;     /* GApplication::activate */
  gint64 realized;      /* the window's ::realize */
  gint64 first_frame;   /* the end of its first frame */
  gint64 first_content; /* the end of its first frame with content */
  guint content_frame;  /* which frame that was */
  double ui_cpu_ms;     /* the UI thread's CPU time until then */
  double all_cpu_ms;    /* the process's, all threads */
} Child;

static double
cpu_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static glong
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static gboolean
child_report_cb (gpointer data)
{
  Child *child = data;

  /* The peak after the window has settled: what start-up read is counted, not only the first
   * frame's */
  g_print ("activated-us=%" G_GINT64_FORMAT " realized-us=%" G_GINT64_FORMAT
           " first-frame-us=%" G_GINT64_FORMAT
           " content-frame=%u first-content-us=%" G_GINT64_FORMAT " peak-rss-kib=%ld"
           " ui-cpu-ms=%.2f all-cpu-ms=%.2f\n",
           child->activated, child->realized, child->first_frame, child->content_frame,
           child->first_content, peak_rss_kib (), child->ui_cpu_ms, child->all_cpu_ms);
  g_application_quit (child->app);
  return G_SOURCE_REMOVE;
}

static gboolean
child_paint_cb (gpointer data)
{
  Child *child = data;

  if (child->first_frame == 0)
    child->first_frame = child->frames.last_paint;
  if (g_getenv ("X_DBG") && SL_IS_WINDOW (child->window))
    g_printerr (
      "frame %u at %.1f: busy %d n %u pending %u rows %u\n", child->frames.paints,
      (child->frames.last_paint - child->activated) / 1000.0,
      sl_window_is_busy (SL_WINDOW (child->window)),
      g_list_model_get_n_items (
        G_LIST_MODEL (sl_window_get_candidates (SL_WINDOW (child->window)))),
      sl_candidate_list_get_n_pending (sl_window_get_candidates (SL_WINDOW (child->window))), 0);
  if (SL_IS_WINDOW (child->window) && !sl_window_shows_rows (SL_WINDOW (child->window)))
    return TRUE;
  child->first_content = child->frames.last_paint;
  child->content_frame = child->frames.paints;
  child->ui_cpu_ms = cpu_ms (CLOCK_THREAD_CPUTIME_ID);
  child->all_cpu_ms = cpu_ms (CLOCK_PROCESS_CPUTIME_ID);
  g_timeout_add (2000, child_report_cb, child);
  return FALSE;
}

static gint64 x_before, x_layout;
static void
x_before_cb (GdkFrameClock *c)
{
  x_before = g_get_monotonic_time ();
}
static void
x_layout_cb (GdkFrameClock *c)
{
  x_layout = g_get_monotonic_time ();
}
static void
x_paint_cb (GdkFrameClock *c)
{
  if (g_getenv ("X_DBG"))
    g_printerr ("  frame: update+layout %.1f ms, paint %.1f ms\n", (x_layout - x_before) / 1000.0,
                (g_get_monotonic_time () - x_layout) / 1000.0);
}

static void
child_activate_cb (GApplication *app, Child *child)
{
  child->activated = g_get_monotonic_time ();
}

/* The app is started with a command line: its handling starts the activation (-1: go on to
 * the app's own handlers) */
static int
child_options_cb (GApplication *app, GVariantDict *options, Child *child)
{
  child->activated = g_get_monotonic_time ();
  return -1;
}

static void
child_realized_cb (GtkWidget *window, Child *child)
{
  child->realized = g_get_monotonic_time ();
  child->window = window;
  g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint", G_CALLBACK (x_before_cb),
                    NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "layout", G_CALLBACK (x_layout_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "paint", G_CALLBACK (x_paint_cb), NULL);
  frames_watch (&child->frames, window);
  child->frames.on_paint = child_paint_cb;
  child->frames.on_paint_data = child;
}

static void
child_window_added_cb (GtkApplication *app, GtkWindow *window, Child *child)
{
  if (child->window == NULL)
    g_signal_connect_after (window, "realize", G_CALLBACK (child_realized_cb), child);
}

static void
floor_activate_cb (GApplication *app, Child *child)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* An empty window as any app opens one: a header bar with the window's title */
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Shortlist");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode, const char *path)
{
  Child child = { 0 };
  g_autoptr (GApplication) app = NULL;
  const char *app_argv[] = { "shortlist", "--database", path, NULL };

  if (g_str_equal (mode, "app"))
    app = G_APPLICATION (sl_app_new ());
  else
    {
      app =
        G_APPLICATION (adw_application_new ("app.shortlist.BenchFloor", G_APPLICATION_NON_UNIQUE));
    }
  child.app = app;
  /* Before the application's own handler: when activation starts. Each run is a first
   * instance of its own (the app's uniqueness would hand a run to one still exiting). */
  if (g_str_equal (mode, "app"))
    {
      g_application_set_flags (app, G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "handle-local-options", G_CALLBACK (child_options_cb), &child);
    }
  else
    g_signal_connect (app, "activate", G_CALLBACK (child_activate_cb), &child);
  if (!g_str_equal (mode, "app"))
    g_signal_connect (app, "activate", G_CALLBACK (floor_activate_cb), &child);
  g_signal_connect (app, "window-added", G_CALLBACK (child_window_added_cb), &child);
  return g_application_run (app, g_str_equal (mode, "app") ? 3 : 1, (char **) app_argv);
}

/* Times from spawning the process, ms: activation, the window realized, its first frame, its
 * first frame with content; and which frame that was, and the peak RSS */
enum
{
  AT_ACTIVATE,
  AT_REALIZE,
  AT_FIRST_FRAME,
  AT_CONTENT,
  N_AT
};

typedef struct
{
  GArray *at[N_AT];
  GArray *frame;
  GArray *rss;
  GArray *ui_cpu;
  GArray *all_cpu;
} Starts;

static double
field (const char *out, const char *name)
{
  const char *at = strstr (out, name);

  if (at == NULL)
    g_error ("No %s in: %s", name, out);
  return g_ascii_strtod (at + strlen (name), NULL);
}

static void
start_child (const char *self_path, const char *mode, const char *path, Starts *starts)
{
  const char *argv[] = { self_path, "--startup-child", mode, "--database", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const names[N_AT] = { "activated-us=", "realized-us=", "first-frame-us=",
                                           "first-content-us=" };
  gint64 started = g_get_monotonic_time ();
  int status;
  double value;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error))
    g_error ("Cannot start %s: %s", self_path, error->message);
  for (guint i = 0; i < N_AT; i++)
    {
      value = (field (out, names[i]) - started) / 1000.0;
      g_array_append_val (starts->at[i], value);
    }
  value = field (out, "content-frame=");
  g_array_append_val (starts->frame, value);
  value = field (out, "peak-rss-kib=") / 1024.0;
  g_array_append_val (starts->rss, value);
  value = field (out, "ui-cpu-ms=");
  g_array_append_val (starts->ui_cpu, value);
  value = field (out, "all-cpu-ms=");
  g_array_append_val (starts->all_cpu, value);
}

static Starts
starts_new (void)
{
  Starts starts;

  for (guint i = 0; i < N_AT; i++)
    starts.at[i] = g_array_new (FALSE, FALSE, sizeof (double));
  starts.frame = g_array_new (FALSE, FALSE, sizeof (double));
  starts.rss = g_array_new (FALSE, FALSE, sizeof (double));
  starts.ui_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  starts.all_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  return starts;
}

static void
starts_clear (Starts *starts)
{
  for (guint i = 0; i < N_AT; i++)
    g_array_set_size (starts->at[i], 0);
  g_array_set_size (starts->frame, 0);
  g_array_set_size (starts->rss, 0);
  g_array_set_size (starts->ui_cpu, 0);
  g_array_set_size (starts->all_cpu, 0);
}

static void
starts_free (Starts *starts)
{
  for (guint i = 0; i < N_AT; i++)
    g_array_unref (starts->at[i]);
  g_array_unref (starts->frame);
  g_array_unref (starts->rss);
  g_array_unref (starts->ui_cpu);
  g_array_unref (starts->all_cpu);
}

static void
print_start (const char *what, Starts *starts)
{
  Stats at[N_AT];
  Stats rss = bench_stats (starts->rss);
  Stats frame = bench_stats (starts->frame);
  g_autofree char *range = NULL;

  for (guint i = 0; i < N_AT; i++)
    at[i] = bench_stats (starts->at[i]);
  range = g_strdup_printf ("(%.0f–%.0f)", at[AT_CONTENT].min, at[AT_CONTENT].max);
  g_print ("   %-22s %9.1f %9.1f %9.1f %9.1f %13s %6.0f %9.1f\n", what, at[AT_ACTIVATE].median,
           at[AT_REALIZE].median, at[AT_FIRST_FRAME].median, at[AT_CONTENT].median, range,
           frame.median, rss.median);
}

static void
bench_startup (const char *self_path, const char *path, int runs)
{
  Starts app = starts_new ();
  Starts floor = starts_new ();
  Stats a, f, ar, fr;

  /* One of each untimed: the file's pages and the libraries come into the page cache */
  start_child (self_path, "empty", path, &floor);
  start_child (self_path, "app", path, &app);
  starts_clear (&app);
  starts_clear (&floor);
  for (int i = 0; i < runs; i++)
    {
      start_child (self_path, "empty", path, &floor);
      start_child (self_path, "app", path, &app);
    }
  a = bench_stats (app.at[AT_CONTENT]);
  f = bench_stats (floor.at[AT_CONTENT]);
  ar = bench_stats (app.rss);
  fr = bench_stats (floor.rss);
  g_print ("\n1. Start-up, %d runs each, alternating: medians in ms from spawning the process to"
           "\n   its activation, its window realized, the end of its first frame and of its first"
           "\n   frame with content (for Shortlist, candidate rows with their data), which frame"
           "\n   that was; peak RSS in MiB two seconds later\n\n",
           runs);
  g_print ("   %-22s %9s %9s %9s %9s %13s %6s %9s\n", "", "activate", "realized", "1st frame",
           "content", "(min–max)", "frame", "peak RSS");
  print_start ("empty window (floor)", &floor);
  print_start ("Shortlist", &app);
  g_print ("\n   first content: %.2f× the floor   peak RSS: %+.1f MiB above it\n",
           a.median / f.median, ar.median - fr.median);
  /* Less noisy than the wall clock on a busy machine: the work itself, whatever waited */
  g_print ("   CPU until then, medians in ms: the UI thread %.1f (floor %.1f, %+.1f), all threads"
           " %.1f (floor %.1f)\n",
           bench_stats (app.ui_cpu).median, bench_stats (floor.ui_cpu).median,
           bench_stats (app.ui_cpu).median - bench_stats (floor.ui_cpu).median,
           bench_stats (app.all_cpu).median, bench_stats (floor.all_cpu).median);
  starts_free (&app);
  starts_free (&floor);
}

/* ---- 2–4. The window in this process ----------------------------------------------------- */

typedef struct
{
  SlWindow *window;
  SlCandidateList *list;
  GtkWidget *entry;
  GtkWidget *list_view;
  Frames frames;

  /* A search under way */
  gboolean waiting;
  gint64 changed_at;       /* the entry's search-changed */
  gint64 results_at;       /* the list's items-changed with the results */
  gint64 painted_at;       /* the end of the frame that shows them */
  gint64 paint_started_at; /* and its start */
  guint expected;
  gboolean unchanged; /* the results were the rows shown already */

  /* Scrolling */
  guint keys_sent;
  guint keys_seen;
  GArray *positions; /* the selected row before each PageDown arrived */
} Bench;

static gboolean
settled (SlWindow *window)
{
  return !sl_window_is_busy (window) &&
         sl_candidate_list_get_n_pending (sl_window_get_candidates (window)) == 0;
}

static gboolean
painted_cb (gpointer data)
{
  Bench *b = data;

  if (b->frames.trace && b->waiting)
    g_printerr (
      "frame %.1f–%.1f busy %d pending %u n %u\n", (b->frames.last_start - b->changed_at) / 1000.0,
      (b->frames.last_paint - b->changed_at) / 1000.0, sl_window_is_busy (b->window),
      sl_candidate_list_get_n_pending (b->list), g_list_model_get_n_items (G_LIST_MODEL (b->list)));

  /* The frame began after the results came and nothing was left to load when it did */
  if (b->waiting && b->results_at > 0 && b->frames.last_start > b->results_at &&
      settled (b->window) && g_list_model_get_n_items (G_LIST_MODEL (b->list)) == b->expected)
    {
      b->painted_at = b->frames.last_paint;
      b->paint_started_at = b->frames.last_start;
      b->waiting = FALSE;
    }
  return TRUE;
}

static void
search_changed_cb (GtkSearchEntry *entry, Bench *b)
{
  b->changed_at = g_get_monotonic_time ();
}

static void
items_changed_cb (GListModel *list, guint position, guint removed, guint added, Bench *b)
{
  if (b->waiting && b->changed_at > 0)
    b->results_at = g_get_monotonic_time ();
  if (b->frames.trace && b->waiting)
    g_printerr ("items-changed %.1f (%u, %u, %u)\n", (b->results_at - b->changed_at) / 1000.0,
                position, removed, added);
}

static gboolean
search_done (gpointer data)
{
  Bench *b = data;

  /* A query that finds the rows already shown (at 1,000,000 candidates `joa` and `joao` find
   * the same) changes nothing in the list: no items-changed and no frame. It is done when its
   * results have reached the list */
  if (b->waiting && b->changed_at > 0 && b->results_at == 0 && settled (b->window) &&
      g_list_model_get_n_items (G_LIST_MODEL (b->list)) == b->expected)
    {
      b->results_at = b->painted_at = b->paint_started_at = g_get_monotonic_time ();
      b->unchanged = TRUE;
      b->waiting = FALSE;
    }
  return !b->waiting;
}

static double
core_query_ms (SlDatabase *reader, const char *text, guint *rows)
{
  g_autoptr (SlCandidateQuery) query = sl_candidate_query_new ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  gint64 started;

  query->text = g_strdup (text);
  started = g_get_monotonic_time ();
  ids = sl_candidate_query_run (query, reader, NULL, &error);
  if (ids == NULL)
    g_error ("%s", error->message);
  *rows = ids->len;
  return (g_get_monotonic_time () - started) / 1000.0;
}

static gboolean
window_settled (gpointer data)
{
  Bench *b = data;

  return settled (b->window) && sl_window_shows_rows (b->window);
}

static void
bench_search (Bench *b, SlDatabase *reader, int runs)
{
  GArray *total[G_N_ELEMENTS (typed)];
  GArray *after[G_N_ELEMENTS (typed)];
  GArray *core[G_N_ELEMENTS (typed)];
  GArray *work[G_N_ELEMENTS (typed)];
  guint rows[G_N_ELEMENTS (typed)];
  gboolean same[G_N_ELEMENTS (typed)] = { FALSE };
  gboolean any_same = FALSE;

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      total[q] = g_array_new (FALSE, FALSE, sizeof (double));
      after[q] = g_array_new (FALSE, FALSE, sizeof (double));
      core[q] = g_array_new (FALSE, FALSE, sizeof (double));
      work[q] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  b->frames.on_paint = painted_cb;
  b->frames.on_paint_data = b;
  for (int r = 0; r < runs; r++)
    for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
      {
        double ms = core_query_ms (reader, typed[q], &rows[q]);

        g_array_append_val (core[q], ms);
        b->expected = rows[q];
        b->changed_at = b->results_at = b->painted_at = 0;
        b->unchanged = FALSE;
        b->waiting = TRUE;
        gtk_editable_set_text (GTK_EDITABLE (b->entry), typed[q]);
        frames_iterate (search_done, b);
        ms = (b->painted_at - b->changed_at) / 1000.0;
        g_array_append_val (total[q], ms);
        ms = (b->painted_at - b->results_at) / 1000.0;
        g_array_append_val (after[q], ms);
        same[q] |= b->unchanged;
        ms = (b->painted_at - b->paint_started_at) / 1000.0;
        g_array_append_val (work[q], ms);
        frames_iterate (window_settled, b);
      }
  b->frames.on_paint = NULL;

  g_print ("\n2. Search through the window's entry: from its search-changed (after the entry's own"
           "\n   delay of %u ms) to the end of the frame painting the new rows; the core query"
           "\n   alone on a reader connection; the window's part (the difference); from the"
           "\n   results reaching the list to that frame; and that frame's own work (the rest"
           "\n   of \"after results\" is the wait for the frame clock's next tick, at most one"
           "\n   refresh interval). Medians of %d runs, ms.\n\n",
           gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (b->entry)), runs);
  g_print ("   %-10s %9s %11s %17s %11s %9s %14s %11s\n", "typed", "rows", "painted", "(min–max)",
           "core query", "window", "after results", "frame work");
  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      Stats t = bench_stats (total[q]);
      Stats a = bench_stats (after[q]);
      Stats c = bench_stats (core[q]);
      Stats w = bench_stats (work[q]);
      g_autofree char *range = g_strdup_printf ("(%.1f–%.1f)", t.min, t.max);
      g_autofree char *name =
        g_strconcat (*typed[q] ? typed[q] : "(cleared)", same[q] ? " *" : "", NULL);

      g_print ("   %-10s %9u %11.1f %17s %11.1f %9.1f %14.1f %11.1f\n", name, rows[q], t.median,
               range, c.median, t.median - c.median, a.median, w.median);
      any_same |= same[q];
      g_array_unref (total[q]);
      g_array_unref (after[q]);
      g_array_unref (core[q]);
      g_array_unref (work[q]);
    }
  if (any_same)
    g_print ("   * found the rows already shown: nothing to paint, timed to the results reaching "
             "the list\n");
}

static gboolean
key_cb (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state, Bench *b)
{
  if (keyval == GDK_KEY_Page_Down)
    {
      int position = sl_candidate_list_find (b->list, sl_window_get_selected_id (b->window));

      b->keys_seen++;
      g_array_append_val (b->positions, position);
    }
  return FALSE;
}

typedef struct
{
  Bench *b;
  guint left;
  guint keysym; /* 0: the wheel */
} Burst;

static gboolean
burst_cb (gpointer data)
{
  Burst *burst = data;

  if (burst->keysym != 0)
    {
      xinput_key (burst->keysym);
      burst->b->keys_sent++;
    }
  else
    xinput_wheel (TRUE);
  return --burst->left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
burst_done (gpointer data)
{
  Burst *burst = data;

  return burst->left == 0;
}

/* Until nothing is loading and no frame has been painted for a while */
static void
quiet (Bench *b)
{
  for (int i = 0; i < 40; i++)
    {
      guint before = b->frames.paints;

      frames_wait_ms (150);
      if (b->frames.paints == before && settled (b->window))
        return;
    }
}

static void
print_spread (const char *what, GArray *work)
{
  Spread s = frames_spread (work);

  g_print ("   %-34s %7u %8.1f %8.1f %8.1f %8.1f\n", what, s.n, s.p50, s.p90, s.p99, s.max);
}

static void
record_burst (Bench *b, GArray *all, const char *what, guint keysym, guint count, guint interval)
{
  Burst burst = { b, count, keysym };

  g_array_set_size (b->frames.work, 0);
  b->frames.recording = TRUE;
  g_timeout_add (interval, burst_cb, &burst);
  frames_iterate (burst_done, &burst);
  quiet (b);
  b->frames.recording = FALSE;
  g_array_append_vals (all, b->frames.work->data, b->frames.work->len);
  print_spread (what, b->frames.work);
}

static void
bench_scroll (Bench *b)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  GtkEventController *keys = gtk_event_controller_key_new ();
  guint lost = 0;

  if (!xinput_available ())
    {
      g_print ("\n3. Scrolling: skipped, the display has no XTest\n");
      return;
    }
  b->positions = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_cb), b);
  gtk_widget_add_controller (GTK_WIDGET (b->window), keys);

  gtk_editable_set_text (GTK_EDITABLE (b->entry), "");
  frames_iterate (window_settled, b);
  sl_window_select_id (b->window, sl_candidate_list_get_id (b->list, 0));
  gtk_widget_grab_focus (b->list_view);
  xinput_focus (GTK_WIDGET (b->window));
  quiet (b);

  g_print ("\n3. Scrolling the whole list (%u rows) with real key presses and wheel notches: the"
           "\n   work of each frame, ::before-paint to ::after-paint, ms (GSK_RENDERER=%s)\n\n",
           g_list_model_get_n_items (G_LIST_MODEL (b->list)), g_getenv ("GSK_RENDERER"));
  g_print ("   %-34s %7s %8s %8s %8s %8s\n", "", "frames", "p50", "p90", "p99", "max");
  record_burst (b, all, "PageDown ×30, one each 30 ms", GDK_KEY_Page_Down, PAGE_DOWNS, 30);
  record_burst (b, all, "End", GDK_KEY_End, 1, 1);
  xinput_pointer_to (b->list_view);
  record_burst (b, all, "wheel ×60, one each 16 ms", 0, WHEEL_NOTCHES, 16);
  record_burst (b, all, "Home", GDK_KEY_Home, 1, 1);
  print_spread ("all of them", all);
  for (guint i = 1; i < b->positions->len; i++)
    if (g_array_index (b->positions, int, i) <= g_array_index (b->positions, int, i - 1))
      lost++;
  g_print ("\n   PageDown: %u sent, %u reached the window, %u moved the selection nowhere"
           "\n   (the row selected before each: %d, %d, … %d)\n",
           PAGE_DOWNS, b->keys_seen, lost, g_array_index (b->positions, int, 0),
           b->positions->len > 1 ? g_array_index (b->positions, int, 1) : -1,
           g_array_index (b->positions, int, b->positions->len - 1));
  gtk_widget_remove_controller (GTK_WIDGET (b->window), keys);
  g_clear_pointer (&b->positions, g_array_unref);
}

static void
bench_idle (Bench *b, int seconds)
{
  static const char *const views[] = { "candidates", "positions", "interviews", "reports" };

  g_print ("\n4. Idle: frames painted in %d s with nothing happening, after each view settled"
           "\n\n",
           seconds);
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      guint before;

      gtk_widget_activate_action (GTK_WIDGET (b->window), "win.view", "s", views[v]);
      quiet (b);
      /* GTK's own overlay scrollbars fade out two seconds after a scroll, over one second */
      frames_wait_ms (3500);
      before = b->frames.paints;
      frames_wait_ms ((guint) seconds * 1000);
      g_print ("   %-12s %u frames\n", views[v], b->frames.paints - before);
    }
  gtk_widget_activate_action (GTK_WIDGET (b->window), "win.view", "s", "candidates");
}

static gboolean
part_wanted (const char *parts, const char *part)
{
  g_auto (GStrv) list = parts ? g_strsplit (parts, ",", -1) : NULL;

  return list == NULL || g_strv_contains ((const char *const *) list, part);
}

static gboolean
window_realized (gpointer data)
{
  return gtk_widget_get_realized (data);
}

static gint64
count_candidates (SlDatabase *reader)
{
  SlStmt *stmt =
    sl_database_prepare (reader, "SELECT count(*) FROM candidates WHERE deleted_at IS NULL", NULL);
  gint64 n = stmt && sl_stmt_step (stmt) == SL_STMT_ROW ? sl_stmt_column_int64 (stmt, 0) : -1;

  if (stmt)
    sl_stmt_reset (stmt);
  return n;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

int
main (int argc, char *argv[])
{
  int candidates = 100000;
  int runs = 9;
  int idle_seconds = 10;
  g_autofree char *database = NULL;
  g_autofree char *child_mode = NULL;
  g_autofree char *parts = NULL;
  gboolean trace = FALSE;
  GOptionEntry entries[] = {
    { "candidates", 'n', 0, G_OPTION_ARG_INT, &candidates,
      "Sample candidates to generate (default 100000)", "N" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each measurement (default 9)", "R" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "Use this file; reused as it is if it exists and is not empty", "PATH" },
    { "idle-seconds", 0, 0, G_OPTION_ARG_INT, &idle_seconds,
      "How long each view is left idle (default 10)", "S" },
    { "trace", 0, 0, G_OPTION_ARG_NONE, &trace,
      "Print each search's frames, and where long frames spent their time", NULL },
    { "parts", 0, 0, G_OPTION_ARG_STRING, &parts,
      "What to measure, of startup,search,scroll,idle (default all)", "LIST" },
    { "startup-child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_mode, NULL, NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new ("— time the real window: start-up, search, scrolling, idle");
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self_path = NULL;
  g_autoptr (SlDatabase) reader = NULL;
  SlApp *app;
  SlStore *store;
  Bench b = { 0 };
  GStatBuf st;

  /* What the issue measures against, and nothing of the user's own settings */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", SCHEMAS_DIR, FALSE);
  /* The formats module of this build, not an installed one */
  g_setenv ("SHORTLIST_MODULEDIR", MODULE_DIR, FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!bench_parse (context, &argc, &argv, &candidates, &runs))
    return 2;
  if (child_mode != NULL)
    return run_child (child_mode, database);
  if (!gtk_init_check ())
    {
      g_printerr ("shortlist-gui-bench needs a display (run it under xvfb-run)\n");
      return 2;
    }
  adw_init ();

  path = bench_database_path (database, &tmpdir);
  g_print ("Shortlist GUI benchmark: GTK %u.%u.%u, libadwaita %u.%u.%u, SQLite %s\n",
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
           adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
           sqlite3_libversion ());
  if (g_stat (path, &st) != 0 || st.st_size == 0)
    {
      g_autoptr (SlDatabase) db = sl_database_open (path, &error);
      gint64 started = g_get_monotonic_time ();

      if (db == NULL || !sl_demo_generate (db, (guint) candidates, 1, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      g_print ("Sample data: %d candidates generated in %.1f s\n", candidates,
               (g_get_monotonic_time () - started) / 1e6);
    }
  reader = sl_database_open_reader (path, &error);
  if (reader == NULL)
    g_error ("%s", error->message);
  g_print ("Database: %s, %" G_GINT64_FORMAT " candidates\n", path, count_candidates (reader));

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (part_wanted (parts, "startup"))
    bench_startup (self_path ? self_path : argv[0], path, runs);

  app = sl_app_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  store = sl_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  b.window = sl_window_new (app, store);
  b.list = sl_window_get_candidates (b.window);
  b.entry = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (b.window), SL_TYPE_WINDOW, "search_entry"));
  b.list_view =
    GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (b.window), SL_TYPE_WINDOW, "list_view"));
  gtk_window_present (GTK_WINDOW (b.window));
  frames_iterate (window_realized, b.window);
  frames_watch (&b.frames, GTK_WIDGET (b.window));
  b.frames.trace = trace;
  g_signal_connect (b.entry, "search-changed", G_CALLBACK (search_changed_cb), &b);
  g_signal_connect (b.list, "items-changed", G_CALLBACK (items_changed_cb), &b);
  frames_iterate (window_settled, &b);

  if (part_wanted (parts, "search"))
    bench_search (&b, reader, runs);
  if (part_wanted (parts, "scroll"))
    bench_scroll (&b);
  if (part_wanted (parts, "idle"))
    bench_idle (&b, idle_seconds);

  frames_unwatch (&b.frames);
  gtk_window_destroy (GTK_WINDOW (b.window));
  g_object_unref (store);
  g_object_unref (app);
  if (tmpdir != NULL)
    remove_tree (tmpdir);
  return 0;
}
