// Where a file of a translated tree sits in its source-language tree: the one layout behind
// pairing (a document and its source document, pairing.h), the link checker's fallback (a page,
// image, download or include missing here, looked up in the source tree, checks/link) and the
// metadata rules' source article (its front-matter keys, checks/metadata).
//
// The layout is set by the configuration (`--source-root DIR` or `source-root:`, and
// `pairing.paths` of `.loclint.yaml`):
//   1. the file's path is taken relative to the layout's base: the folder of the `.loclint.yaml`
//      that set the source root or the templates (PairingSettings::base), else the root of the
//      repository the linted document is in (RepoInfo::root: publish config or `.git`), else the
//      working folder; a file outside the base has no place in the source tree;
//   2. without `pairing.paths`, the source file has that same relative path below the source
//      root (docfx: a localized repository and the English repository its publish config checks
//      out beside it as `_repo.en-us`);
//   3. with `pairing.paths`, the first template whose `translation` matches the relative path
//      gives it (`content/{locale}/{path}` -> `content/en/{path}`); no match: no place.
// The files need not exist in either tree. A file whose source path is itself (a source file
// of a repository linted whole) is placed on itself: every caller treats it as a source with no
// source of its own (Pairing does not pair it, the link checker and the metadata rules compare
// it with nothing).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "loclint/config.h"

namespace loclint {

struct SourcePlace {
  std::filesystem::path path;  // absolute, lexically normal
  std::string locale;          // what `{locale}` matched; empty for the same-path layout
};

// Where `translated` (any path, made absolute and normal here) sits in the source tree of
// `config`; nullopt without a source root, outside the base, or when no template matches.
// `repo_root`: the root of the repository of the document being linted (RepoInfo::root; empty
// for none). A link target is placed by its document's repository, not by its own.
std::optional<SourcePlace> source_place(const std::filesystem::path& translated, const Config& config,
                                        const std::filesystem::path& repo_root);

// Matches `path` (relative, forward slashes) against a template of `pairing.paths`; on success
// fills what `{path}` and `{locale}` matched. `{locale}` is a language code of two or three
// letters with optional `-` or `_` subtags (`de`, `pt-br`, `zh_CN`, `zh-Hans`), never a `/`.
bool match_path_template(std::string_view tmpl, std::string_view path, std::string& rest, std::string& locale);
// The template with `{path}` and `{locale}` replaced.
std::string fill_path_template(std::string_view tmpl, std::string_view rest, std::string_view locale);

}  // namespace loclint
