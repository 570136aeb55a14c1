// checks/code: what translation must not change. Each side-by-side segment carries its English
// source next to the translation, so the two halves are compared directly: code spans, commands,
// identifiers, URLs, placeholders, HTML tags, Markdown syntax, numbers and no-loc terms.
//
// One defect, one diagnostic: a segment is compared in a fixed order (broken Markdown first,
// then code spans, tags, URLs, no-loc terms, commands and names, placeholders, numbers) and a
// source range that has been reported is not reported again by a later comparison.
#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "code_text.h"
#include "registry.h"

namespace loclint::checks {

namespace {

using namespace code;

const Rule kInlineCode{
    "code/inline-code-mismatch", Severity::Error,
    "a backtick code span of the source is missing, added or altered in the translation",
    "Text between backticks is code: a command, a value, a file name that the reader types or "
    "copies exactly as written. It is never translated. The translation must contain the same code "
    "spans as the English source (their order may change with the sentence); this one was dropped, "
    "added, altered, re-cased, or lost its backticks. Copy the code span from the source unchanged.",
    "<span data-ttu-id=\"1\">Exécutez `Obtenir-Module`.</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">Run `Get-Module`.</span></span>"};

const Rule kCommand{
    "code/command-mismatch", Severity::Error,
    "a command of the source (cmdlet and parameters, CLI options, variables, paths) differs in the translation",
    "Commands written outside backticks, such as a PowerShell cmdlet with its parameters "
    "(`Set-MsolCompanySettings -AllowEmailVerifiedUsers $true`), a command-line option (`--tenant`), "
    "a `$variable`, a file path or a registry key, must be copied verbatim, including the spaces "
    "between its parts: a reader who copies `Set-MsolCompanySettings-AllowEmailVerifiedUsers` gets a "
    "command that fails. Copy the command from the source exactly, character for character.",
    "<span data-ttu-id=\"1\">**Set-MsolCompanySettings-AllowEmailVerifiedUsers $true**</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">**Set-MsolCompanySettings -AllowEmailVerifiedUsers $true**</span></span>",
    {"ignore"}};

const Rule kIdentifier{
    "code/identifier-mismatch", Severity::Error,
    "a technical name of the source (field, API, cmdlet, file or dotted name) is translated, transliterated or re-cased",
    "Names such as `BillingPreTaxTotal`, `MpnId`, `exchangeRateDate`, `Az.Accounts`, `README.md` or "
    "a cmdlet name are what the product, the API or the file really calls them; a reader searches "
    "for them or types them. Translating (`NomService` for `ServiceName`), transliterating "
    "(Cyrillic for `BillingPreTaxTotal`), splitting (`AZ. Marketplace`) or re-casing them "
    "(`skuName` for `SkuName`) makes the text wrong. Keep the name exactly as in the source; a name "
    "you are told to translate on purpose can be listed in the `ignore` option.",
    "<span data-ttu-id=\"1\">Le champ NomService</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">The ServiceName field</span></span>",
    {"ignore"}};

const Rule kUrl{
    "code/url-mismatch", Severity::Error,
    "a URL or link destination of the source is missing or altered in the translation",
    "Link destinations and URLs written in the text are not translated: the translation must "
    "point where the source points. Only the link text is prose. A locale segment changed on "
    "purpose (`/en-us/` in the source, `/fr-fr/` in a French file) is accepted unless the "
    "`allow-localized-locale` option is `false`. Copy the destination from the source.",
    "<span data-ttu-id=\"1\">Voir [la page](/partner-centre/page)</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">See [the page](/partner-center/page)</span></span>",
    {"allow-localized-locale"}};

const Rule kPlaceholder{
    "code/placeholder-mismatch", Severity::Error,
    "a placeholder of the source ({0}, {name}, %s, $(var), <name>) differs in the translation",
    "Placeholders such as `{0}`, `{name}`, `{{var}}`, `%s`, `%1$d`, `$(var)`, `%ProgramFiles%` or "
    "`<tenant-id>` stand for a value the reader or the software fills in. They must appear in the "
    "translation exactly as in the source (their position may move with the sentence).",
    "<span data-ttu-id=\"1\">Remplacez {nom} par votre ID.</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">Replace {name} with your ID.</span></span>"};

const Rule kHtmlTag{
    "code/html-tag-mismatch", Severity::Error,
    "an inline HTML tag of the source is missing, added or altered in the translation",
    "Inline HTML tags (`<br>`, `<a name=\"...\">`, `<kbd>`, `<sup>`) structure the page and carry "
    "anchors that other pages link to. The translation must keep the same tags with the same "
    "attributes; only the text between them is translated.",
    "<span data-ttu-id=\"1\">Ligne un</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">Line one<br>line two</span></span>"};

const Rule kMarkup{
    "code/markup-broken", Severity::Error,
    "an emphasis, link, autolink or backtick that the source renders is broken in the translation",
    "The source's Markdown renders, but the translation's does not: bold or italic markers no longer "
    "pair (`** texte**`), a link is split (`[texte] (url)`), an autolink is mangled (`< https://... >`) "
    "or a backtick has lost its partner. Readers then see raw asterisks, brackets and backticks. "
    "Restore the syntax exactly as in the source: no space inside the markers, none between `]` and `(`.",
    "<span data-ttu-id=\"1\">Cliquez sur ** Enregistrer**.</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">Click **Save**.</span></span>"};

const Rule kFullwidth{
    "code/fullwidth-chars", Severity::Error,
    "code, a command, a URL or a placeholder contains fullwidth or no-break characters",
    "The translation has the right code, command, URL or placeholder, but written with look-alike "
    "characters: a fullwidth hyphen `－` or dollar `＄`, an ideographic space, or a no-break space "
    "inside a command. They look the same but a shell, a browser or the software does not accept "
    "them. Replace them with the ASCII characters of the source.",
    "<span data-ttu-id=\"1\">`Get－Module` を実行します。</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">Run `Get-Module`.</span></span>"};

const Rule kNumber{
    "code/number-mismatch", Severity::Warning,
    "a number of the source has no equivalent in the translation",
    "A number of the source (a price, a quantity, a limit, a date) is not in the translation in "
    "any form the file's locale accepts: `1,000.50` may be written `1 000,50` in French, and a "
    "number spelled as a word is fine, but a different or missing number changes the facts. Check "
    "the number against the source.",
    "<span data-ttu-id=\"1\">Le seuil est de 500 USD.</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">The threshold is $50.</span></span>"};

const Rule kNoLoc{
    "code/no-loc-term", Severity::Error,
    "a term marked not to be localized (no-loc) is missing or changed in the translation",
    "The article lists this term in its `no-loc:` metadata or marks it with `:::no-loc text=\"...\":::`: "
    "it is a name that must stay in English, letter for letter, in every language. The source "
    "segment uses it, the translation does not. Use the term exactly as written.",
    "---\nno-loc: [Partner Center]\n---\n<span data-ttu-id=\"1\">Ouvrez l’Espace partenaires.</span>"
    "<span class=\"sxs-lookup\"><span data-stu-id=\"1\">Open Partner Center.</span></span>"};

const std::initializer_list<std::string_view> kHtmlElements = {
    "a", "abbr", "b", "bdi", "bdo", "big", "blockquote", "br", "caption", "center", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark", "nobr",
    "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr"};
const std::initializer_list<std::string_view> kVoidElements = {"br", "hr", "img", "wbr", "col"};

bool known_element(std::string_view name) {
  return std::find(kHtmlElements.begin(), kHtmlElements.end(), name) != kHtmlElements.end();
}

// Quoted document text for a message: one line, at most 100 code points.
std::string q(std::string_view text) {
  std::string out;
  size_t count = 0;
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    size_t sp = space_length(text, i);
    if (sp && (text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) {
      i += sp;
      space = true;
      continue;
    }
    if (space) {
      out += ' ';
      ++count;
      space = false;
    }
    size_t start = i;
    utf8::next(text, i);
    if (count >= 100) {
      out += "…";
      break;
    }
    out.append(text.substr(start, i - start));
    ++count;
  }
  return out;
}


bool overlaps(const std::vector<Span>& claimed, Span s) {
  return std::any_of(claimed.begin(), claimed.end(), [&](Span c) { return c.begin < s.end && s.begin < c.end; });
}

// The locale's spell-out rules, or nullptr. Building them costs as much as checking a few
// documents, so each thread keeps the ones it has built (a formatter is not shared across
// threads, and format() leaves it unchanged).
const icu::RuleBasedNumberFormat* spellout_for(const std::string& locale) {
  thread_local std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>> cache;
  auto it = cache.find(locale);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, loc, status);
    it = cache.emplace(locale, U_SUCCESS(status) ? std::move(f) : nullptr).first;
  }
  return it->second.get();
}

// Everything about the document that every segment's comparison shares.
struct DocContext {
  const Document& doc;
  const Env& env;
  Reporter& out;
  std::string locale;  // lowercase BCP 47 ("fr-fr"), may be empty
  NumberFormat locale_format;
  NumberFormat source_format;  // English
  std::vector<std::string> no_loc;
  bool localized_locale_ok = true;
  std::vector<std::string> ignore;
  const icu::RuleBasedNumberFormat* spellout = nullptr;
  bool spellout_tried = false;
  MappedText source_buffer, target_buffer;  // lent to each segment's comparison in turn
  size_t inline_hint = 0;                    // where visible_text stopped last

  // Words the locale spells `value` with ("douze", "premier", "première").
  std::vector<std::string> spelled(const std::string& value) {
    if (!spellout_tried) {
      spellout_tried = true;
      spellout = spellout_for(locale.empty() ? "en" : locale);
    }
    std::vector<std::string> words;
    if (!spellout || value.find('.') != std::string::npos || value.size() > 6) return words;
    int64_t v = std::stoll(value);
    for (int32_t r = 0; r < spellout->getNumberOfRuleSetNames(); ++r) {
      icu::UnicodeString name = spellout->getRuleSetName(r);
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString s;
      icu::FieldPosition pos;
      spellout->format(v, name, s, pos, status);
      if (U_FAILURE(status)) continue;
      std::string w;
      s.toUTF8String(w);
      words.push_back(to_lower(w));
    }
    return words;
  }
};

struct Half {
  Span content;
  MappedText vis;
};

class SegmentComparison {
 public:
  SegmentComparison(DocContext& ctx, const Segment& seg, const Segment* prev, const Segment* next)
      : c_(ctx), doc_(ctx.doc), prev_(prev), next_(next) {
    src_.content = seg.source.content;
    tgt_.content = seg.target.content;
    src_.vis = std::move(c_.source_buffer);
    tgt_.vis = std::move(c_.target_buffer);
    // The translation comes first in the file, then its source, then the next segment.
    visible_text(doc_, tgt_.content, tgt_.vis, c_.inline_hint);
    visible_text(doc_, src_.content, src_.vis, c_.inline_hint);
  }
  ~SegmentComparison() {
    c_.source_buffer = std::move(src_.vis);
    c_.target_buffer = std::move(tgt_.vis);
  }
  SegmentComparison(const SegmentComparison&) = delete;
  SegmentComparison& operator=(const SegmentComparison&) = delete;

  void run() {
    bool broken = markup();
    if (!broken) {
      code_spans();
      html_tags();
      urls();
    }
    no_loc();
    tokens();
    placeholders();
    numbers();
  }

 private:
  enum class Match { Exact, Compat, Case, Broken, None };
  struct Found {
    Match how = Match::None;
    size_t begin = 0, end = 0;  // in the target's visible text
  };

  void report(const Rule& rule, Span at, std::string message, std::string_view source_text, Span source_span = {}) {
    c_.out.report(rule, at, std::move(message), std::string(source_text));
    if (!source_span.empty()) claimed_.push_back(source_span);
  }
  Span whole_target() const { return tgt_.content; }
  std::string_view T() const { return tgt_.vis.text; }

  const Folded& folded(int level) {
    if (!folds_[level]) {
      FoldOptions o;
      o.nfkc = true;
      o.lower = level >= 1;
      o.drop_space = level >= 2;
      folds_[level] = fold(T(), o);
    }
    return *folds_[level];
  }

  // Where the target has `needle`: verbatim, after compatibility normalization, in another
  // letter case, or with its spacing changed.
  Found locate(std::string_view needle, bool strict) {
    Found f;
    size_t pos = find_token(T(), needle, 0, strict);
    if (pos != std::string_view::npos) return {Match::Exact, pos, pos + needle.size()};
    const Match kinds[] = {Match::Compat, Match::Case, Match::Broken};
    for (int level = 0; level < 3; ++level) {
      FoldOptions o;
      o.nfkc = true;
      o.lower = level >= 1;
      o.drop_space = level >= 2;
      std::string n = fold(needle, o).text;
      if (auto hit = find_folded(T(), folded(level), n, strict); hit && !tgt_.vis.is_code(hit->first)) {
        std::string_view raw = T().substr(hit->first, hit->second - hit->first);
        if (raw == needle) return {Match::Exact, hit->first, hit->second};
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

  // ---- markup-broken --------------------------------------------------------------------------

  // The first bytes of the literals markup() counts.
  static constexpr char kMarkupStarts[] = {'*', '_', ']', '<', '`'};

  // Markdown syntax characters left as text; escaped ones (\*) are meant to be literal.
  size_t count_literal(const MappedText& m, std::string_view what, size_t* first = nullptr) const {
    size_t n = 0;
    for (size_t p = m.text.find(what); p != std::string::npos; p = m.text.find(what, p + what.size())) {
      if (m.is_code(p)) continue;
      if (m.begin_of(p) > 0 && doc_.text()[m.begin_of(p) - 1] == '\\') continue;
      if (what == "*" && ((p > 0 && m.text[p - 1] == '*') || (p + 1 < m.text.size() && m.text[p + 1] == '*'))) continue;
      if (n == 0 && first) *first = p;
      ++n;
    }
    return n;
  }

  bool markup() {
    // Every literal below starts with one of these bytes; most translations have none of them.
    if (std::none_of(std::begin(kMarkupStarts), std::end(kMarkupStarts),
                     [&](char c) { return std::memchr(T().data(), c, T().size()) != nullptr; }))
      return false;
    struct Kind {
      std::vector<std::string_view> literals;
      const char* message;
    };
    static const Kind kinds[] = {
        {{"**", "__"}, "bold markers no longer pair in translation: '{}'"},
        {{"*"}, "italic markers no longer pair in translation: '{}'"},
        {{"](", "] ("}, "link syntax broken in translation: '{}'"},
        {{"<http", "< http"}, "autolink broken in translation: '{}'"},
        {{"`"}, "unbalanced backtick in translation: '{}'"},
    };
    for (const Kind& k : kinds) {
      size_t nt = 0, ns = 0, first = std::string::npos;
      std::string_view lit;
      for (std::string_view l : k.literals) {
        size_t f = std::string::npos;
        size_t c = count_literal(tgt_.vis, l, &f);
        nt += c;
        if (c && f < first) {
          first = f;
          lit = l;
        }
      }
      if (nt == 0) continue;  // nothing stray in the translation: the source's count is moot
      for (std::string_view l : k.literals) ns += count_literal(src_.vis, l);
      {
        if (nt <= ns) continue;
        // Quote from a little before the stray syntax to show what it was meant to wrap.
        size_t b = first, e = std::min(T().size(), first + lit.size());
        size_t back = 0;
        while (b > 0 && back < 12 && !(lit == "](" || lit == "] (")) {
          --b;
          if ((static_cast<uint8_t>(T()[b]) & 0xC0) != 0x80) ++back;
        }
        if (lit == "](" || lit == "] (") {
          size_t open = T().rfind('[', first);
          if (open != std::string::npos && first - open < 200) b = open;
        }
        size_t fwd = 0;
        while (e < T().size() && fwd < 24) {
          utf8::next(T(), e);
          ++fwd;
        }
        report(kMarkup, tgt_.vis.span(first, first + lit.size()), fmt::format(fmt::runtime(k.message), q(T().substr(b, e - b))), {});
        return true;
      }
    }
    return false;
  }

  // ---- inline code ------------------------------------------------------------------------------

  struct Item {
    std::string key;   // what is compared
    std::string raw;   // what is quoted
    Span span;
    bool used = false;
  };

  static std::string code_key(std::string_view content) {
    std::string s = nfc(content);
    if (s.size() >= 2 && s.front() == ' ' && s.back() == ' ' && !is_blank(s)) s = s.substr(1, s.size() - 2);
    return s;
  }

  std::vector<Item> code_items(Span half) const {
    std::vector<Item> items;
    auto [b, e] = Document::within(doc_.code_spans(), half);
    for (auto it = b; it != e; ++it)
      if (half.contains(it->span)) items.push_back({code_key(doc_.slice(it->content)), std::string(doc_.slice(it->content)), it->span});
    return items;
  }

  // Pairs equal items; returns the unmatched ones of each side in order.
  static void match_equal(std::vector<Item>& s, std::vector<Item>& t) {
    for (Item& a : s)
      for (Item& b : t)
        if (!b.used && !a.used && a.key == b.key) a.used = b.used = true;
  }

  void code_spans() {
    std::vector<Item> s = code_items(src_.content), t = code_items(tgt_.content);
    match_equal(s, t);
    auto next_t = [&](auto pred) -> Item* {
      for (Item& b : t)
        if (!b.used && pred(b)) return &b;
      return nullptr;
    };
    for (Item& a : s) {
      if (a.used) continue;
      std::string ak = fold(a.key, {true, false, false}).text, al = fold(a.key, {true, true, false}).text;
      if (Item* b = next_t([&](const Item& x) { return fold(x.key, {true, false, false}).text == ak; })) {
        b->used = true;
        report(kFullwidth, b->span, fmt::format("code span has fullwidth or no-break characters: '{}' in translation, '{}' in source", q(b->raw), q(a.raw)), a.raw, a.span);
      } else if (Item* b2 = next_t([&](const Item& x) { return fold(x.key, {true, true, false}).text == al; })) {
        b2->used = true;
        report(kInlineCode, b2->span, fmt::format("letter case changed in code span: '{}' in translation, '{}' in source", q(b2->raw), q(a.raw)), a.raw, a.span);
      } else if (Item* b3 = next_t([](const Item&) { return true; })) {
        b3->used = true;
        report(kInlineCode, b3->span, fmt::format("code span differs from source: '{}' in translation, '{}' in source", q(b3->raw), q(a.raw)), a.raw, a.span);
      } else if (size_t p = find_token(T(), a.key); p != std::string::npos && !tgt_.vis.is_code(p)) {
        report(kInlineCode, tgt_.vis.span(p, p + a.key.size()), fmt::format("code span lost its backticks in translation: '{}'", q(a.key)), a.raw, a.span);
      } else {
        report(kInlineCode, whole_target(), fmt::format("code span '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
      }
    }
    for (Item& b : t)
      if (!b.used) report(kInlineCode, b.span, fmt::format("code span '{}' is not in the source", q(b.raw)), {});
    for (const Item& a : s) claimed_.push_back(a.span);  // code is compared here only
  }

  // ---- HTML tags and tag-shaped placeholders -------------------------------------------------------

  std::string tag_key(const HtmlTag& tag) const {
    std::string key = tag.closing ? "</" + tag.name : "<" + tag.name;
    std::vector<std::string> attrs;
    for (const HtmlAttribute& a : tag.attributes) {
      // Link targets are compared as URLs, and alt and title text are prose.
      if (a.name == "href" || a.name == "src" || a.name == "alt" || a.name == "title") continue;
      attrs.push_back(a.name + "=" + nfc(a.value));
    }
    std::sort(attrs.begin(), attrs.end());
    for (const std::string& a : attrs) key += " " + a;
    bool is_void = std::find(kVoidElements.begin(), kVoidElements.end(), tag.name) != kVoidElements.end();
    if (tag.self_closing && !is_void) key += "/";
    return key + ">";
  }

  void html_tags() {
    std::vector<Item> s, t;
    for (auto [half, items] : {std::pair{src_.content, &s}, std::pair{tgt_.content, &t}}) {
      // Every tag starts with '<' (parse_html_tag): a half without one has none to look up.
      if (doc_.slice(half).find('<') == std::string_view::npos) continue;
      auto [b, e] = Document::within(doc_.html_tags(), half);
      for (auto it = b; it != e; ++it) {
        if (!half.contains(it->span) || it->comment || it->name.empty()) continue;
        if (!known_element(it->name)) {
          // `<tenant-id>` is a placeholder that Markdown happens to read as a tag.
          (items == &s ? src_tag_placeholders_ : tgt_tag_placeholders_).push_back({std::string(doc_.slice(it->span)), std::string(doc_.slice(it->span)), it->span});
          continue;
        }
        items->push_back({tag_key(*it), std::string(doc_.slice(it->span)), it->span});
      }
    }
    match_equal(s, t);
    for (Item& a : s) {
      if (a.used) continue;
      Item* b = nullptr;
      for (Item& x : t)
        if (!x.used && x.key.substr(0, x.key.find_first_of(" >/", 1)) == a.key.substr(0, a.key.find_first_of(" >/", 1))) {
          b = &x;
          break;
        }
      if (b) {
        b->used = true;
        report(kHtmlTag, b->span, fmt::format("HTML tag differs from source: '{}' in translation, '{}' in source", q(b->raw), q(a.raw)), a.raw, a.span);
      } else {
        report(kHtmlTag, whole_target(), fmt::format("HTML tag '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
      }
    }
    for (Item& b : t)
      if (!b.used) report(kHtmlTag, b.span, fmt::format("HTML tag '{}' is not in the source", q(b.raw)), {});
  }

  // ---- URLs ---------------------------------------------------------------------------------------

  std::string url_key(std::string_view dest, bool source) const {
    std::string u = nfc(dest);
    while (!u.empty() && (u.back() == '.' || u.back() == ',')) u.pop_back();
    if (!c_.localized_locale_ok) return u;
    // Leave out a locale path segment (/en-us/ in the source; /en-us/ or the file's own locale
    // in the translation), so that localized, kept and dropped locale segments all compare equal.
    // Segments are looked at in place (views, ASCII case folded while comparing): this runs for
    // every link of every segment.
    auto equals_lowered = [](std::string_view seg, std::string_view lower) {
      if (seg.size() != lower.size()) return false;
      for (size_t k = 0; k < seg.size(); ++k) {
        char c = seg[k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[k]) return false;
      }
      return true;
    };
    std::string out;
    out.reserve(u.size());
    size_t i = 0;
    while (i < u.size()) {
      size_t slash = u.find('/', i);
      if (slash == std::string::npos) {
        out.append(u, i);
        break;
      }
      out.append(u, i, slash + 1 - i);
      size_t end = u.find_first_of("/?#", slash + 1);
      if (end == std::string::npos) end = u.size();
      std::string_view seg = std::string_view(u).substr(slash + 1, end - slash - 1);
      size_t dash = seg.find('-');
      bool is_locale = dash >= 2 && dash <= 3 && seg.size() - dash - 1 >= 2 && seg.size() - dash - 1 <= 4 &&
                       std::all_of(seg.begin(), seg.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-'; });
      bool localizable = is_locale && (equals_lowered(seg, "en-us") || (!source && (c_.locale.empty() || equals_lowered(seg, c_.locale))));
      if (localizable) {
        // Dropped like a locale-neutral link (/partner-center/...) or replaced by the file's.
        out.pop_back();
        i = end;
      } else {
        i = slash + 1;
      }
    }
    return out;
  }

  std::vector<Item> url_items(Span half, bool source) const {
    std::vector<Item> items;
    auto [b, e] = Document::within(doc_.links(), half);
    for (auto it = b; it != e; ++it) {
      if (!half.contains(it->span) || it->destination.empty()) continue;
      Span at = it->destination_span.empty() ? it->span : it->destination_span;
      items.push_back({url_key(it->destination, source), it->destination, at});
    }
    return items;
  }

  void urls() {
    std::vector<Item> s = url_items(src_.content, true), t = url_items(tgt_.content, false);
    match_equal(s, t);
    for (Item& a : s) {
      if (a.used) continue;
      Item* b = nullptr;
      for (Item& x : t)
        if (!x.used) {
          b = &x;
          break;
        }
      if (!b) {
        report(kUrl, whole_target(), fmt::format("URL '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
        continue;
      }
      b->used = true;
      if (fold(b->key, {true, false, false}).text == fold(a.key, {true, false, false}).text)
        report(kFullwidth, b->span, fmt::format("URL has fullwidth or no-break characters: '{}' in translation, '{}' in source", q(b->raw), q(a.raw)), a.raw, a.span);
      else if (fold(b->key, {true, true, false}).text == fold(a.key, {true, true, false}).text)
        report(kUrl, b->span, fmt::format("letter case changed in URL: '{}' in translation, '{}' in source", q(b->raw), q(a.raw)), a.raw, a.span);
      else
        report(kUrl, b->span, fmt::format("link destination differs from source: '{}' in translation, '{}' in source", q(b->raw), q(a.raw)), a.raw, a.span);
    }
    for (Item& b : t)
      if (!b.used) report(kUrl, b.span, fmt::format("URL '{}' is not in the source", q(b.raw)), {});
  }

  // ---- no-loc terms -------------------------------------------------------------------------------

  void no_loc() {
    std::string_view S = src_.vis.text;
    // Front-matter terms hold for the whole article; a :::no-loc::: directive for its own place.
    std::vector<std::string> terms = c_.no_loc;
    auto [db, de] = Document::within(doc_.directives(), src_.content);
    for (auto it = db; it != de; ++it)
      if (it->name == "no-loc" && src_.content.contains(it->span))
        if (const HtmlAttribute* a = it->attribute("text"); a && !a->value.empty()) terms.push_back(a->value);
    for (const std::string& term : terms) {
      size_t p = find_token(S, term);
      if (p == std::string::npos) continue;
      Span source_span = src_.vis.span(p, p + term.size());
      if (overlaps(claimed_, source_span)) continue;
      Found f = locate(term, false);
      if (f.how == Match::Exact) continue;
      if (f.how == Match::None) {
        report(kNoLoc, whole_target(), fmt::format("no-loc term '{}' of the source is missing from the translation", q(term)), term, source_span);
      } else {
        std::string_view raw = T().substr(f.begin, f.end - f.begin);
        report(kNoLoc, tgt_.vis.span(f.begin, f.end), fmt::format("no-loc term changed: '{}' in translation, '{}' in source", q(raw), q(term)), term, source_span);
      }
    }
  }

  // ---- commands and identifiers -------------------------------------------------------------------

  bool ignored(const std::string& text) const {
    return std::find(c_.ignore.begin(), c_.ignore.end(), text) != c_.ignore.end();
  }

  // A target word that looks like a name but is not in the source: the translated or
  // transliterated version of a missing name ("БиллингПреТаксТотал", "AzMarketplacePrivateStore").
  std::optional<std::pair<size_t, size_t>> counterpart(const Token& tok) {
    // Compared on letters and digits only, lowercased: Syndication_Partner_Subscription_Number
    // is SyndicationPartnerSubscriptionNumber with its parts shown.
    auto letters = [](std::string_view s) {
      std::string out;
      for (char ch : s)
        if (is_ascii_alnum(ch)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return out;
    };
    std::string needle = letters(tok.text);
    for (const Token& t : target_tokens()) {
      if (t.kind != TokenKind::Identifier || used_targets_.count(t.begin)) continue;
      if (find_token(src_.vis.text, t.text, 0, true) != std::string::npos) continue;
      std::string l = letters(t.text);
      size_t common = 0;
      while (common < l.size() && common < needle.size() && l[common] == needle[common]) ++common;
      bool similar = l.size() >= 5 && (needle.find(l) != std::string::npos || l.find(needle) != std::string::npos);
      similar = similar || (common >= 8 && common * 3 >= needle.size() * 2);
      if (similar) {
        used_targets_.insert(t.begin);
        return std::make_pair(t.begin, t.end);
      }
    }
    if (tok.text.find('-') != std::string::npos && tok.text.find_first_of("0123456789") != std::string::npos)
      if (auto w = same_shape(tok.text)) return w;
    // Words of another script written in camel case.
    std::string_view text = T();
    for (size_t i = 0; i < text.size();) {
      size_t b = i;
      bool foreign = false, camel = false, ascii_letter = false, prev_lower = false;
      while (i < text.size() && !space_length(text, i)) {
        size_t k = i;
        char32_t cp = utf8::next(text, i);
        if (!u_isalnum(static_cast<UChar32>(cp))) {
          if (k == b) b = i;
          else {
            i = k;
            break;
          }
          continue;
        }
        if (cp < 0x80) ascii_letter = true;
        else foreign = true;
        if (u_isUUppercase(static_cast<UChar32>(cp)) && prev_lower) camel = true;
        prev_lower = u_isULowercase(static_cast<UChar32>(cp));
      }
      if (foreign && camel && !ascii_letter && i > b && !used_targets_.count(b)) {
        used_targets_.insert(b);
        return std::make_pair(b, i);
      }
      while (i < text.size() && space_length(text, i)) i += space_length(text, i);
      if (i == b) ++i;
    }
    return std::nullopt;
  }

  // The first target word whose letters and digits sit where the needle's do (MB-220 and
  // Mo-220, yyyy-MM-dd and aaaa-MM-jj).
  std::optional<std::pair<size_t, size_t>> same_shape(std::string_view needle) {
    auto shape = [](std::string_view s) {
      std::string out;
      for (char ch : s) out += is_ascii_alnum(ch) || static_cast<uint8_t>(ch) >= 0x80 ? (ch >= '0' && ch <= '9' ? '0' : 'a') : ch;
      return out;
    };
    std::string want = shape(needle);
    std::string_view t = T();
    for (size_t i = 0; i < t.size();) {
      if (space_length(t, i)) {
        i += space_length(t, i);
        continue;
      }
      size_t b = i;
      while (i < t.size() && !space_length(t, i)) ++i;
      size_t e = i;
      while (e > b && (t[e - 1] == ',' || t[e - 1] == '.' || t[e - 1] == ';' || t[e - 1] == ')')) --e;
      while (b < e && t[b] == '(') ++b;
      // Compare byte shapes only for ASCII words; accented letters change the byte count.
      std::string_view w = t.substr(b, e - b);
      if (shape(w) == want && !used_targets_.count(b) && find_token(src_.vis.text, w) == std::string::npos) {
        used_targets_.insert(b);
        return std::make_pair(b, e);
      }
    }
    return std::nullopt;
  }

  const std::vector<Token>& target_tokens() {
    if (!target_tokens_) target_tokens_ = tokenize(T(), tgt_.vis.has_code ? &tgt_.vis.code : nullptr);
    return *target_tokens_;
  }

  void tokens() {
    src_tokens_ = tokenize(src_.vis.text, src_.vis.has_code ? &src_.vis.code : nullptr);
    std::set<std::string> seen;
    std::optional<std::string_view> whole_source;  // trimmed only for a name that is missing
    auto whole = [&] {
      if (!whole_source) whole_source = trim(src_.vis.text);
      return *whole_source;
    };
    for (const Token& tok : src_tokens_) {
      if (tok.kind == TokenKind::Url || tok.kind == TokenKind::Placeholder) continue;
      if (!seen.insert(tok.text).second || ignored(tok.text)) continue;
      Span source_span = src_.vis.span(tok.begin, tok.end);
      if (overlaps(claimed_, source_span)) continue;
      const bool command = tok.kind == TokenKind::Command;
      const Rule& rule = command ? kCommand : kIdentifier;
      const char* what = command ? "command" : "name";
      Found f = locate(tok.text, command);
      if (f.how == Match::Exact) continue;
      // "publisherIds" in English prose is the plural of the name publisherId.
      if (!command && tok.text.size() > 4 && tok.text.back() == 's' &&
          find_token(T(), std::string_view(tok.text).substr(0, tok.text.size() - 1)) != std::string::npos)
        continue;
      Span at = f.how == Match::None ? whole_target() : tgt_.vis.span(f.begin, f.end);
      std::string raw(f.how == Match::None ? "" : T().substr(f.begin, f.end - f.begin));
      switch (f.how) {
        case Match::Exact: break;
        case Match::Compat:
          report(kFullwidth, at, fmt::format("{} has fullwidth or no-break characters: '{}' in translation, '{}' in source", what, q(raw), q(tok.text)), tok.text, source_span);
          break;
        case Match::Case:
          if (tok.kind == TokenKind::Host) break;  // domain names ignore letter case
          report(rule, at, fmt::format("letter case of {} changed: '{}' in translation, '{}' in source", what, q(raw), q(tok.text)), tok.text, source_span);
          break;
        case Match::Broken:
          report(rule, at, fmt::format("{} differs from source: '{}' in translation, '{}' in source", what, q(raw), q(tok.text)), tok.text, source_span);
          break;
        case Match::None: {
          if (command) {
            command_missing(tok, source_span);
            break;
          }
          bool strong = tok.strong || whole() == tok.text;
          if (tok.kind != TokenKind::Identifier || !strong) break;
          std::string_view whole_t = trim(T());
          std::optional<std::pair<size_t, size_t>> cp;
          if (whole() == tok.text && !whole_t.empty() && std::none_of(whole_t.begin(), whole_t.end(), [](char ch) { return ch == ' '; }))
            cp = std::make_pair(static_cast<size_t>(whole_t.data() - T().data()), static_cast<size_t>(whole_t.data() - T().data()) + whole_t.size());
          if (!cp) cp = counterpart(tok);
          if (cp) {
            report(kIdentifier, tgt_.vis.span(cp->first, cp->second),
                   fmt::format("name differs from source: '{}' in translation, '{}' in source", q(T().substr(cp->first, cp->second - cp->first)), q(tok.text)),
                   tok.text, source_span);
          } else {
            report(kIdentifier, at, fmt::format("name '{}' of the source is missing from the translation", q(tok.text)), tok.text, source_span);
          }
          break;
        }
      }
    }
  }

  // The command is neither verbatim nor merely re-spaced: quote what the translation has where
  // the command starts, if its first word is there.
  void command_missing(const Token& tok, Span source_span) {
    std::string_view text = tok.text;
    size_t sp = 0;
    while (sp < text.size() && !space_length(text, sp)) ++sp;
    std::string_view first = text.substr(0, sp);
    std::optional<std::pair<size_t, size_t>> hit;
    if (first.size() >= 4) hit = find_folded(T(), folded(1), fold(first, {true, true, false}).text, false);
    if (!hit) {
      report(kCommand, whole_target(), fmt::format("command '{}' of the source is missing from the translation", q(tok.text)), tok.text, source_span);
      return;
    }
    // Extend over the following words that are written in ASCII, as a command would be.
    size_t e = hit->second;
    std::string_view t = T();
    size_t words = 1;
    size_t want = static_cast<size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
    while (e < t.size() && words < want) {
      size_t k = e;
      while (k < t.size() && space_length(t, k)) k += space_length(t, k);
      size_t w = k;
      while (w < t.size() && !space_length(t, w) && static_cast<uint8_t>(t[w]) < 0x80) ++w;
      if (w == k || (w < t.size() && !space_length(t, w))) break;
      e = w;
      ++words;
    }
    std::string_view raw = t.substr(hit->first, e - hit->first);
    report(kCommand, tgt_.vis.span(hit->first, e), fmt::format("command differs from source: '{}' in translation, '{}' in source", q(raw), q(tok.text)), tok.text, source_span);
  }

  // ---- placeholders ------------------------------------------------------------------------------

  void placeholders() {
    std::vector<Item> s = src_tag_placeholders_, t = tgt_tag_placeholders_;
    for (const Token& tok : src_tokens_)
      if (tok.kind == TokenKind::Placeholder) s.push_back({tok.text, tok.text, src_.vis.span(tok.begin, tok.end)});
    if (target_tokens_ || may_have_placeholders(T()))
      for (const Token& tok : target_tokens())
        if (tok.kind == TokenKind::Placeholder) t.push_back({tok.text, tok.text, tgt_.vis.span(tok.begin, tok.end)});
    // Inside code spans placeholders are compared with the code span.
    match_equal(s, t);
    for (Item& a : s) {
      if (a.used || overlaps(claimed_, a.span)) continue;
      Item* b = nullptr;
      for (Item& x : t)
        if (!x.used) {
          b = &x;
          break;
        }
      if (b) {
        b->used = true;
        bool compat = fold(b->key, {true, false, false}).text == fold(a.key, {true, false, false}).text;
        report(compat ? kFullwidth : kPlaceholder, b->span,
               fmt::format("placeholder {}: '{}' in translation, '{}' in source", compat ? "has fullwidth characters" : "differs from source", q(b->raw), q(a.raw)), a.raw, a.span);
        continue;
      }
      Found f = locate(a.key, false);
      if (f.how == Match::Exact) continue;  // written as a tag on one side and as text on the other
      if (f.how == Match::None && is_format_pattern(a.key)) {
        // A localized format string keeps the separators: aaaa-MM-jjThh:mm:ssZ.
        if (auto w = same_shape(a.key)) {
          std::string_view raw = T().substr(w->first, w->second - w->first);
          report(kPlaceholder, tgt_.vis.span(w->first, w->second), fmt::format("format string differs from source: '{}' in translation, '{}' in source", q(raw), q(a.raw)), a.raw, a.span);
          continue;
        }
      }
      if (f.how == Match::None) {
        report(kPlaceholder, whole_target(), fmt::format("placeholder '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
      } else {
        std::string_view raw = T().substr(f.begin, f.end - f.begin);
        report(f.how == Match::Compat ? kFullwidth : kPlaceholder, tgt_.vis.span(f.begin, f.end),
               fmt::format("placeholder {}: '{}' in translation, '{}' in source", f.how == Match::Compat ? "has fullwidth characters" : "differs from source", q(raw), q(a.raw)), a.raw, a.span);
      }
    }
    for (Item& b : t) {
      if (b.used) continue;
      // A placeholder the source has as plain text (or as a tag) is not an addition.
      if (find_token(src_.vis.text, b.key) != std::string::npos) continue;
      if (doc_.slice(src_.content).find(b.key) != std::string_view::npos) continue;
      report(kPlaceholder, b.span, fmt::format("placeholder '{}' is not in the source", q(b.raw)), {});
    }
  }

  // ---- numbers -----------------------------------------------------------------------------------

  void numbers() {
    // Every number starts with a digit; most segments have none.
    if (std::none_of(src_.vis.text.begin(), src_.vis.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return;
    std::vector<bool> skip = src_.vis.has_code ? src_.vis.code : std::vector<bool>(src_.vis.text.size(), false);
    for (const Token& tok : src_tokens_)
      for (size_t k = tok.begin; k < tok.end; ++k) skip[k] = true;
    if (!claimed_.empty())
      for (size_t k = 0; k < skip.size(); ++k)
        if (!skip[k] && overlaps(claimed_, src_.vis.span(k, k + 1))) skip[k] = true;
    std::vector<Number> nums = source_numbers(src_.vis.text, c_.source_format, &skip);
    if (nums.empty()) return;
    // Segmentation splits sentences where the translation may not: a number the translation
    // moved into the neighbouring sentence of the same paragraph ("within 30 days" -> "passé ce
    // délai" after "30 jours") is not missing.
    std::string pool(T());
    for (const Segment* nb : {prev_, next_})
      if (nb) {
        pool += ' ';
        pool += visible_text(doc_, nb->target.content).text;
      }
    std::vector<std::string> values = target_values(pool, c_.locale_format, c_.source_format);
    auto has = [&](const std::string& v) { return std::binary_search(values.begin(), values.end(), v); };
    std::set<std::string> seen;
    std::string lowered;
    for (const Number& n : nums) {
      if (!seen.insert(n.value).second) continue;
      if (has(n.value) || std::any_of(n.also.begin(), n.also.end(), has)) continue;
      if (n.value.starts_with("v:") && T().find(n.value.substr(2)) != std::string::npos) continue;
      // Spelled out in the translation ("deux licences" for "2 licenses").
      if (lowered.empty()) lowered = to_lower(T());
      bool spelled = false;
      for (const std::string& w : c_.spelled(n.value)) {
        for (size_t p = lowered.find(w); p != std::string::npos && !spelled; p = lowered.find(w, p + 1)) {
          size_t e = p + w.size();
          auto letter_at = [&](size_t k) {
            size_t kk = k;
            return u_isalpha(static_cast<UChar32>(utf8::next(lowered, kk)));
          };
          bool before = p == 0;
          if (!before) {
            size_t s = p - 1;
            while (s > 0 && (static_cast<uint8_t>(lowered[s]) & 0xC0) == 0x80) --s;
            before = !letter_at(s);
          }
          if (before && (e >= lowered.size() || !letter_at(e))) spelled = true;
        }
        if (spelled) break;
      }
      if (spelled) continue;
      std::string_view raw = std::string_view(src_.vis.text).substr(n.begin, n.end - n.begin);
      report(kNumber, whole_target(), fmt::format("number '{}' of the source has no equivalent in the translation", q(raw)), raw, src_.vis.span(n.begin, n.end));
    }
  }

  DocContext& c_;
  const Document& doc_;
  const Segment* prev_;
  const Segment* next_;
  Half src_, tgt_;
  std::optional<Folded> folds_[3];
  std::vector<Span> claimed_;  // source ranges already reported (or compared by their own rule)
  std::vector<Token> src_tokens_;
  std::optional<std::vector<Token>> target_tokens_;
  std::set<size_t> used_targets_;
  std::vector<Item> src_tag_placeholders_, tgt_tag_placeholders_;
};

std::string document_locale(const Document& doc, const Env& env) {
  std::string loc;
  if (const FrontMatterEntry* e = doc.front_matter().find("ms.contentlocale"); e && e->is_scalar && !e->value.empty())
    loc = e->value;
  else if (env.config.locale)
    loc = *env.config.locale;
  else
    loc = env.workspace.tree_locale(doc.path());
  return lower_ascii(trim(loc));
}

void check_segments(const Document& doc, const Env& env, Reporter& out) {
  if (doc.segments().empty()) return;
  DocContext ctx{doc, env, out, document_locale(doc, env), {}, {}, {}, true, {}, nullptr, false, {}, {}, 0};
  ctx.locale_format = number_format(ctx.locale.empty() ? "en-us" : ctx.locale);
  ctx.source_format = number_format("en-us");
  if (const FrontMatterEntry* e = doc.front_matter().find("no-loc")) {
    for (const std::string& item : e->items) ctx.no_loc.push_back(std::string(trim(item)));
    if (e->is_scalar && !e->value.empty()) ctx.no_loc.push_back(std::string(trim(e->value)));
  }
  std::sort(ctx.no_loc.begin(), ctx.no_loc.end());
  ctx.no_loc.erase(std::unique(ctx.no_loc.begin(), ctx.no_loc.end()), ctx.no_loc.end());
  std::erase_if(ctx.no_loc, [](const std::string& s) { return s.empty(); });
  auto flag = env.config.option(kUrl.id, "allow-localized-locale", {"true"});
  ctx.localized_locale_ok = flag.empty() || lower_ascii(flag.front()) != "false";
  ctx.ignore = env.config.option(kIdentifier.id, "ignore");
  for (const std::string& s : env.config.option(kCommand.id, "ignore")) ctx.ignore.push_back(s);

  // Only structurally sound pairs are compared: a broken structure (unclosed span, a source without
  // its data-stu-id span) or an empty translation is the segment family's finding, and comparing
  // what is left of it would report the same defect twice.
  auto usable = [&doc](const Segment& s) {
    if (!(s.target.present && s.source.present && s.target.closed && s.source.closed)) return false;
    if (s.source_missing_inner || !s.source.has_id) return false;
    std::string_view t = doc.slice(s.target.content);
    size_t p = t.find_first_not_of("*_ \t\r\n");
    if (p == std::string_view::npos) return false;
    // An ASCII byte other than \v and \f is not white space: no need to ask is_blank.
    if (static_cast<uint8_t>(t[p]) < 0x80 && t[p] != '\v' && t[p] != '\f') return true;
    return !is_blank(t);
  };
  const auto& segs = doc.segments();
  // Each segment is asked about three times (as itself and as both neighbours' neighbour).
  std::vector<char> ok(segs.size());
  for (size_t i = 0; i < segs.size(); ++i) ok[i] = usable(segs[i]);
  for (size_t i = 0; i < segs.size(); ++i) {
    if (!ok[i]) continue;
    const Segment* prev = i > 0 && segs[i - 1].block == segs[i].block && ok[i - 1] ? &segs[i - 1] : nullptr;
    const Segment* next = i + 1 < segs.size() && segs[i + 1].block == segs[i].block && ok[i + 1] ? &segs[i + 1] : nullptr;
    SegmentComparison(ctx, segs[i], prev, next).run();
  }
}

}  // namespace

std::vector<Check> code_checks() {
  return {
      {{&kInlineCode, &kCommand, &kIdentifier, &kUrl, &kPlaceholder, &kHtmlTag, &kMarkup, &kFullwidth, &kNumber, &kNoLoc},
       check_segments},
  };
}

}  // namespace loclint::checks
