#include <fmt/format.h>

#include <algorithm>

#include "loclint/code_comments.h"
#include "loclint/diff.h"
#include "pair.h"

namespace loclint::checks::pair {

const Rule kCodeBlockMismatch{
    .id = "pair/code-block-mismatch",
    .severity = Severity::Error,
    .summary = "a fenced code block whose code differs from the source beyond its comments",
    .checks = "Each fenced code block of the translation is compared line by line with its aligned code block of "
              "the source. Only comments may differ; their syntax is read from the fence's language: `#` in "
              "PowerShell and shells, `//` and `/* */` in C#, JavaScript and AL, `--` in SQL, `<!-- -->` in XML; "
              "JSON has none. When the source may be another version than the one translated, only lines the "
              "translation altered are reported, not lines added or removed.",
    .why = "Code is copied, never translated: a translated string or parameter, a changed value or a lost space "
           "breaks what readers copy. Copy the line from the source.",
    .fires = {.text = "# Installer\n\nExécutez [l'outil](tool.md).\n\n```bash\n# d'abord mettre à jour\n"
                      "sudo apt-get installer -y tool\n```\n",
              .files = {{"en-us/example.md", "# Install\n\nRun [the tool](tool.md).\n\n```bash\n# update first\n"
                                             "sudo apt-get install -y tool\n```\n"},
                        {"tool.md", "# Outil\n"}},
              .args = "--source-root en-us"},
    .passes = {.text = "# Installer\n\nExécutez [l'outil](tool.md).\n\n```bash\n# d'abord mettre à jour\n"
                       "sudo apt-get install -y tool\n```\n",
               .files = {{"en-us/example.md", "# Install\n\nRun [the tool](tool.md).\n\n```bash\n# update first\n"
                                              "sudo apt-get install -y tool\n```\n"},
                         {"tool.md", "# Outil\n"}},
               .args = "--source-root en-us"},
};

namespace {

// Words and single punctuation marks: what two versions of one line share.
std::vector<std::string> pieces(std::string_view line) {
  std::vector<std::string> out;
  for (size_t i = 0; i < line.size();) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    size_t j = i;
    auto word = [](unsigned char x) { return x >= 0x80 || std::isalnum(x) || x == '_'; };
    if (word(c))
      while (j < line.size() && word(static_cast<unsigned char>(line[j]))) ++j;
    else
      ++j;
    out.emplace_back(line.substr(i, j - i));
    i = j;
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Two versions of one line of code: most of their words and marks are the same (Dice >= 0.5).
bool same_line_altered(std::string_view a, std::string_view b) {
  const auto pa = pieces(a), pb = pieces(b);
  if (pa.empty() || pb.empty()) return false;
  std::vector<std::string> common;
  std::set_intersection(pa.begin(), pa.end(), pb.begin(), pb.end(), std::back_inserter(common));
  return 2 * common.size() >= (pa.size() + pb.size()) / 2 + (pa.size() + pb.size()) % 2;
}

// The differing runs of two sequences of code lines (a = translation, b = source).
std::vector<ChangedRun> diff(const std::vector<CodeLine>& t, const std::vector<CodeLine>& s) {
  std::vector<std::string_view> a, b;
  a.reserve(t.size());
  b.reserve(s.size());
  for (const CodeLine& l : t) a.push_back(l.code);
  for (const CodeLine& l : s) b.push_back(l.code);
  return changed_runs(edit_script(a, b));
}

}  // namespace

void check_code_block_mismatch(const Document& doc, const Env& env, Reporter& out) {
  const Pair* p = paired(env);
  if (!p) return;
  const Strictness strict = strictness(*p);
  if (strict == Strictness::None) return;
  const Alignment& a = p->alignment();
  const Document& src = *p->source;
  for (const AlignedBlocks& b : a.blocks) {
    if (b.move != AlignMove::OneToOne) continue;
    const Block& tb = doc.blocks()[b.target[0]];
    const Block& sb = src.blocks()[b.source[0]];
    const CodeBlock* tc = doc.code_block(b.target[0]);
    const CodeBlock* sc = src.code_block(b.source[0]);
    if (!tc || !sc) continue;
    // Indented code is as often text indented by accident (docfx `:::column:::` content) as code.
    if (!tc->fenced || !sc->fenced) continue;
    // The source's language decides what a comment is (a translation may re-case the fence).
    const CommentSyntax syntax = comment_syntax(sc->info.empty() ? tc->info : sc->info);
    const std::vector<CodeLine> t = code_lines(doc.slice(tb.span), syntax);
    const std::vector<CodeLine> s = code_lines(src.slice(sb.span), syntax);
    auto t_span = [&](const CodeLine& l) { return Span{tb.span.begin + l.begin, tb.span.begin + l.end}; };
    auto s_where = [&](const CodeLine& l) { return p->where(sb.span.begin + l.begin); };
    for (const ChangedRun& h : diff(t, s)) {
      const size_t tn = h.a_end - h.a_begin, sn = h.b_end - h.b_begin;
      // Line by line, as far as both sides go: an altered line.
      bool altered = tn == sn;
      for (size_t k = 0; altered && k < tn; ++k) altered = same_line_altered(t[h.a_begin + k].code, s[h.b_begin + k].code);
      if (strict == Strictness::Safe && !altered) continue;  // lines added or removed: maybe the source's edit
      if (tn > 0 && sn > 0) {
        const CodeLine& tl = t[h.a_begin];
        const CodeLine& sl = s[h.b_begin];
        out.report(kCodeBlockMismatch, t_span(tl),
                   fmt::format("code differs from source beyond comments: '{}' in translation, '{}' in source",
                               excerpt(tl.code, 80, kQuoted), excerpt(sl.code, 80, kQuoted)),
                   sl.code, s_where(sl));
      } else if (sn > 0) {
        const CodeLine& sl = s[h.b_begin];
        const uint32_t at = h.a_begin < t.size() ? t_span(t[h.a_begin]).begin : tb.span.end;
        out.report(kCodeBlockMismatch, {at, at},
                   fmt::format("code line of the source is missing from the translation: '{}'",
                               excerpt(sl.code, 80, kQuoted)),
                   sl.code, s_where(sl));
      } else {
        const CodeLine& tl = t[h.a_begin];
        out.report(kCodeBlockMismatch, t_span(tl),
                   fmt::format("code line is not in the source: '{}'", excerpt(tl.code, 80, kQuoted)), {},
                   "code block at " + p->where(sb.span.begin));
      }
    }
  }
}

}  // namespace loclint::checks::pair
