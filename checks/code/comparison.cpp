#include "comparison.h"
#include "grammar/chars.h"
#include "grammar/words.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "common/document_locale.h"
#include "common/options.h"

namespace loclint::checks::code {

TargetContext::TargetContext(const Document& target, const Env& e, Reporter& r)
    : doc(target), env(e), out(r), locale(document_locale(target, e).locale) {
  locale_format = number_format(locale.empty() ? "en-us" : locale);
  source_format = number_format("en-us");
  if (const FrontMatterEntry* entry = doc.front_matter().find("no-loc")) {
    for (const std::string& item : entry->items) no_loc.push_back(std::string(trim(item)));
    if (entry->is_scalar && !entry->value.empty()) no_loc.push_back(std::string(trim(entry->value)));
  }
  std::sort(no_loc.begin(), no_loc.end());
  no_loc.erase(std::unique(no_loc.begin(), no_loc.end()), no_loc.end());
  std::erase_if(no_loc, [](const std::string& s) { return s.empty(); });
  localized_locale_ok = bool_option(env.config, kUrl, "allow-localized-locale");
  // A name listed for either rule is left alone by both: commands and names are one comparison.
  ignore = list_option(env.config, kIdentifier, "ignore");
  for (std::string& s : list_option(env.config, kCommand, "ignore")) ignore.push_back(std::move(s));
}

size_t& TargetContext::hint(const Document* d) {
  for (auto& [doc_of, h] : hints_)
    if (doc_of == d) return h;
  for (auto& slot : hints_)
    if (!slot.first) return (slot = {d, 0}).second;
  return (hints_[1] = {d, 0}).second;  // a third document: the hint is only a start
}

PairComparison::PairComparison(TargetContext& ctx, const BlockPair& block_pair) : context(ctx), pair(block_pair) {
  source.half = pair.source;
  target.half = pair.target;
  source.vis = std::move(context.source_buffer);
  target.vis = std::move(context.target_buffer);
  // A side-by-side translation comes first in the file, then its source, then the next pair.
  visible_text(*target.half.doc, target.half.content, target.vis, context.hint(target.half.doc));
  visible_text(*source.half.doc, source.half.content, source.vis, context.hint(source.half.doc));
}

PairComparison::~PairComparison() {
  context.source_buffer = std::move(source.vis);
  context.target_buffer = std::move(target.vis);
}

void PairComparison::run() {
  for (const PairStep& step : pair_steps()) {
    if (step.gate == PairStep::Gate::Sound && broken) continue;
    if (step.gate == PairStep::Gate::WholePair && pair.anchored_only) continue;
    step.compare(*this);
  }
}

void PairComparison::report(const Rule& rule, Span at, std::string message, std::string_view source_text,
                            Span source_span, std::optional<Fix> fix) {
  Diagnostic d = Diagnostic::of(rule, at, std::move(message), std::string(source_text));
  if (pair.source_file)
    d.source_location = pair.source_file->where(source_span.empty() ? source.half.content.begin : source_span.begin);
  d.fix = std::move(fix);
  context.out.report(std::move(d));
  if (!source_span.empty()) claimed_.push_back(source_span);
}

void PairComparison::report_source_slip(const Rule& rule, Span at, std::string message, std::string_view source_text, Span source_span) {
  Diagnostic d = Diagnostic::of(rule, at, std::move(message), std::string(source_text));
  if (pair.source_file)
    d.source_location = pair.source_file->where(source_span.empty() ? source.half.content.begin : source_span.begin);
  d.origin = Origin::Inherited;
  context.out.report(std::move(d));
  if (!source_span.empty()) claimed_.push_back(source_span);
}

std::optional<Fix> PairComparison::restore(Span target_span, Span source_span, std::string_view what) const {
  if (target_span.empty() || source_span.empty() || !target.half.content.contains(target_span)) return std::nullopt;
  const std::string_view t = target.half.doc->slice(target_span), s = source.half.doc->slice(source_span);
  if (t == s || t.find_first_of("\r\n") != std::string_view::npos || s.find_first_of("\r\n") != std::string_view::npos)
    return std::nullopt;
  const FoldOptions all{.nfkc = true, .lower = true, .drop_space = true};
  if (fold(t, all).text != fold(s, all).text) return std::nullopt;
  // The same altered text twice in the translation (`\begin{Cases} ... \end{Cases}`, a parameter
  // named twice): which one this finding is about is not certain, and fixing one leaves the
  // other inconsistent with it.
  const std::string_view half = target.half.text();
  if (const size_t first = half.find(t); half.find(t, first + 1) != std::string_view::npos) return std::nullopt;
  Fix fix;
  fix.title = fmt::format("Write the {} as the source does: '{}'", what, q(s));
  fix.edits.push_back({target_span, std::string(s)});
  return fix;
}

bool PairComparison::source_command_at(size_t at, std::string_view except) {
  if (!source_commands_) {
    source_commands_.emplace();
    for (const Token& t : source_tokens)
      if (t.kind == TokenKind::Command && source_commands_->insert(t.text).second &&
          std::find(source_command_lengths_.begin(), source_command_lengths_.end(), t.text.size()) == source_command_lengths_.end())
        source_command_lengths_.push_back(t.text.size());
  }
  const std::string_view T = target_text();
  for (size_t n : source_command_lengths_)
    if (at + n <= T.size() && T.substr(at, n) != except && source_commands_->count(T.substr(at, n))) return true;
  return false;
}

bool PairComparison::claimed(Span s) const {
  return std::any_of(claimed_.begin(), claimed_.end(), [&](Span c) { return c.begin < s.end && s.begin < c.end; });
}

namespace {

// The folds locate() tries in turn: 0 NFKC, 1 and lowercased, 2 and without white space.
FoldOptions fold_level(int level) { return {.nfkc = true, .lower = level >= 1, .drop_space = level >= 2}; }

}  // namespace

const Folded& PairComparison::folded(int level) {
  if (!folds_[level]) {
    folds_[level] = fold(target_text(), fold_level(level));
  }
  return *folds_[level];
}

namespace {

// `text` with every white space that is not ASCII (U+00A0, U+202F, U+2000-U+200A, U+3000) written
// as a plain space.
std::string plain_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t n = static_cast<uint8_t>(text[i]) >= 0x80 ? space_length(text, i) : 0;
    if (n) {
      out += ' ';
      i += n;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// `text` with every run of ASCII spaces and tabs written as one space: a command typed with two
// spaces between its words (`SQLEXPR_x64.exe  /Q`) is the same command with one.
std::string squeeze_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const bool blank = ch == ' ' || ch == '\t';
    if (blank && !out.empty() && out.back() == ' ') continue;
    out += blank ? ' ' : ch;
  }
  return out;
}

bool is_ascii(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char ch) { return static_cast<uint8_t>(ch) >= 0x80; });
}

}  // namespace

Found PairComparison::locate(std::string_view needle, bool strict, size_t from) {
  Found f;
  size_t pos = find_token(target_text(), needle, from, strict);
  if (pos != std::string_view::npos) return {Match::Exact, pos, pos + needle.size()};
  // A command that a hyphen joins to a noun of the translation's language (German compounds:
  // `/quiet-Schalter`, `ipconfig /all-Befehl`, `Get-Mailbox-Cmdlet`, `-Identity-Parameter`; and
  // suspended hyphens, `die /quiet- und /norestart-Schalter`) is there. Only where the command ends
  // in a word whose end a hyphen cannot continue (a cmdlet, a PowerShell parameter, a Windows
  // option, a variable), and the joined word is a noun (capitalized, or in another script) that is
  // no parameter of the source (`$true-AllowAdHocSubscriptions` is a space lost): `--output-format`,
  // `~/bin-old`, `C:\Temp-Backup`, `-Type Regular-Room` are other commands.
  if (strict) {
    size_t last = needle.size();
    while (last > 0 && !space_length(needle, last - 1)) --last;
    const std::string_view tail = needle.substr(last);
    const bool closed_word = is_cmdlet(tail) || is_powershell_param(tail) || is_windows_option(tail) || is_variable(tail);
    for (size_t at = closed_word ? find_token(target_text(), needle, from, false) : std::string_view::npos;
         at != std::string_view::npos; at = find_token(target_text(), needle, at + 1, false)) {
      const std::string_view T = target_text();
      const size_t e = at + needle.size();
      if (e >= T.size() || T[e] != '-' || (at > 0 && (T[at - 1] == '-' || T[at - 1] == '$'))) continue;
      if (e + 1 == T.size() || space_length(T, e + 1) || is_trailing_punct(T[e + 1])) return {Match::Exact, at, e};
      size_t w = e + 1;
      while (w < T.size() && !space_length(T, w) && !is_trailing_punct(T[w])) ++w;
      const std::string_view suffix = T.substr(e, w - e);  // `-Schalter`
      if (suffix.size() < 2 || find_token(source.vis.text, suffix) != std::string_view::npos) continue;
      size_t k = e + 1;
      const char32_t head = utf8::next(T, k);
      if (!u_isalpha(static_cast<UChar32>(head)) || (head < 0x80 && !u_isupper(static_cast<UChar32>(head)))) continue;
      return {Match::Exact, at, e};
    }
  }
  const Match kinds[] = {Match::Compat, Match::Case, Match::Broken};
  for (int level = 0; level < 3; ++level) {
    std::string n = fold(needle, fold_level(level)).text;
    if (auto hit = find_folded(target_text(), folded(level), n, strict, from); hit && !target.vis.is_code(hit->first)) {
      std::string_view raw = target_text().substr(hit->first, hit->second - hit->first);
      // A no-break space of the source written as a plain space is the same text (the other way
      // round it is a look-alike: a shell does not split at U+00A0).
      // Nor is a run of spaces written as one.
      if (raw == needle || squeeze_spaces(raw) == squeeze_spaces(is_ascii(needle) ? std::string(needle) : plain_spaces(needle)))
        return {Match::Exact, hit->first, hit->second};
      // Folding found it: say what differs in the simplest terms.
      Match how = kinds[level];
      if (level >= 1 && fold(raw, {true, false, false}).text == fold(needle, {true, false, false}).text)
        how = Match::Compat;
      else if (level == 2 && fold(raw, {true, true, false}).text == fold(needle, {true, true, false}).text)
        how = Match::Case;
      return {how, hit->first, hit->second};
    }
  }
  return f;
}

bool PairComparison::repeats_after() const {
  if (!pair.after_source) return false;
  const std::string_view next = trim(pair.after_source.text());
  return !next.empty() && pair.source.text().find(next) != std::string_view::npos;
}

const std::vector<Token>& PairComparison::target_tokens() {
  if (!target_tokens_) target_tokens_ = tokenize(target_text(), target.vis.has_code ? &target.vis.code : nullptr);
  return *target_tokens_;
}

std::string character_name(char32_t cp) {
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  u_charName(static_cast<UChar32>(cp), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  return fmt::format("U+{:04X}{}{}", static_cast<uint32_t>(cp), U_SUCCESS(status) && name[0] ? " " : "",
                     U_SUCCESS(status) ? name : "");
}

std::string lookalikes(std::string_view translated, std::string_view source) {
  std::vector<char32_t> seen;
  std::string names;
  for (size_t i = 0; i < translated.size();) {
    char32_t cp = utf8::next(translated, i);
    if (cp < 0x80 || std::find(seen.begin(), seen.end(), cp) != seen.end()) continue;
    std::string piece;
    utf8::append(piece, cp);
    if (source.find(piece) != std::string_view::npos) continue;
    seen.push_back(cp);
    if (seen.size() > 3) continue;
    names += (names.empty() ? "" : ", ") + character_name(cp);
  }
  if (seen.size() > 3) names += ", ...";
  return names.empty() ? "look-alike characters" : fmt::format("look-alike characters ({})", names);
}

Item* first_unused(std::vector<Item>& items) {
  for (Item& x : items)
    if (!x.used) return &x;
  return nullptr;
}

void match_equal(std::vector<Item>& s, std::vector<Item>& t) {
  for (Item& a : s)
    for (Item& b : t)
      if (!b.used && !a.used && a.key == b.key) a.used = b.used = true;
}

}  // namespace loclint::checks::code
