/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* bench-frames.c — frames off a window's frame clock, and real X input (see bench-frames.h) */
#include "config.h"

#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#include <gdk/x11/gdkx.h>
#include <stdlib.h>
#include <string.h>

#include "bench-frames.h"

static void
before_paint_cb (GdkFrameClock *clock, Frames *frames)
{
  frames->frame_start = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock, Frames *frames)
{
  if (frames->layout_at == 0)
    frames->layout_at = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock, Frames *frames)
{
  frames->paint_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock, Frames *frames)
{
  gint64 now = g_get_monotonic_time ();

  /* --trace: where the time of a long frame went */
  if (frames->trace && frames->recording && frames->frame_start > 0 &&
      now - frames->frame_start > 12000)
    g_printerr (
      "slow frame %.1f: update %.1f layout %.1f paint %.1f\n", (now - frames->frame_start) / 1000.0,
      frames->layout_at ? (frames->layout_at - frames->frame_start) / 1000.0 : -1.0,
      frames->layout_at && frames->paint_at ? (frames->paint_at - frames->layout_at) / 1000.0
                                            : -1.0,
      frames->paint_at ? (now - frames->paint_at) / 1000.0 : -1.0);
  frames->layout_at = frames->paint_at = 0;

  frames->paints++;
  frames->last_paint = now;
  frames->last_start = frames->frame_start;
  if (frames->recording && frames->frame_start > 0)
    {
      double ms = (now - frames->frame_start) / 1000.0;
      g_array_append_val (frames->work, ms);
    }
  frames->frame_start = 0;
  if (frames->on_paint != NULL && !frames->on_paint (frames->on_paint_data))
    frames->on_paint = NULL;
}

/* Starts counting @toplevel's frames; it must be realized */
void
frames_watch (Frames *frames, GtkWidget *toplevel)
{
  memset (frames, 0, sizeof *frames);
  frames->clock = g_object_ref (gtk_widget_get_frame_clock (toplevel));
  frames->work = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (frames->clock, "before-paint", G_CALLBACK (before_paint_cb), frames);
  g_signal_connect (frames->clock, "after-paint", G_CALLBACK (after_paint_cb), frames);
  g_signal_connect (frames->clock, "layout", G_CALLBACK (layout_cb), frames);
  g_signal_connect (frames->clock, "paint", G_CALLBACK (paint_cb), frames);
}

void
frames_unwatch (Frames *frames)
{
  if (frames->clock != NULL)
    g_signal_handlers_disconnect_by_data (frames->clock, frames);
  g_clear_object (&frames->clock);
  g_clear_pointer (&frames->work, g_array_unref);
}

/* Runs the main loop until @done says so */
void
frames_iterate (gboolean (*done) (gpointer data), gpointer data)
{
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Lets the main loop run, frames and all, for @ms */
void
frames_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  frames_iterate (flag_set, &done);
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (const double *t, guint n, double p)
{
  /* The nearest rank: the smallest value with at least p of the values at or below it */
  guint rank = (guint) (p * n + 0.999999);

  return t[MIN (MAX (rank, 1), n) - 1];
}

Spread
frames_spread (GArray *times)
{
  Spread s = { 0 };
  double *t = (double *) (gpointer) times->data;

  s.n = times->len;
  if (s.n == 0)
    return s;
  qsort (t, s.n, sizeof (double), compare_doubles);
  s.p50 = percentile (t, s.n, 0.50);
  s.p90 = percentile (t, s.n, 0.90);
  s.p99 = percentile (t, s.n, 0.99);
  s.max = t[s.n - 1];
  return s;
}

static Display *
xdisplay (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || !GDK_IS_X11_DISPLAY (display))
    return NULL;
  return gdk_x11_display_get_xdisplay (display);
}

gboolean
xinput_available (void)
{
  Display *dpy = xdisplay ();
  int event, error, major, minor;

  return dpy != NULL && XTestQueryExtension (dpy, &event, &error, &major, &minor);
}

/* With no window manager on a headless server, nobody gives the window the keyboard */
void
xinput_focus (GtkWidget *toplevel)
{
  Display *dpy = xdisplay ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (toplevel));

  XRaiseWindow (dpy, gdk_x11_surface_get_xid (surface));
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (dpy, False);
}

void
xinput_key (guint keysym)
{
  Display *dpy = xdisplay ();
  KeyCode code = XKeysymToKeycode (dpy, keysym);

  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  XFlush (dpy);
}

/* Puts the pointer in the middle of @widget */
void
xinput_pointer_to (GtkWidget *widget)
{
  Display *dpy = xdisplay ();
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point = { 0 };
  graphene_point_t in_surface;
  double nx, ny;
  int root_x, root_y;
  Window child;

  point.x = gtk_widget_get_width (widget) / 2.0f;
  point.y = gtk_widget_get_height (widget) / 2.0f;
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (native), &point, &in_surface))
    in_surface = point;
  gtk_native_get_surface_transform (native, &nx, &ny);
  XTranslateCoordinates (dpy, gdk_x11_surface_get_xid (surface), DefaultRootWindow (dpy),
                         (int) (in_surface.x + nx), (int) (in_surface.y + ny), &root_x, &root_y,
                         &child);
  XTestFakeMotionEvent (dpy, -1, root_x, root_y, CurrentTime);
  XFlush (dpy);
}

/* One notch of the wheel: buttons 4 and 5 are up and down */
void
xinput_wheel (gboolean down)
{
  Display *dpy = xdisplay ();
  unsigned int button = down ? 5 : 4;

  XTestFakeButtonEvent (dpy, button, True, CurrentTime);
  XTestFakeButtonEvent (dpy, button, False, CurrentTime);
  XFlush (dpy);
}
