/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-interviews-page.h — My Interviews: what the current member holds next, and owes feedback on */
#pragma once

#include <adwaita.h>

#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_INTERVIEWS_PAGE (sl_interviews_page_get_type ())
G_DECLARE_FINAL_TYPE (SlInterviewsPage, sl_interviews_page, SL, INTERVIEWS_PAGE, GtkWidget)

void sl_interviews_page_set_store (SlInterviewsPage *self, SlStore *store);
void sl_interviews_page_reload (SlInterviewsPage *self);
void sl_interviews_page_focus (SlInterviewsPage *self);
gboolean sl_interviews_page_is_busy (SlInterviewsPage *self);
GListModel *sl_interviews_page_get_awaiting (SlInterviewsPage *self);
GListModel *sl_interviews_page_get_upcoming (SlInterviewsPage *self);

G_END_DECLS
