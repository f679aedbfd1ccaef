/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-zone-row.c — a time zone field: shown as a place and its offset, picked by city or country
 *
 * The value stays an IANA identifier (“Europe/Kyiv”), but people see “Київ (UTC+2)” and find a
 * zone by the city or country they know, in their language or in English (sl-zones does the
 * matching). The row's button opens a popover: a search entry that keeps the keyboard (typing
 * filters, Down and Up move, Enter picks, Escape closes) above a list of a few hundred zones,
 * bounded in height. A value the tz database does not know, typed before this field existed,
 * is shown as it was typed and kept until another zone is picked.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-a11y.h"
#include "sl-countries.h"
#include "sl-time.h"
#include "sl-zone-row.h"
#include "sl-zones.h"

struct _SlZoneRow
{
  AdwActionRow parent_instance;

  char *zone;
  char *country;
  char *filtered; /* the text the list was last filtered for */
  SlZones *zones; /* built when the popover first opens */
  GtkStringList *found;
  GtkSingleSelection *selection;

  GtkMenuButton *button;
  GtkPopover *popover;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkScrolledWindow *scrolled;
  GtkListView *list_view;
  GtkWidget *empty_label;
};

G_DEFINE_FINAL_TYPE (SlZoneRow, sl_zone_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_subtitle (SlZoneRow *self)
{
  g_autofree char *label = NULL;

  if (self->zone == NULL || *self->zone == '\0')
    label = g_strdup (_ ("Not set"));
  else
    label = sl_time_zone_label (self->zone, g_get_real_time () / G_USEC_PER_SEC);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), label);
  /* The keyboard lands on the menu button's own inner button: it is named after the field
   * and says its value, as an entry row would */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->button)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

        sl_a11y_set_label (child, title != NULL && *title != '\0' ? title : _ ("Time zone"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        label, -1);
      }
}

const char *
sl_zone_row_get_zone (SlZoneRow *self)
{
  g_return_val_if_fail (SL_IS_ZONE_ROW (self), NULL);
  return self->zone ? self->zone : "";
}

/* Shows @zone (an IANA identifier, "" for none); picking one in the popover notifies "zone" */
void
sl_zone_row_set_zone (SlZoneRow *self, const char *zone)
{
  g_return_if_fail (SL_IS_ZONE_ROW (self));

  if (g_strcmp0 (self->zone, zone ? zone : "") == 0)
    return;
  g_free (self->zone);
  self->zone = g_strdup (zone ? zone : "");
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

/* The candidate's country: its zones come first in the list */
void
sl_zone_row_set_country (SlZoneRow *self, const char *country)
{
  g_return_if_fail (SL_IS_ZONE_ROW (self));

  g_free (self->country);
  self->country = g_strdup (country);
}

void
sl_zone_row_popup (SlZoneRow *self)
{
  g_return_if_fail (SL_IS_ZONE_ROW (self));

  gtk_menu_button_popup (self->button);
}

/* Only once the list is on screen: GTK 4.8's list view, told to scroll before its first layout,
 * shows blank rows until it scrolls again */
static void
scroll_to (SlZoneRow *self, guint position)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  else if (position == 0)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

/* The list for what is typed. With nothing typed: “No time zone” to clear the field, then the
 * current zone, selected (the list opens at its top: see scroll_to()), then the rest. */
static void
refilter (SlZoneRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr (GPtrArray) ids = NULL;
  guint selected = 0, current;

  if (self->zones == NULL)
    self->zones = sl_zones_new ();
  g_free (self->filtered);
  self->filtered = g_strdup (text);
  ids = sl_zones_search (self->zones, text, self->country);
  if (*trimmed == '\0')
    {
      if (*self->zone != '\0' &&
          g_ptr_array_find_with_equal_func (ids, self->zone, g_str_equal, &current))
        {
          gpointer id = g_ptr_array_steal_index (ids, current);

          g_ptr_array_insert (ids, 0, id);
          selected = 1;
        }
      else if (*self->zone != '\0')
        /* An old value the list does not hold: nothing is chosen for Enter to replace it */
        selected = GTK_INVALID_LIST_POSITION;
      g_ptr_array_insert (ids, 0, (gpointer) "");
    }
  g_ptr_array_add (ids, NULL);
  gtk_string_list_splice (self->found, 0, g_list_model_get_n_items (G_LIST_MODEL (self->found)),
                          (const char *const *) ids->pdata);
  gtk_stack_set_visible_child (self->stack,
                               ids->len > 1 ? GTK_WIDGET (self->scrolled) : self->empty_label);
  gtk_single_selection_set_selected (self->selection,
                                     ids->len > 1 ? selected : GTK_INVALID_LIST_POSITION);
  scroll_to (self, 0);
}

static void
search_changed_cb (SlZoneRow *self)
{
  refilter (self);
}

static void
pick (SlZoneRow *self, guint position)
{
  const char *id = gtk_string_list_get_string (self->found, position);

  if (id == NULL)
    return;
  gtk_popover_popdown (self->popover);
  sl_zone_row_set_zone (self, id);
}

static void
list_activate_cb (GtkListView *list, guint position, SlZoneRow *self)
{
  pick (self, position);
}

static void
search_activate_cb (SlZoneRow *self)
{
  guint selected;

  /* Enter pressed before the entry's delay reported the last letters typed */
  if (g_strcmp0 (self->filtered, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    refilter (self);
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    pick (self, selected);
}

static void
stop_search_cb (SlZoneRow *self)
{
  gtk_popover_popdown (self->popover);
}

/* Down and Up move through the list while the keyboard stays in the search entry */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                       GdkModifierType state, SlZoneRow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->found));
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint target;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      target = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n - 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      target = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0 : selected - 1;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      target = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 8, n - 1);
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      target = selected == GTK_INVALID_LIST_POSITION || selected < 8 ? 0 : selected - 8;
      break;
    default:
      return FALSE;
    }
  gtk_single_selection_set_selected (self->selection, target);
  scroll_to (self, target);
  return TRUE;
}

static void
popover_show_cb (SlZoneRow *self)
{
  graphene_rect_t row;

  /* Under the whole row, not centred on its button at the window's edge: in a narrow window
   * it would run past the window's side */
  if (gtk_widget_compute_bounds (GTK_WIDGET (self), GTK_WIDGET (self->button), &row))
    gtk_popover_set_pointing_to (
      self->popover, &(GdkRectangle){ (int) row.origin.x, 0, (int) row.size.width,
                                      gtk_widget_get_height (GTK_WIDGET (self->button)) });
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refilter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
item_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *place = gtk_label_new (NULL);
  GtkWidget *country = gtk_label_new (NULL);
  GtkWidget *offset = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_wrap (GTK_LABEL (place), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (place), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (country), 0);
  gtk_label_set_wrap (GTK_LABEL (country), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (country), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (country, "caption");
  gtk_widget_add_css_class (country, "dim-label");
  gtk_widget_set_hexpand (names, TRUE);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (offset, "numeric");
  gtk_widget_add_css_class (offset, "dim-label");
  gtk_widget_set_valign (offset, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (names), place);
  gtk_box_append (GTK_BOX (names), country);
  gtk_box_append (GTK_BOX (box), names);
  gtk_box_append (GTK_BOX (box), offset);
  g_object_set_data (G_OBJECT (box), "sl-place", place);
  g_object_set_data (G_OBJECT (box), "sl-country", country);
  g_object_set_data (G_OBJECT (box), "sl-offset", offset);
  gtk_list_item_set_child (item, box);
}

/* “Київ”, “Україна”, “UTC+2”: read for the few rows shown, at the time they are shown */
static void
item_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, SlZoneRow *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  const char *id = gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_list_item_get_item (item)));
  const char *code = sl_zones_get_country (self->zones, id);
  const char *country = code != NULL && *code != '\0' ? sl_countries_name (code) : "";
  g_autofree char *place = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *name = NULL;

  if (*id == '\0')
    {
      place = g_strdup (_ ("No time zone"));
      offset = g_strdup ("");
      name = g_strdup (place);
    }
  else
    {
      g_autoptr (GTimeZone) zone = sl_time_zone_new (id);

      place = sl_time_zone_place (id);
      offset =
        zone ? sl_time_format_offset (g_get_real_time () / G_USEC_PER_SEC, zone) : g_strdup ("");
      /* UTC reads once */
      if (g_str_equal (offset, place))
        offset[0] = '\0';
      /* Translators: how a screen reader reads a time zone in the list: the city, its country
       * and its offset from UTC, e.g. “Kyiv, Ukraine, UTC+2” */
      name = *country != '\0'
               ? g_strdup_printf (C_ ("time zone", "%s, %s, %s"), place, country, offset)
             : *offset != '\0' ? g_strdup_printf (C_ ("time zone", "%s, %s"), place, offset)
                               : g_strdup (place);
    }
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "sl-place"), place);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "sl-country"), country);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "sl-country"), *country != '\0');
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "sl-offset"), offset);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
sl_zone_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SlZoneRow *self = SL_ZONE_ROW (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      g_value_set_string (value, sl_zone_row_get_zone (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_zone_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SlZoneRow *self = SL_ZONE_ROW (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      sl_zone_row_set_zone (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_zone_row_dispose (GObject *object)
{
  SlZoneRow *self = SL_ZONE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_ZONE_ROW);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (sl_zone_row_parent_class)->dispose (object);
}

static void
sl_zone_row_finalize (GObject *object)
{
  SlZoneRow *self = SL_ZONE_ROW (object);

  g_free (self->zone);
  g_free (self->country);
  g_free (self->filtered);
  g_clear_pointer (&self->zones, sl_zones_free);

  G_OBJECT_CLASS (sl_zone_row_parent_class)->finalize (object);
}

static void
sl_zone_row_class_init (SlZoneRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sl_zone_row_get_property;
  object_class->set_property = sl_zone_row_set_property;
  object_class->dispose = sl_zone_row_dispose;
  object_class->finalize = sl_zone_row_finalize;

  properties[PROP_ZONE] = g_param_spec_string (
    "zone", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sl-zone-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SlZoneRow, button);
  gtk_widget_class_bind_template_child (widget_class, SlZoneRow, popover);
  gtk_widget_class_bind_template_child (widget_class, SlZoneRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SlZoneRow, stack);
  gtk_widget_class_bind_template_child (widget_class, SlZoneRow, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SlZoneRow, list_view);
  gtk_widget_class_bind_template_child (widget_class, SlZoneRow, empty_label);
}

static void
sl_zone_row_init (SlZoneRow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->zone = g_strdup ("");
  self->found = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->found));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                            self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  g_signal_connect (self, "notify::title", G_CALLBACK (update_subtitle), NULL);
  update_subtitle (self);
}
