// The document model as JSON (`loclint --dump FILE`): what loclint sees in a file.
#pragma once
#include <string>

#include "loclint/document.h"

namespace loclint {
std::string dump_json(const Document& doc);
}
