/* sl-store-private.h — helpers shared by the files of the store */
#pragma once

#include <sqlite3.h>

#include "sl-store.h"

G_BEGIN_DECLS

const char *sl_store_column_text (sqlite3_stmt *stmt, int column);
gboolean sl_store_invalid (GError **error, const char *message);
gboolean sl_store_valid_email (const char *email);

G_END_DECLS
