/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-option.h — an id with its label, for pickers and filters */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_TYPE_OPTION (sl_option_get_type ())
G_DECLARE_FINAL_TYPE (SlOption, sl_option, SL, OPTION, GObject)

SlOption *sl_option_new (const char *id, const char *label);
const char *sl_option_get_id (SlOption *self);
const char *sl_option_get_label (SlOption *self);

G_END_DECLS
