/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-schema.h — the versioned schema migrations */
#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

gboolean sl_schema_migrate (SlDatabase *db, int to_version, GError **error);
gboolean sl_schema_index_candidates (SlDatabase *db, gint64 after_id, GError **error);
gboolean sl_schema_index_applications (SlDatabase *db, gint64 after_candidate, GError **error);

G_END_DECLS
