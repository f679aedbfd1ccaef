/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-kit.h — interview kits: the attributes, grouped in categories, a scorecard rates */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SL_TYPE_KIT_ITEM (sl_kit_item_get_type ())
G_DECLARE_FINAL_TYPE (SlKitItem, sl_kit_item, SL, KIT_ITEM, GObject)

/* One attribute of a kit with its category. A name of NULL means a built-in attribute or
 * category, whose label is translated from its id each time it is shown. */
SlKitItem *sl_kit_item_new (const char *category_id, const char *category_name,
                            const char *attribute_id, const char *attribute_name);
const char *sl_kit_item_get_category_id (SlKitItem *self);
const char *sl_kit_item_get_category_name (SlKitItem *self);
const char *sl_kit_item_get_attribute_id (SlKitItem *self);
const char *sl_kit_item_get_attribute_name (SlKitItem *self);
const char *sl_kit_item_get_category_label (SlKitItem *self);
const char *sl_kit_item_get_attribute_label (SlKitItem *self);

GListModel *sl_kit_default (const char *interview_kind);
const char *sl_kit_category_label (const char *category_id, const char *name);
const char *sl_kit_attribute_label (const char *attribute_id, const char *name);
gboolean sl_kit_validate (GListModel *items, GError **error);

G_END_DECLS
