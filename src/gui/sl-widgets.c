/* sl-widgets.c — small behaviours shared by Shortlist's forms */
#include "config.h"

#include <math.h>

#include "sl-widgets.h"

static gboolean
spin_scroll_cb (GtkEventControllerScroll *controller, double dx, double dy, gpointer data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scrolled = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  if (gtk_widget_has_focus (spin) ||
      gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (spin)), spin))
    return FALSE;
  if (scrolled == NULL)
    return TRUE;
  /* Scroll the form instead, by about the step GTK uses for a wheel notch */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) +
                              dy * pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0));
  return TRUE;
}

/* A wheel passing over a number field scrolls the form; it changes the number only once the
 * field has the focus. Otherwise scrolling down a profile edits (and saves) whatever passes
 * under the pointer. */
void
sl_spin_button_scroll_passes (GtkSpinButton *spin)
{
  GtkEventController *controller =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (spin_scroll_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (spin), controller);
}
