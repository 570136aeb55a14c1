// What the metadata rules share: where the file stands, whether its entries can be trusted, and
// how a key's expected value is named in messages.
#include "metadata.h"

#include "common/options.h"

namespace loclint::checks::metadata {

Scope scope_of(const Document& doc, const Env& env) {
  Scope s;
  s.translated = !doc.segments().empty();
  fs::path path(doc.path());
  auto place = env.workspace.place_of(doc.path());
  const RepoInfo* repo = place->repo.get();
  if (lower_ascii(path.filename().string()) == "toc.md") s.page_name = false;
  // Only folders inside the repository count: a checkout under some ".../includes/" is not one.
  fs::path inside = repo->root.empty() ? path : place->file.lexically_relative(repo->root);
  for (const auto& part : inside.parent_path())
    if (lower_ascii(part.string()) == "includes") s.page_name = false;
  s.in_docset = place->docset != nullptr;
  // Without a publishing configuration nothing says the file is not an article.
  s.article = s.page_name && (s.in_docset || repo->docsets.empty());
  return s;
}

bool trusted(const Document& doc) {
  const FrontMatter& fm = doc.front_matter();
  return fm.present && !fm.error && fm.is_mapping && !fm.lost_quote;
}

Span first_line(const Document& doc) {
  const FrontMatter& fm = doc.front_matter();
  const LineIndex& lines = doc.lines();
  if (doc.kind() == DocumentKind::YamlMime) {
    for (uint32_t l = lines.line_of(fm.span.begin); l >= 1; --l) {
      Span s = lines.line_span(l);
      if (doc.slice(s).substr(0, 9) == "metadata:") return {s.begin, s.begin + 8};
    }
    return {fm.span.begin, fm.span.begin};
  }
  Span s = lines.line_span(lines.line_of(fm.span.begin));
  return {fm.span.begin, std::max(fm.span.begin, s.end)};
}

std::string expected_form(std::string_view key, const Env& env) {
  if (key == "title") return "the article's title";
  if (key == "description") return "a summary of the article";
  if (key == "ms.date" || key == "ms.lasthandoff")
    return "a date as " + text_option(env.config, kInvalidDate, "format");
  if (key == "ms.topic") return "a topic type such as how-to";
  if (key == "author") return "the author's GitHub account";
  if (key == "ms.author") return "the author's Microsoft alias";
  if (key == "ms.contentlocale") return "a locale such as fr-FR";
  if (key == "ms.translationtype") return "MT or HT";
  if (key == "ms.locfileid") return "a string of digits";
  if (key == "ms.openlocfilehash" || key == "ms.sourcegitcommit") return "40 lowercase hex digits";
  return "a value";
}

bool empty_value(const FrontMatterEntry& e) { return e.is_null || (e.is_scalar && is_blank(e.value)); }

}  // namespace loclint::checks::metadata
