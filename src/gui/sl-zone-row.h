/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-zone-row.h — a time zone field: shown as a place and its offset, picked by city or country */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SL_TYPE_ZONE_ROW (sl_zone_row_get_type ())
G_DECLARE_FINAL_TYPE (SlZoneRow, sl_zone_row, SL, ZONE_ROW, AdwActionRow)

const char *sl_zone_row_get_zone (SlZoneRow *self);
void sl_zone_row_set_zone (SlZoneRow *self, const char *zone);
void sl_zone_row_set_country (SlZoneRow *self, const char *country);
void sl_zone_row_popup (SlZoneRow *self);

G_END_DECLS
