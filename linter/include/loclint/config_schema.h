// The JSON Schema of `.loclint.yaml` (draft-07, which yaml-language-server and Ajv 6 read), made
// from the code: the keys the loader accepts (config_file_keys), every rule id and family from
// the rule registry, each selector's options (Rule::options), the three severities. Editors
// with yaml-language-server validate and complete the file with it; schema/loclint.schema.json
// is this output, committed, and a test fails when it is stale.
#pragma once

#include <string>
#include <vector>

#include "loclint/diagnostic.h"

namespace loclint {

// The schema as two-space indented JSON with a final newline. `rules`: every known rule.
std::string config_schema_json(const std::vector<const Rule*>& rules);

}  // namespace loclint
