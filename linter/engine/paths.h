// What a path's name says, for the engine and discovery (internal to linter/engine/).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace loclint {

inline std::string to_forward(std::string s) {
  std::replace(s.begin(), s.end(), '\\', '/');
  return s;
}

inline bool is_yaml(std::string_view p) {
  return p.ends_with(".yml") || p.ends_with(".yaml") || p.ends_with(".YML") || p.ends_with(".YAML");
}

inline bool is_markdown(std::string_view p) {
  return p.ends_with(".md") || p.ends_with(".MD") || p.ends_with(".markdown");
}

}  // namespace loclint
