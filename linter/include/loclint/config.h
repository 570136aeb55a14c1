// Settings that steer the engine and the checks: from the command line and `.loclint.yaml`.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "loclint/diagnostic.h"

namespace loclint {

// The lowest severity that makes the run fail (exit code 1), or Never: findings never fail it.
enum class FailOn : uint8_t { Note = 0, Warning = 1, Error = 2, Never = 3 };  // Note..Error as Severity

// "note", "warning", "error" or "never"; nullopt for anything else.
std::optional<FailOn> parse_fail_on(std::string_view s);
// Whether a finding of severity `s` fails the run.
bool fails(FailOn fail_on, Severity s);
// Whether a finding fails the run: as its severity, except that an inherited note never does
// (raise it with `--inherited warning` to gate on it).
bool fails(FailOn fail_on, const Diagnostic& d);

// How findings inherited from the source (Origin::Inherited) are reported: not at all, or at
// this severity (never above the rule's own). `--inherited` and the `inherited:` key.
enum class InheritedLevel : uint8_t { Off, Note, Warning, Error };
// "off", "note", "warning" or "error"; nullopt for anything else.
std::optional<InheritedLevel> parse_inherited(std::string_view s);

// Where the source document of a translated document is (`.loclint.yaml` `pairing:`; see
// pairing.h). A template is a path relative to its root with `{locale}` (a locale such as `de`,
// `pt-br`, `zh_CN`: one path component or part of one) and `{path}` (the rest of the path, slashes
// included): `content/{locale}/{path}` -> `content/en/{path}` (Hugo), `docs/{path}.{locale}.md` ->
// `docs/{path}.md` (MkDocs suffixes).
struct PathTemplate {
  std::string translation;  // relative to `PairingSettings::base`
  std::string source;       // relative to the source root
};

struct PairingSettings {
  // Tried in order; the first whose `translation` matches wins. Empty: the source has the same
  // path relative to the source root as the translation has relative to `base`, else to its
  // repository root (docfx: a localized repository beside its `_repo.en-us` fallback); see
  // source_layout.h.
  std::vector<PathTemplate> paths;
  std::filesystem::path base;  // the folder translated paths are relative to (absolute); empty: unset
  // Front-matter keys (or dotted paths into mappings) that name the source commit a translation
  // was made from, the first present wins.
  std::vector<std::string> source_commit_keys = {"ms.sourcegitcommit", "l10n.sourceCommit"};
  // Which version of its source a translation is compared with (pairing.h, Pair::strictness):
  enum class SourceVersion : uint8_t {
    Auto,        // git decides, from the commit each translation names
    Translated,  // the source tree is the version the translations were made from
    Unknown,     // never assume it is
  } source_version = SourceVersion::Auto;
};

struct Config {
  // Rule selection: entries are rule ids, family names or "all". The most specific selector
  // wins (`--disable metadata --enable metadata/syntax` keeps that one rule); among equals, the last.
  std::vector<std::pair<std::string, bool>> enable;  // (selector, enabled)
  std::map<std::string, Severity> severity;          // rule id or family -> severity
  FailOn fail_on = FailOn::Error;

  std::vector<std::string> include;  // globs; empty: the defaults (*.md, YamlMime *.yml)
  std::vector<std::string> exclude;
  // `include`/`exclude` of a .loclint.yaml: globs relative to the folder of `file`. They apply to
  // every file under that folder, named on the command line or found in a folder (a pre-commit
  // hook names files one by one and must skip the same files as `loclint .`).
  std::vector<std::string> file_include;
  std::vector<std::string> file_exclude;

  // `--shard K/N`: lint only the files whose path (relative to the folder given on the command
  // line) hashes to shard K of N (1-based). Links still resolve against the whole tree.
  unsigned shard_index = 1, shard_count = 1;

  // Options shared by several families.
  std::optional<std::string> locale;              // expected locale of the tree (metadata, code)
  std::optional<std::filesystem::path> source_root;  // source-language tree (links, metadata, pairing)
  // How documents are paired with their source documents under `source_root`.
  PairingSettings pairing;
  std::optional<InheritedLevel> inherited;           // unset: Note

  // Per-rule or per-family options: option name -> list of values (a scalar is a list of one).
  // Keys are "rule-or-family.option", e.g. "metadata/missing-key.required".
  std::map<std::string, std::vector<std::string>> options;

  // Where the config came from, for messages ("" when none).
  std::filesystem::path file;

  // Values of an option for a rule: the rule's own entry, then its family's, else `fallback`.
  std::vector<std::string> option(std::string_view rule_id, std::string_view name,
                                  std::vector<std::string> fallback = {}) const;
  bool enabled(const Rule& rule) const;
  Severity severity_of(const Rule& rule) const;
  // The severity of an inherited finding of `rule`, or nullopt when inherited findings are off.
  std::optional<Severity> inherited_severity_of(const Rule& rule) const;
};

}  // namespace loclint
