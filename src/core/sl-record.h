/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-record.h — what an edited object held when it was read, to save only what changed */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* At most 64 saved properties per object: a save's changes are a bit per property */
#define SL_RECORD_MAX_FIELDS 64

void sl_record_mark_saved (GObject *object, const char *const *properties, gint64 version);
gboolean sl_record_is_read (GObject *object);
gint64 sl_record_get_version (GObject *object);
void sl_record_set_version (GObject *object, gint64 version);
guint64 sl_record_get_unsaved (GObject *object);
guint64 sl_record_rebase (GObject *object, GObject *current, gint64 version);

G_END_DECLS
