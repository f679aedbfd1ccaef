/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-keyring.c — team databases' passwords in the desktop's keyring
 *
 * A password typed in Connect to Team Database… is kept, if the user asks, in the keyring of
 * their session (libsecret: GNOME Keyring, KWallet, or the Secret portal in a Flatpak),
 * under the database's address, which has no password in it. Never in GSettings or a file
 * of Shortlist's. Reads are synchronous: one is made when a window opens a team database,
 * before there is a window to keep responsive.
 */
#include "config.h"

#include <libsecret/secret.h>

#include "sl-keyring.h"

static const SecretSchema *
schema (void)
{
  static const SecretSchema team_database = {
    BASE_ID ".TeamDatabase",
    SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
  };

  return &team_database;
}

/* The password kept for @uri, or NULL (none kept, or no keyring) */
char *
sl_keyring_lookup (const char *uri)
{
  g_autoptr (GError) error = NULL;
  char *secret = secret_password_lookup_sync (schema (), NULL, &error, "address", uri, NULL);
  char *password;

  if (error != NULL)
    g_debug ("No password from the keyring for %s: %s", uri, error->message);
  if (secret == NULL)
    return NULL;
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

static void
stored_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_warning ("The password could not be kept in the keyring: %s", error->message);
}

/* Keeps @password for @uri, under @label (what the keyring's own window lists) */
void
sl_keyring_store (const char *uri, const char *password, const char *label)
{
  secret_password_store (schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL, stored_cb,
                         NULL, "address", uri, NULL);
}

static void
forgotten_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_debug ("The keyring did not forget a password: %s", error->message);
}

/* Forgets @uri's password: it was refused */
void
sl_keyring_forget (const char *uri)
{
  secret_password_clear (schema (), NULL, forgotten_cb, NULL, "address", uri, NULL);
}
