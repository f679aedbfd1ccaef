/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-zones.h — the system's time zones, found by place or country in the user's language */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SlZones SlZones;

SlZones *sl_zones_new (void);
SlZones *sl_zones_new_from_table (const char *path);
void sl_zones_free (SlZones *self);
guint sl_zones_get_n_zones (SlZones *self);
const char *sl_zones_get_country (SlZones *self, const char *identifier);
GPtrArray *sl_zones_search (SlZones *self, const char *text, const char *country);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlZones, sl_zones_free)

G_END_DECLS
