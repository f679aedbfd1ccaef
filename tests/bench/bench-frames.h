/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* bench-frames.h — what the GUI benchmark reads off a window: its frames, and real X input */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The frames of one toplevel, from its frame clock */
typedef struct
{
  GdkFrameClock *clock;
  gint64 frame_start; /* ::before-paint of the frame under way, µs */
  gint64 last_start;  /* ::before-paint of the last frame that ended */
  gint64 last_paint;  /* its ::after-paint */
  guint paints;       /* ::after-paint since frames_watch () */
  gboolean recording; /* add each frame's work to @work */
  gboolean trace;     /* print the phases of frames over 12 ms while recording */
  gint64 layout_at, paint_at;
  GArray *work;                         /* ms from ::before-paint to ::after-paint, one per frame */
  gboolean (*on_paint) (gpointer data); /* called after each frame; FALSE stops calling */
  gpointer on_paint_data;
} Frames;

void frames_watch (Frames *frames, GtkWidget *toplevel);
void frames_unwatch (Frames *frames);
void frames_iterate (gboolean (*done) (gpointer data), gpointer data);
void frames_wait_ms (guint ms);

/* Percentiles of a set of durations: sorts @times in place */
typedef struct
{
  double p50, p90, p99, max;
  guint n;
} Spread;

Spread frames_spread (GArray *times);

/* Real input through the X server (XTest), as a user's keyboard and wheel give it */
gboolean xinput_available (void);
void xinput_focus (GtkWidget *toplevel);
void xinput_key (guint keysym);
void xinput_pointer_to (GtkWidget *widget);
void xinput_wheel (gboolean down);

G_END_DECLS
