#include "loclint/config_file.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "loclint/read_file.h"
#include "loclint/workspace.h"

namespace loclint {

namespace fs = std::filesystem;

const std::vector<std::string_view>& config_file_keys() {
  static const std::vector<std::string_view> keys = {"enable", "disable", "severity", "options", "locale",
                                                     "source-root", "pairing", "include", "exclude", "inherited"};
  return keys;
}

namespace {

class Loader {
 public:
  Loader(const fs::path& file, const std::vector<const Rule*>& rules) : file_(file), rules_(rules) {}

  [[noreturn]] void fail(const YAML::Mark& m, const std::string& message) const {
    if (m.line < 0) throw ConfigError(fmt::format("{}: {}", file_.string(), message));
    throw ConfigError(fmt::format("{}:{}:{}: {}", file_.string(), m.line + 1, m.column + 1, message));
  }

  bool known_selector(std::string_view s) const {
    if (s == "all") return true;
    return std::any_of(rules_.begin(), rules_.end(), [&](const Rule* r) { return r->id == s || r->family() == s; });
  }

  std::string selector(const YAML::Node& n, std::string_view key) const {
    if (!n.IsScalar()) fail(n.Mark(), fmt::format("'{}': expected a rule id or family name", key));
    std::string s = n.Scalar();
    if (!known_selector(s)) fail(n.Mark(), fmt::format("'{}': unknown rule or family '{}' (see loclint --list-rules)", key, s));
    return s;
  }

  std::string scalar(const YAML::Node& n, std::string_view key) const {
    if (!n.IsScalar() || n.Scalar().empty()) fail(n.Mark(), fmt::format("'{}': expected a non-empty string", key));
    return n.Scalar();
  }

  // A scalar or a sequence of scalars.
  std::vector<std::string> list(const YAML::Node& n, std::string_view key) const {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(n.Scalar());
    } else if (n.IsSequence()) {
      for (const YAML::Node& item : n) {
        if (!item.IsScalar()) fail(item.Mark(), fmt::format("'{}': expected a list of strings", key));
        out.push_back(item.Scalar());
      }
    } else if (!n.IsNull()) {
      fail(n.Mark(), fmt::format("'{}': expected a string or a list of strings", key));
    }
    return out;
  }

  const YAML::Node& mapping(const YAML::Node& n, std::string_view key) const {
    if (!n.IsMap()) fail(n.Mark(), fmt::format("'{}': expected a mapping", key));
    return n;
  }

  // Option names the rules of a selector read.
  std::set<std::string> option_names(std::string_view sel) const {
    std::set<std::string> out;
    for (const Rule* r : rules_)
      if (sel == "all" || r->id == sel || r->family() == sel)
        for (const RuleOption& o : r->options) out.emplace(o.name);
    return out;
  }

  // A path template of `pairing.paths`: `{path}` once, `{locale}` at most once, nothing else in braces.
  std::string path_template(const YAML::Node& n, std::string_view key) const {
    std::string t = scalar(n, key);
    size_t paths = 0, locales = 0;
    for (size_t i = t.find('{'); i != std::string::npos; i = t.find('{', i + 1)) {
      size_t close = t.find('}', i);
      std::string name = close == std::string::npos ? t.substr(i) : t.substr(i, close - i + 1);
      if (name == "{path}") ++paths;
      else if (name == "{locale}") ++locales;
      else fail(n.Mark(), fmt::format("'{}': unknown placeholder '{}' (known: {{locale}}, {{path}})", key, name));
    }
    if (paths != 1) fail(n.Mark(), fmt::format("'{}': '{}' must contain {{path}} exactly once", key, t));
    if (locales > 1) fail(n.Mark(), fmt::format("'{}': '{}' contains {{locale}} more than once", key, t));
    if (t.front() == '/' || t.find('\\') != std::string::npos)
      fail(n.Mark(), fmt::format("'{}': '{}' must be a relative path with forward slashes", key, t));
    return t;
  }

  //   pairing:
  //     paths: [{translation: "content/{locale}/{path}", source: "content/en/{path}"}]
  //     source-commit-key: [ms.sourcegitcommit, l10n.sourceCommit]
  //     source-version: auto | translated | unknown
  void pairing(const YAML::Node& v, PairingSettings& out) const {
    for (const auto& e : mapping(v, "pairing")) {
      std::string name = e.first.IsScalar() ? e.first.Scalar() : "";
      if (name == "paths") {
        if (!e.second.IsSequence()) fail(e.second.Mark(), "'pairing.paths': expected a list of {translation, source} mappings");
        for (const YAML::Node& item : e.second) {
          if (!item.IsMap()) fail(item.Mark(), "'pairing.paths': expected a mapping with 'translation' and 'source'");
          PathTemplate t;
          bool has_translation = false, has_source = false;
          for (const auto& f : item) {
            std::string field = f.first.IsScalar() ? f.first.Scalar() : "";
            if (field == "translation") {
              t.translation = path_template(f.second, "pairing.paths.translation");
              has_translation = true;
            } else if (field == "source") {
              t.source = path_template(f.second, "pairing.paths.source");
              has_source = true;
            } else {
              fail(f.first.Mark(), fmt::format("'pairing.paths': unknown key '{}' (known keys: translation, source)", field));
            }
          }
          if (!has_translation || !has_source)
            fail(item.Mark(), fmt::format("'pairing.paths': missing '{}'", has_translation ? "source" : "translation"));
          if (t.source.find("{locale}") != std::string::npos)
            fail(item.Mark(), "'pairing.paths.source': the source has one locale; {locale} belongs to 'translation'");
          out.paths.push_back(std::move(t));
        }
      } else if (name == "source-commit-key") {
        out.source_commit_keys = list(e.second, "pairing.source-commit-key");
        for (const std::string& k : out.source_commit_keys)
          if (k.empty()) fail(e.second.Mark(), "'pairing.source-commit-key': expected non-empty key names");
      } else if (name == "source-version") {
        const std::string v = e.second.IsScalar() ? e.second.Scalar() : "";
        if (v == "auto") out.source_version = PairingSettings::SourceVersion::Auto;
        else if (v == "translated") out.source_version = PairingSettings::SourceVersion::Translated;
        else if (v == "unknown") out.source_version = PairingSettings::SourceVersion::Unknown;
        else fail(e.second.Mark(), "'pairing.source-version': expected auto, translated or unknown");
      } else {
        fail(e.first.Mark(),
             fmt::format("'pairing': unknown key '{}' (known keys: paths, source-commit-key, source-version)", name));
      }
    }
  }

  Config load() {
    // A regular file only: its relative paths are resolved against its folder, and a FIFO has none.
    std::string error;
    std::optional<std::string> text = read_whole_file(file_.string(), kMaxConfigFileSize, /*regular_only=*/true, error);
    if (!text) throw ConfigError(fmt::format("{}: cannot read configuration file: {}", file_.string(), error));
    YAML::Node root;
    try {
      root = YAML::Load(*text);
    } catch (const YAML::Exception& e) {
      fail(e.mark, "invalid YAML: " + e.msg);
    }
    Config c;
    c.file = file_;
    if (root.IsNull()) return c;  // an empty file: the defaults
    if (!root.IsMap()) fail(root.Mark(), "expected a mapping of settings (enable, disable, severity, options, ...)");
    const fs::path dir = absolute_normal(file_).parent_path();
    std::vector<std::pair<std::string, bool>> families, ids;
    for (const auto& kv : root) {
      const YAML::Node& k = kv.first;
      const YAML::Node& v = kv.second;
      std::string key = k.IsScalar() ? k.Scalar() : "";
      const auto& keys = config_file_keys();
      if (std::find(keys.begin(), keys.end(), key) == keys.end())
        fail(k.Mark(), fmt::format("unknown key '{}' (known keys: {})", key, fmt::join(keys, ", ")));
      try {
        if (key == "enable" || key == "disable") {
          YAML::Node items = v;
          if (v.IsScalar()) {
            selector(v, key);
          } else if (!v.IsSequence() && !v.IsNull()) {
            fail(v.Mark(), fmt::format("'{}': expected a list of rule ids or family names", key));
          }
          std::vector<YAML::Node> nodes;
          if (v.IsScalar()) nodes.push_back(v);
          else if (v.IsSequence())
            for (const YAML::Node& n : v) nodes.push_back(n);
          for (const YAML::Node& n : nodes) {
            std::string s = selector(n, key);
            bool is_rule = s.find('/') != std::string::npos;
            (is_rule ? ids : families).emplace_back(s, key == "enable");
          }
        } else if (key == "severity") {
          for (const auto& e : mapping(v, key)) {
            std::string s = selector(e.first, key);
            auto sev = e.second.IsScalar() ? parse_severity(e.second.Scalar()) : std::nullopt;
            if (!sev) fail(e.second.Mark(), fmt::format("'severity' of '{}': expected error, warning or note", s));
            c.severity[s] = *sev;
          }
        } else if (key == "options") {
          for (const auto& e : mapping(v, key)) {
            std::string s = selector(e.first, key);
            std::set<std::string> known = option_names(s);
            for (const auto& o : mapping(e.second, "options." + s)) {
              std::string name = o.first.IsScalar() ? o.first.Scalar() : "";
              if (!known.count(name)) {
                std::string list;
                for (const std::string& n : known) list += (list.empty() ? "" : ", ") + n;
                fail(o.first.Mark(), fmt::format("'options' of '{}': unknown option '{}' ({})", s, name,
                                                 list.empty() ? "it has no options" : "known: " + list));
              }
              c.options[s + "." + name] = list(o.second, "options." + s + "." + name);
            }
          }
        } else if (key == "locale") {
          c.locale = scalar(v, key);
        } else if (key == "source-root") {
          c.source_root = (dir / scalar(v, key)).lexically_normal();
          c.pairing.base = dir;
        } else if (key == "pairing") {
          pairing(v, c.pairing);
          c.pairing.base = dir;
        } else if (key == "inherited") {
          auto level = v.IsScalar() ? parse_inherited(v.Scalar()) : std::nullopt;
          if (!level) fail(v.Mark(), "'inherited': expected off, note, warning or error");
          c.inherited = *level;
        } else if (key == "include") {
          c.file_include = list(v, key);
        } else if (key == "exclude") {
          c.file_exclude = list(v, key);
        }
      } catch (const YAML::Exception& e) {
        fail(e.mark, fmt::format("'{}': {}", key, e.msg));
      }
    }
    // General before specific: `disable: [segment]` with `enable: [segment/x]` keeps x on.
    std::stable_sort(families.begin(), families.end(), [](const auto& a, const auto& b) {
      return (a.first == "all") > (b.first == "all");
    });
    for (auto* group : {&families, &ids}) {
      for (const auto& e : *group)
        if (e.second) c.enable.push_back(e);
      for (const auto& e : *group)
        if (!e.second) c.enable.push_back(e);
    }
    return c;
  }

 private:
  fs::path file_;
  const std::vector<const Rule*>& rules_;
};

}  // namespace

Config load_config_file(const fs::path& file, const std::vector<const Rule*>& rules) {
  return Loader(file, rules).load();
}

Config merge_configs(const Config& f, const Config& cli) {
  Config c = f;
  for (const auto& e : cli.enable) c.enable.push_back(e);
  for (const auto& [k, v] : cli.severity) c.severity[k] = v;
  for (const auto& [k, v] : cli.options) c.options[k] = v;
  if (cli.locale) c.locale = cli.locale;
  if (cli.source_root) c.source_root = cli.source_root;
  // `auto` is the default: only a version the command line names overrides the file's.
  if (cli.pairing.source_version != PairingSettings::SourceVersion::Auto)
    c.pairing.source_version = cli.pairing.source_version;
  if (cli.inherited) c.inherited = cli.inherited;
  c.include = cli.include;
  c.exclude = cli.exclude;
  c.fail_on = cli.fail_on;
  return c;
}

ConfigResolver::ConfigResolver(Config cli, fs::path explicit_file, std::vector<const Rule*> rules)
    : cli_(std::move(cli)), rules_(std::move(rules)) {
  if (!explicit_file.empty()) fixed_ = std::make_shared<const Config>(merge_configs(load_config_file(explicit_file, rules_), cli_));
}

fs::path ConfigResolver::find_config(const fs::path& dir) {
  std::error_code ec;
  for (fs::path d = dir;; d = d.parent_path()) {
    fs::path candidate = d / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (d == d.parent_path() || d.empty()) return {};
  }
}

std::shared_ptr<const Config> ConfigResolver::for_config_file(const fs::path& file) {
  // Caller holds mutex_.
  std::string key = file.string();
  if (auto it = by_file_.find(key); it != by_file_.end()) return it->second;
  // Messages name the file as the user would: relative to the working folder when inside it.
  fs::path shown = file;
  if (!file.empty()) {
    fs::path rel = file.lexically_relative(absolute_normal("."));
    if (!rel.empty() && *rel.begin() != "..") shown = rel;
  }
  auto c = std::make_shared<const Config>(
      file.empty() ? merge_configs(Config{}, cli_) : merge_configs(load_config_file(shown, rules_), cli_));
  by_file_[key] = c;
  return c;
}

std::shared_ptr<const Config> ConfigResolver::for_path(const fs::path& document) {
  if (fixed_) return fixed_;
  fs::path dir = absolute_normal(document).parent_path();
  std::lock_guard lock(mutex_);
  if (auto it = by_dir_.find(dir.string()); it != by_dir_.end()) return it->second;
  auto c = for_config_file(find_config(dir));
  by_dir_[dir.string()] = c;
  return c;
}

}  // namespace loclint
