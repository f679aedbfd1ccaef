/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-record.c — what an edited object held when it was read, to save only what changed
 *
 * The store marks each object it reads from a row (a candidate, a position) with the values of
 * the properties it saves and the row's version. A save then writes only the properties whose
 * value differs from what was read, and only if the row still has the version read; when
 * another writer got there first, sl_record_rebase() takes their values and keeps this
 * writer's own changes wherever the other writer left that property alone.
 *
 * Properties are compared as values, not as pointers: two string lists with the same strings
 * are the same value.
 */
#include "config.h"

#include "sl-record.h"

typedef struct
{
  const char *const *properties; /* static, NULL-terminated, ≤ SL_RECORD_MAX_FIELDS */
  guint n_properties;
  GValue *values;
  gint64 version;
} Snapshot;

static GQuark
snapshot_quark (void)
{
  return g_quark_from_static_string ("sl-record-snapshot");
}

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  for (guint i = 0; i < snapshot->n_properties; i++)
    g_value_unset (&snapshot->values[i]);
  g_free (snapshot->values);
  g_free (snapshot);
}

static gboolean
values_equal (const GValue *a, const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char *const *x = g_value_get_boxed (a);
      const char *const *y = g_value_get_boxed (b);
      static const char *const none[] = { NULL };

      return g_strv_equal (x ? x : none, y ? y : none);
    }
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a) ? g_value_get_string (a) : "",
                      g_value_get_string (b) ? g_value_get_string (b) : "") == 0;
  if (G_VALUE_HOLDS_DOUBLE (a))
    return g_value_get_double (a) == g_value_get_double (b);
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (G_VALUE_HOLDS_INT (a))
    return g_value_get_int (a) == g_value_get_int (b);
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  g_return_val_if_reached (FALSE);
}

static Snapshot *
snapshot_new (GObject *object, const char *const *properties, gint64 version)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->properties = properties;
  snapshot->n_properties = g_strv_length ((char **) properties);
  g_assert (snapshot->n_properties <= SL_RECORD_MAX_FIELDS);
  snapshot->values = g_new0 (GValue, snapshot->n_properties);
  snapshot->version = version;
  for (guint i = 0; i < snapshot->n_properties; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), properties[i]);

      g_value_init (&snapshot->values[i], pspec->value_type);
      g_object_get_property (object, properties[i], &snapshot->values[i]);
    }
  return snapshot;
}

/* @object's values of @properties, now, as they were read from a row at @version */
void
sl_record_mark_saved (GObject *object, const char *const *properties, gint64 version)
{
  g_object_set_qdata_full (object, snapshot_quark (), snapshot_new (object, properties, version),
                           snapshot_free);
}

/* Whether @object was read from the database (or saved to it) */
gboolean
sl_record_is_read (GObject *object)
{
  return g_object_get_qdata (object, snapshot_quark ()) != NULL;
}

/* The version of the row @object was read from; 0 for a row no one has edited since version 8 */
gint64
sl_record_get_version (GObject *object)
{
  Snapshot *snapshot = g_object_get_qdata (object, snapshot_quark ());

  return snapshot ? snapshot->version : 0;
}

/* The row @object was read from is now at @version, by a write of this object's that changed
 * none of the properties it saves (a position's pipeline or kit) */
void
sl_record_set_version (GObject *object, gint64 version)
{
  Snapshot *snapshot = g_object_get_qdata (object, snapshot_quark ());

  if (snapshot != NULL)
    snapshot->version = version;
}

static gboolean
differs (GObject *object, Snapshot *snapshot, guint i)
{
  g_auto (GValue) now = G_VALUE_INIT;

  g_value_init (&now, G_VALUE_TYPE (&snapshot->values[i]));
  g_object_get_property (object, snapshot->properties[i], &now);
  return !values_equal (&now, &snapshot->values[i]);
}

/* A bit for each saved property (in the order sl_record_mark_saved() was given them) whose value
 * differs from what was read; every bit for an object that was never read */
guint64
sl_record_get_unsaved (GObject *object)
{
  Snapshot *snapshot = g_object_get_qdata (object, snapshot_quark ());
  guint64 unsaved = 0;

  if (snapshot == NULL)
    return G_MAXUINT64;
  for (guint i = 0; i < snapshot->n_properties; i++)
    if (differs (object, snapshot, i))
      unsaved |= G_GUINT64_CONSTANT (1) << i;
  return unsaved;
}

/* Another writer changed the row: @current holds it as it is now, at @version. @object takes
 * its values, except where @object changed a property that the other writer did not; its
 * snapshot becomes @current's. Returns the properties both changed to different values (where
 * the other writer's value was taken). */
guint64
sl_record_rebase (GObject *object, GObject *current, gint64 version)
{
  Snapshot *snapshot = g_object_get_qdata (object, snapshot_quark ());
  guint64 clashes = 0;
  const char *const *properties;

  g_return_val_if_fail (snapshot != NULL, 0);

  properties = snapshot->properties;
  g_object_freeze_notify (object);
  for (guint i = 0; i < snapshot->n_properties; i++)
    {
      g_auto (GValue) theirs = G_VALUE_INIT;
      g_auto (GValue) mine = G_VALUE_INIT;
      gboolean mine_changed, theirs_changed;

      g_value_init (&theirs, G_VALUE_TYPE (&snapshot->values[i]));
      g_value_init (&mine, G_VALUE_TYPE (&snapshot->values[i]));
      g_object_get_property (current, properties[i], &theirs);
      g_object_get_property (object, properties[i], &mine);
      mine_changed = !values_equal (&mine, &snapshot->values[i]);
      theirs_changed = !values_equal (&theirs, &snapshot->values[i]);
      if (mine_changed && !theirs_changed)
        continue;
      if (mine_changed && !values_equal (&mine, &theirs))
        clashes |= G_GUINT64_CONSTANT (1) << i;
      g_object_set_property (object, properties[i], &theirs);
    }
  g_object_thaw_notify (object);
  /* What the row holds now is what later saves compare with */
  g_object_set_qdata_full (object, snapshot_quark (), snapshot_new (current, properties, version),
                           snapshot_free);
  return clashes;
}
