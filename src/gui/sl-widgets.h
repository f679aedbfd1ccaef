/* sl-widgets.h — small behaviours shared by Shortlist's forms */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sl_spin_button_scroll_passes (GtkSpinButton *spin);

G_END_DECLS
