#include <unicode/uloc.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "comparison.h"
#include "grammar/chars.h"
#include "loclint/locale_tag.h"

namespace loclint::checks::code {

const Rule kUrl{
    .id = "code/url-mismatch",
    .severity = Severity::Error,
    .summary = "a URL, e-mail address or link destination of the source is missing or altered in the translation",
    .checks = "Link destinations and URLs written in the text point where the source's point; only the link text "
              "is prose. A locale segment changed on purpose (`/en-us/` in the source, the file's own locale or "
              "none in the translation) is accepted unless the option `allow-localized-locale` is `false`; so are "
              "language query parameters set to the file's locale (`clcid=0x409` to the locale's LCID, `lang`, "
              "`ui-locale`, `mkt`, `setlang`, `hl`, `culture` from English to the file's language). E-mail "
              "addresses written in the text (`fredsm@contoso.com`) are in the translation as in the source, "
              "letter case aside.",
    .why = "A translated or damaged destination sends readers to a 404 page or to the wrong place. Copy the "
           "destination from the source.",
    .fires = {.text = "<span data-ttu-id=\"f4053-101\">Voir [la page](/partner-centre/page)</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">See [the page](/partner-center/page)</span></span>\n"},
    .passes = {.text = "<span data-ttu-id=\"f4053-101\">Voir [la page](/partner-center/page)</span><span class=\"sxs-lookup\"><span data-stu-id=\"f4053-101\">See [the page](/partner-center/page)</span></span>\n"},
    .options = {{"allow-localized-locale", OptionType::Bool, "true",
                 "accept a locale path segment of the source (`/en-us/`) or a language query parameter (`clcid`, "
                 "`lang`, `ui-locale`) replaced by the file's locale or dropped"}},
    .fix = "Writes a URL with a scheme (`https://...`) as the source does, when the translation's differs only "
           "in letter case or look-alike characters, locale segments and query included (a locale localized on "
           "purpose is not a finding). A relative destination is a path: link/case-mismatch fixes its case to the "
           "one on disk.",
};

namespace {

// The Windows LCID of a locale tag (`it-it`: 0x410), from ICU; 0 when unknown.
uint32_t lcid_of(std::string_view tag) {
  std::string id;
  for (size_t k = 0; k < tag.size(); ++k) id += tag[k] == '-' ? '_' : tag[k];
  if (const size_t us = id.find('_'); us != std::string::npos)
    for (size_t k = us + 1; k < id.size(); ++k) id[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[k])));
  return id.empty() ? 0 : uloc_getLCID(id.c_str());
}

// Query parameters that name the reader's language (`?clcid=0x409`, `?lang=en`, `&ui-locale=en-US`,
// `mkt=en-us`): a translation sets them to its own locale on purpose, as it does a locale path
// segment. Such a value of the source (English) or of the translation (English or the file's
// locale) is replaced by a mark, so that kept and localized values compare equal; any other
// locale in the translation (`lang=de` in an Italian file) is still a difference.
std::string localize_query(std::string u, bool source, std::string_view locale) {
  const size_t q = u.find('?');
  if (q == std::string::npos) return u;
  const size_t hash = u.find('#', q);
  const size_t end = hash == std::string::npos ? u.size() : hash;
  const std::string file_language = lower_ascii(locale.substr(0, locale.find('-')));
  std::string out = u.substr(0, q + 1);
  for (size_t p = q + 1; p <= end;) {
    size_t amp = u.find('&', p);
    if (amp == std::string::npos || amp > end) amp = end;
    std::string_view param = std::string_view(u).substr(p, amp - p);
    const size_t eq = param.find('=');
    if (eq != std::string_view::npos) {
      const std::string name = lower_ascii(param.substr(0, eq));
      const std::string value = lower_ascii(param.substr(eq + 1));
      if (name == "clcid" || name == "lcid") {
        uint32_t v = 0;
        try {
          v = static_cast<uint32_t>(std::stoul(value, nullptr, value.starts_with("0x") ? 16 : 10));
        } catch (const std::exception&) {
        }
        if (v && (v == 0x409 || (!source && !locale.empty() && v == lcid_of(locale))))
          param = param.substr(0, eq + 1), out += std::string(param) + "{lcid}";
        else
          out += param;
      } else if (name == "lang" || name == "language" || name == "locale" || name == "ui-locale" ||
                 name == "uilocale" || name == "setlang" || name == "mkt" || name == "hl" || name == "culture") {
        std::string tag = value;
        std::replace(tag.begin(), tag.end(), '_', '-');
        const bool is_tag = is_locale_tag(tag, /*language_alone=*/true);
        const std::string language = tag.substr(0, tag.find('-'));
        if (is_tag && (language == "en" || (!source && !file_language.empty() && language == file_language)))
          out += std::string(param.substr(0, eq + 1)) + "{locale}";
        else
          out += param;
      } else {
        out += param;
      }
    } else {
      out += param;
    }
    if (amp < end) out += '&';
    p = amp + 1;
  }
  out += u.substr(end);
  return out;
}

// `locale_ok`: code/url-mismatch.allow-localized-locale; `locale`: the target's.
std::string url_key(std::string_view dest, bool source, bool locale_ok, std::string_view locale) {
  std::string u = nfc(dest);
  while (!u.empty() && (u.back() == '.' || u.back() == ',')) u.pop_back();
  // A bare URL takes a closing bracket that the sentence around it opened
  // ("[Low, https://arxiv.org/abs/1707.05391]"): an unbalanced one is not part of the URL.
  for (auto [open, close] : {std::pair{'[', ']'}, std::pair{'(', ')'}})
    while (!u.empty() && u.back() == close && std::count(u.begin(), u.end(), open) < std::count(u.begin(), u.end(), close))
      u.pop_back();
  if (!locale_ok) return u;
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
    const bool is_locale = seg.find('-') != std::string_view::npos && is_locale_tag(seg);
    // The file's own locale counts in the source too: a source half that already names it
    // (a link copied from the localized page) is compared as if it said en-us.
    bool localizable = is_locale && (equals_lowered(seg, "en-us") || (!locale.empty() && equals_lowered(seg, locale)) ||
                                     (!source && locale.empty()));
    if (localizable) {
      // Dropped like a locale-neutral link (/partner-center/...) or replaced by the file's.
      out.pop_back();
      i = end;
    } else {
      i = slash + 1;
    }
  }
  return localize_query(std::move(out), source, locale);
}

// `https://...`, `mailto:...`: a URL that names its scheme. A relative destination is a path in
// the tree, whose right letter case is the one on disk (link/case-mismatch fixes it), not
// necessarily the source's.
bool has_scheme(std::string_view u) {
  const size_t colon = u.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  return std::all_of(u.begin(), u.begin() + colon, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  });
}

std::vector<Item> url_items(const Half& half, bool source, bool locale_ok, std::string_view locale) {
  std::vector<Item> items;
  auto [b, e] = Document::within(half.doc->links(), half.content);
  for (auto it = b; it != e; ++it) {
    if (!half.content.contains(it->span) || it->destination.empty()) continue;
    Span at = it->destination_span.empty() ? it->span : it->destination_span;
    // The end tag of a mangled autolink (<https:></https:>) is not a second link: the broken
    // autolink is reported once, by its start.
    if (it->destination.starts_with('/') && at.begin > 0 && half.doc->text()[at.begin - 1] == '<') continue;
    items.push_back({url_key(it->destination, source, locale_ok, locale), it->destination, at});
  }
  return items;
}

// URLs written in a half that the parser did not read as links, because no autolink boundary
// precedes them (GFM 0.29, 6.9): a segment's first word right after its `<span>` tag, a URL after a
// no-break space or glued to a Korean particle. Found by the same extended-autolink grammar, the
// boundary left out, outside the half's links; cut at the first character outside ASCII
// (`...azureを参照`, `...azure。`, `...azure、https://...`: the sentence goes on without a space),
// but for a fullwidth look-alike inside the URL
// and without a closing quote (`"https://..."`: a quote is no autolink boundary), so that a URL localized on purpose (`/ja-jp/`,
// `lang=ja`) keys as the source's does.
std::vector<Item> unlinked_urls(const Half& half, bool source, bool locale_ok, std::string_view locale) {
  std::vector<Item> items;
  const std::string_view doc_text = half.doc->text();
  auto [lb, le] = Document::within(half.doc->links(), half.content);
  auto [tb, te] = Document::within(half.doc->inlines(), half.content);
  auto is_text = [](const InlineToken& k) { return k.kind == InlineKind::Text || k.kind == InlineKind::Entity; };
  for (auto it = tb; it != te;) {
    // A run of adjacent text tokens inside the half: not raw HTML (a comment), not code.
    if (!is_text(*it) || !half.content.contains(it->span)) {
      ++it;
      continue;
    }
    auto run_end = it + 1;
    while (run_end != te && is_text(*run_end) && half.content.contains(run_end->span) &&
           run_end->span.begin == (run_end - 1)->span.end)
      ++run_end;
    const Span run_span{it->span.begin, (run_end - 1)->span.end};
    it = run_end;
    const std::string_view run = doc_text.substr(run_span.begin, run_span.size());
    for (size_t i = run.find("://"); i != std::string_view::npos; i = run.find("://", i + 3)) {
      size_t b = i;
      while (b > 0 && std::isalpha(static_cast<unsigned char>(run[b - 1]))) --b;
      size_t n = extended_url_autolink(run, b);
      if (n == 0) continue;
      // A fullwidth look-alike of a URL delimiter with more of the URL after it is inside the URL
      // (`report？id=5`); at its end (`azure？`) it is the sentence's.
      for (size_t k = b; k < b + n;) {
        if (static_cast<unsigned char>(run[k]) < 0x80) {
          ++k;
          continue;
        }
        size_t next = k;
        const char32_t c = utf8::next(run, next);
        // Look-alikes of the URL's own delimiters only: ？＝＆／＃％ (a fullwidth comma, colon or
        // bracket is the Chinese or Japanese sentence's).
        const bool delimiter = c == U'\uFF1F' || c == U'\uFF1D' || c == U'\uFF06' || c == U'\uFF0F' || c == U'\uFF03' || c == U'\uFF05';
        if (delimiter && next < b + n && static_cast<unsigned char>(run[next]) < 0x80 &&
            (is_ascii_alnum(run[next]) || std::strchr("/?=&#%-._~", run[next]))) {
          k = next;
          continue;
        }
        n = k - b;
        break;
      }
      while (n > 0 && std::strchr("?!.,:*_~\"'", run[b + n - 1])) --n;
      const Span at{static_cast<uint32_t>(run_span.begin + b), static_cast<uint32_t>(run_span.begin + b + n)};
      if (n <= i - b + 3 || std::any_of(lb, le, [&](const Link& l) { return l.span.begin < at.end && at.begin < l.span.end; }))
        continue;
      const std::string raw(run.substr(b, n));
      items.push_back({url_key(raw, source, locale_ok, locale), raw, at});
      i = b + n - 3;
    }
  }
  return items;
}

}  // namespace

void compare_url_mismatch(PairComparison& p) {
  std::vector<Item> s = url_items(p.source.half, true, p.context.localized_locale_ok, p.context.locale);
  std::vector<Item> t = url_items(p.target.half, false, p.context.localized_locale_ok, p.context.locale);
  match_equal(s, t);
  std::vector<Item> s_text, t_text;  // the URLs of each half that are text, not links
  bool texts_found = false;
  auto find_texts = [&] {
    if (texts_found) return;
    texts_found = true;
    s_text = unlinked_urls(p.source.half, true, p.context.localized_locale_ok, p.context.locale);
    t_text = unlinked_urls(p.target.half, false, p.context.localized_locale_ok, p.context.locale);
  };
  // Whatever is a URL on one side and text on the other (a segment that starts with a URL) is
  // matched by key first, so that order does not pair the wrong two.
  if (p.source.half.text().find("://") != std::string_view::npos || p.target.half.text().find("://") != std::string_view::npos) {
    find_texts();
    auto cross = [](std::vector<Item>& from, std::vector<Item>& to) {
      for (Item& a : from)
        if (!a.used)
          for (Item& x : to)
            if (!x.used && x.key == a.key) {
              a.used = x.used = true;
              break;
            }
    };
    cross(s, t_text);
    cross(s_text, t);
    cross(s_text, t_text);
  }
  auto is_text = [&](const Item& x) {
    const std::less<const Item*> before;
    return !t_text.empty() && !before(&x, t_text.data()) && before(&x, t_text.data() + t_text.size());
  };
  // Why a translated URL ends early, when the reason is a character reference a space split
  // (`&amp ;embed=`: no reference, so the URL is cut at `&amp`, where the source's goes on as
  // `&embed=`): said, since the two quotes alone hide it.
  auto split_reference = [&](const Item& b) -> std::string {
    const size_t amp = b.raw.rfind('&');
    if (amp == std::string::npos || amp + 1 == b.raw.size()) return "";
    const std::string_view name = std::string_view(b.raw).substr(amp + 1);
    if (!std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; })) return "";
    const std::string_view doc = p.pair.target.doc->text();
    size_t j = b.span.end;
    while (j < doc.size() && doc[j] == ' ') ++j;
    if (j == b.span.end || j >= doc.size() || doc[j] != ';') return "";
    return fmt::format(" (the character reference '&{};' is split by a space, '&{} ;': the URL ends there)", name, name);
  };
  // A URL of the source `a` and the translation's `b` in its place: look-alikes, letter case, or
  // another URL (`text`: either is text, not a link).
  auto report_pair = [&](Item& a, Item& b, bool text) {
    b.used = true;
    if (fold(b.key, {true, false, false}).text == fold(a.key, {true, false, false}).text)
      p.report(kFullwidth, b.span, fmt::format("URL has {}: '{}' in translation, '{}' in source", lookalikes(b.raw, a.raw), q(b.raw), q(a.raw)), a.raw, a.span,
               has_scheme(a.raw) ? p.restore(b.span, a.span, "URL") : std::nullopt);
    else if (fold(b.key, {true, true, false}).text == fold(a.key, {true, true, false}).text)
      p.report(kUrl, b.span, fmt::format("letter case changed in URL: '{}' in translation, '{}' in source", q(b.raw), q(a.raw)), a.raw, a.span,
               has_scheme(a.raw) ? p.restore(b.span, a.span, "URL") : std::nullopt);
    else
      p.report(kUrl, b.span, fmt::format("{} differs from source: '{}' in translation, '{}' in source{}", text ? "URL" : "link destination", q(b.raw), q(a.raw),
                                         split_reference(b)),
               a.raw, a.span);
  };
  for (Item& a : s) {
    if (a.used) continue;
    Item* b = first_unused(t);
    if (!b) {
      // The translation has the URL as text that the parser did not read as a link (a segment's
      // first word right after its `<span>` tag, a Korean particle glued to it): not missing.
      const std::string_view tt = p.target.half.text();
      if (tt.find(a.raw) != std::string_view::npos) continue;
      // Nor when it is there with look-alike characters, which also keep the parser from reading
      // a link (`path？id=5` with U+FF1F for `?`): that is what is reported, and the fix restores it.
      // Whole characters at both ends (`⑪` folds to `11`) and standing alone (`id=50` is another
      // URL than `id=5`), as every folded search of the comparison (find_folded).
      if (const auto hit = find_folded(tt, fold(tt, {true, false, false}), fold(a.raw, {true, false, false}).text, false)) {
        const auto [b0, b1] = *hit;
        const std::string_view raw = tt.substr(b0, b1 - b0);
        const Span span{static_cast<uint32_t>(p.target.half.content.begin + b0), static_cast<uint32_t>(p.target.half.content.begin + b1)};
        p.report(kFullwidth, span, fmt::format("URL has {}: '{}' in translation, '{}' in source", lookalikes(raw, a.raw), q(raw), q(a.raw)), a.raw, a.span,
                 has_scheme(a.raw) ? p.restore(span, a.span, "URL") : std::nullopt);
        continue;
      }
      // A URL the translation wrote as text: the same one once its locale is set aside (`/ja-jp/`
      // for `/en-us/` at a segment's start) is not a finding; another is compared below.
      find_texts();
      for (Item& x : t_text)
        if (!x.used && x.key == a.key) {
          b = &x;
          break;
        }
      if (b) {
        b->used = true;
        continue;
      }
      b = first_unused(t_text);
      if (!b) {
        p.report(kUrl, p.whole_target(), fmt::format("URL '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
        continue;
      }
    }
    report_pair(a, *b, is_text(*b));
  }
  // The source's own text URLs (a segment that starts with one): the translation keeps each, as a
  // link or as text, or writes it with its locale localized; another text URL is a difference.
  if (p.source.half.text().find("://") != std::string_view::npos) {
    find_texts();
    const std::string_view tt = p.target.half.text();
    for (Item& a : s_text) {
      if (a.used || tt.find(a.raw) != std::string_view::npos) continue;
      auto same = [&](Item& x) { return !x.used && x.key == a.key && (x.used = true); };
      if (std::any_of(t.begin(), t.end(), same) || std::any_of(t_text.begin(), t_text.end(), same)) continue;
      // A text URL of the translation first, else a link of its own (one URL changed, one finding).
      Item* b = first_unused(t_text);
      if (!b) b = first_unused(t);
      if (b) {
        report_pair(a, *b, true);
      } else {
        p.report(kUrl, p.whole_target(), fmt::format("URL '{}' of the source is missing from the translation", q(a.raw)), a.raw, a.span);
      }
    }
  }
  for (Item& b : t) {
    if (b.used) continue;
    // A URL the source has as text that the parser did not read as a link (a bare URL after a
    // no-break space) is not an addition.
    if (p.source.half.text().find(b.raw) != std::string_view::npos) continue;
    find_texts();
    if (std::any_of(s_text.begin(), s_text.end(), [&](Item& x) { return !x.used && x.key == b.key && (x.used = true); })) continue;
    p.report(kUrl, b.span, fmt::format("URL '{}' is not in the source", q(b.raw)), {});
  }
}

}  // namespace loclint::checks::code
