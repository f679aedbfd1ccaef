/* sl-candidate-csv.c — candidates as CSV rows with the same columns as their JSON
 *
 * The row is made from the candidate's JSON object, so the two formats cannot drift apart: the
 * header is the JSON member names, null is an empty field and a list is joined with "; ".
 */
#include "config.h"

#include "sl-candidate-csv.h"
#include "sl-candidate-json.h"
#include "sl-csv.h"

void
sl_candidate_csv_append_header (GString *out)
{
  sl_csv_append_row (out, sl_candidate_json_fields (), -1);
}

static char *
value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return sl_candidate_json_join (json_node_get_array (node));
  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (
          g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    default:
      return g_strdup ("");
    }
}

void
sl_candidate_csv_append (GString *out, SlCandidate *candidate)
{
  const char *const *columns = sl_candidate_json_fields ();
  guint n_columns = g_strv_length ((char **) columns);
  g_autoptr (JsonObject) object = sl_candidate_to_json_object (candidate, NULL);
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (values, value_text (json_object_get_member (object, columns[i])));
  sl_csv_append_row (out, (const char *const *) values->pdata, n_columns);
}
