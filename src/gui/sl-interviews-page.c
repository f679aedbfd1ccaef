/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-interviews-page.c — My Interviews: what the current member holds next, and owes feedback on
 *
 * Two lists, read on the worker thread (an interviewer's history grows with the data): the
 * interviews that started and still wait for the member's scorecard, and those ahead. A row
 * opens the member's scorecard; an upcoming one also exports its invitation.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-interview-list.h"
#include "sl-interviews-page.h"
#include "sl-store-interviews.h"
#include "sl-store-scorecards.h"
#include "sl-position-editor.h"
#include "sl-widgets.h"
#include "sl-session.h"

struct _SlInterviewsPage
{
  GtkWidget parent_instance;

  SlStore *store;
  GCancellable *cancellable;
  guint busy;
  gboolean stale; /* changed while hidden: reload when shown */

  AdwViewSwitcherTitle *switcher_title;
  AdwStatusPage *error_page;
  GtkStack *content;
  AdwViewStack *lists;
  AdwViewStackPage *awaiting_page;
  AdwViewStackPage *upcoming_page;
  GListModel *awaiting; /* SlInterview, as last read */
  GListModel *upcoming;
  GtkNoSelection *awaiting_selection;
  GtkNoSelection *upcoming_selection;
  GtkStack *awaiting_stack;
  GtkStack *upcoming_stack;
};

G_DEFINE_FINAL_TYPE (SlInterviewsPage, sl_interviews_page, GTK_TYPE_WIDGET)

static void
show_counts (SlInterviewsPage *self)
{
  guint awaiting = g_list_model_get_n_items (self->awaiting);
  guint upcoming = g_list_model_get_n_items (self->upcoming);

  adw_view_stack_page_set_badge_number (self->awaiting_page, awaiting);
  adw_view_stack_page_set_needs_attention (self->awaiting_page, awaiting > 0);
  adw_view_stack_page_set_badge_number (self->upcoming_page, upcoming);
  gtk_stack_set_visible_child_name (self->awaiting_stack, awaiting > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->upcoming_stack, upcoming > 0 ? "list" : "empty");
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SlInterviewsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) upcoming = NULL;
  g_autoptr (GListModel) awaiting =
    sl_store_list_member_interviews_finish (SL_STORE (source), result, &upcoming, &error);

  self->busy--;
  if (awaiting == NULL)
    {
      /* Said on the page, where the lists would be; a newer query replaces a cancelled one */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->content, "error");
        }
      return;
    }
  /* The lists were built on the worker: the views take them whole */
  g_set_object (&self->awaiting, awaiting);
  g_set_object (&self->upcoming, upcoming);
  gtk_no_selection_set_model (self->awaiting_selection, awaiting);
  gtk_no_selection_set_model (self->upcoming_selection, upcoming);
  show_counts (self);
  gtk_stack_set_visible_child_name (self->content, "lists");
}

/* Reads the current member's interviews again (on the worker thread) */
void
sl_interviews_page_reload (SlInterviewsPage *self)
{
  gint64 member;

  if (self->store == NULL)
    return;
  member = sl_session_get_member_id (sl_session_get (self->store), NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->stale = FALSE;
  if (member == 0)
    {
      gtk_stack_set_visible_child_name (self->content, "who");
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->busy++;
  sl_store_list_member_interviews_async (self->store, member, g_get_real_time () / G_USEC_PER_SEC,
                                         self->cancellable, loaded_cb, g_object_ref (self));
}

/* Puts the keyboard in the list shown, or on what the page shows instead */
void
sl_interviews_page_focus (SlInterviewsPage *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->content);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->content), "lists"))
    {
      GtkStack *stack =
        g_str_equal (adw_view_stack_get_visible_child_name (self->lists), "upcoming")
          ? self->upcoming_stack
          : self->awaiting_stack;
      shown = gtk_stack_get_visible_child (stack);
    }
  gtk_widget_child_focus (shown, GTK_DIR_TAB_FORWARD);
}

gboolean
sl_interviews_page_is_busy (SlInterviewsPage *self)
{
  return self->busy > 0;
}

GListModel *
sl_interviews_page_get_awaiting (SlInterviewsPage *self)
{
  return self->awaiting;
}

GListModel *
sl_interviews_page_get_upcoming (SlInterviewsPage *self)
{
  return self->upcoming;
}

static void
changed_cb (SlInterviewsPage *self)
{
  /* Hidden, it waits until it is shown */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sl_interviews_page_reload (self);
  else
    self->stale = TRUE;
}

static void
map_cb (GtkWidget *widget, gpointer user_data)
{
  SlInterviewsPage *self = SL_INTERVIEWS_PAGE (widget);

  if (self->stale)
    sl_interviews_page_reload (self);
}

void
sl_interviews_page_set_store (SlInterviewsPage *self, SlStore *store)
{
  g_autoptr (GSettings) settings = NULL;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect_object (store, "interviews-changed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "candidate-removed", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "candidate-added", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  sl_interviews_page_reload (self);
}

/* The row of one interview: candidate and position, time on both clocks, the people */
static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);

  for (int i = 0; i < 3; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      if (i == 0)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_add_css_class (label, i == 1 ? "caption" : "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  SlInterview *interview = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *time = gtk_widget_get_next_sibling (title);
  GtkWidget *people = gtk_widget_get_next_sibling (time);
  /* Translators: an interview in My Interviews: the candidate, then the position */
  g_autofree char *heading =
    g_strdup_printf (_ ("%s — %s"), sl_interview_get_candidate_name (interview),
                     sl_interview_get_position_title (interview));
  g_autofree char *when = sl_interview_describe_time (interview);
  g_autofree char *who = sl_interview_describe_people (interview);
  g_autofree char *description = g_strdup_printf ("%s. %s", when, who);

  gtk_label_set_text (GTK_LABEL (title), heading);
  gtk_label_set_text (GTK_LABEL (time), when);
  gtk_label_set_text (GTK_LABEL (people), who);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
activate_cb (GtkListView *view, guint position, SlInterviewsPage *self)
{
  g_autoptr (SlInterview) interview =
    g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (interview != NULL)
    sl_interview_open_scorecard (GTK_WIDGET (self), self->store, sl_interview_get_id (interview));
}

static GtkWidget *
list_page (SlInterviewsPage *self, GListModel *model, const char *label, const char *empty_title,
           const char *empty_description, GtkStack **stack_out, GtkNoSelection **selection_out)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (model));
  GtkWidget *view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *empty = adw_status_page_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  /* A row opens its scorecard on one click, like other GNOME lists; Enter opens it too */
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (view, "activate", G_CALLBACK (activate_cb), self);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), empty_title);
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), empty_description);
  gtk_stack_add_named (GTK_STACK (stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (stack), empty, "empty");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "empty");
  *stack_out = GTK_STACK (stack);
  *selection_out = selection;
  return stack;
}

static GMenuModel *
primary_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();

  g_menu_append (section, _ ("_Preferences"), "app.preferences");
  g_menu_append (section, _ ("_Keyboard Shortcuts"), "win.show-help-overlay");
  g_menu_append (section, _ ("_Help"), "app.help");
  g_menu_append (section, _ ("_About Shortlist"), "app.about");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  return G_MENU_MODEL (menu);
}

static void
build (SlInterviewsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  g_autoptr (GMenuModel) menu = primary_menu ();
  GtkWidget *lists_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *who = adw_status_page_new ();
  GtkWidget *preferences = gtk_button_new_with_mnemonic (_ ("Open _Preferences"));
  GtkWidget *spinner = gtk_spinner_new ();

  self->switcher_title = ADW_VIEW_SWITCHER_TITLE (adw_view_switcher_title_new ());
  adw_view_switcher_title_set_title (self->switcher_title, _ ("Interviews"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->switcher_title));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_tooltip_text (menu_button, _ ("Main Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Main menu"), -1);
  gtk_widget_set_tooltip_text (refresh, _ ("Refresh"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (refresh), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Refresh"), -1);
  g_signal_connect_swapped (refresh, "clicked", G_CALLBACK (sl_interviews_page_reload), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), refresh);
  gtk_box_append (GTK_BOX (box), header);

  self->awaiting = G_LIST_MODEL (g_list_store_new (SL_TYPE_INTERVIEW));
  self->upcoming = G_LIST_MODEL (g_list_store_new (SL_TYPE_INTERVIEW));
  self->lists = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->lists), TRUE);
  self->awaiting_page = adw_view_stack_add_titled (
    self->lists,
    list_page (self, self->awaiting, _ ("Awaiting your feedback"), _ ("No Scorecards Owed"),
               _ ("Interviews you held appear here until your scorecard is submitted."),
               &self->awaiting_stack, &self->awaiting_selection),
    "awaiting", _ ("Awaiting Feedback"));
  adw_view_stack_page_set_icon_name (self->awaiting_page, "document-edit-symbolic");
  self->upcoming_page = adw_view_stack_add_titled (
    self->lists,
    list_page (self, self->upcoming, _ ("Upcoming interviews"), _ ("No Upcoming Interviews"),
               _ ("Interviews you are scheduled to hold appear here."), &self->upcoming_stack,
               &self->upcoming_selection),
    "upcoming", _ ("Upcoming"));
  adw_view_stack_page_set_icon_name (self->upcoming_page, "x-office-calendar-symbolic");
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->lists);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (lists_box), switcher);
  gtk_box_append (GTK_BOX (lists_box), GTK_WIDGET (self->lists));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (who), "avatar-default-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (who), _ ("Who Are You?"));
  adw_status_page_set_description (
    ADW_STATUS_PAGE (who), _ ("Choose yourself in Preferences to see the interviews you hold."));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (preferences), "app.preferences");
  gtk_widget_set_halign (preferences, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (preferences, "pill");
  gtk_accessible_update_property (GTK_ACCESSIBLE (preferences), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Open Preferences"), -1);
  adw_status_page_set_child (ADW_STATUS_PAGE (who), preferences);

  sl_spinner_spin_while_mapped (spinner);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Loading"), -1);

  self->content = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->content), TRUE);
  gtk_stack_add_named (self->content, spinner, "loading");
  gtk_stack_add_named (self->content, lists_box, "lists");
  gtk_stack_add_named (self->content, who, "who");
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _ ("Could Not Read the Interviews"));
  gtk_stack_add_named (self->content, GTK_WIDGET (self->error_page), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->content));
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

static void
sl_interviews_page_dispose (GObject *object)
{
  SlInterviewsPage *self = SL_INTERVIEWS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->switcher_title = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->awaiting);
  g_clear_object (&self->upcoming);
  G_OBJECT_CLASS (sl_interviews_page_parent_class)->dispose (object);
}

static void
sl_interviews_page_class_init (SlInterviewsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sl_interviews_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sl_interviews_page_init (SlInterviewsPage *self)
{
  build (self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}
