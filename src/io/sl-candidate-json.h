/* sl-candidate-json.h — a candidate and its applications as JSON, for export and the CLI */
#pragma once

#include <json-glib/json-glib.h>

#include "sl-application.h"
#include "sl-candidate.h"

G_BEGIN_DECLS

const char *const *sl_candidate_json_fields (void);
char *sl_candidate_json_join (JsonArray *array);
JsonObject *sl_candidate_to_json_object (SlCandidate *candidate, GListModel *applications);
JsonNode *sl_candidate_to_json (SlCandidate *candidate, GListModel *applications);
JsonObject *sl_application_to_json_object (SlApplication *application);

G_END_DECLS
