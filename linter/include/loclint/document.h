// The document model: one per file, built once, shared read-only by every check.
//
// All locations are byte spans into `text()`, the file's raw bytes (BOM included, CRLF kept).
// Strings held by the model (front-matter values, link destinations, heading text) are decoded
// values without '\r'.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loclint/text.h"

namespace loclint {

enum class DocumentKind {
  Markdown,  // an article: optional front matter, then CommonMark
  YamlMime,  // a docfx structured YAML file ("### YamlMime:FAQ"); metadata under `metadata:`
};

// ---- front matter -------------------------------------------------------------------------

struct FrontMatterEntry {
  std::string key;
  Span key_span;          // the key as written
  std::string value;      // scalar value as a string; empty for null; "" for non-scalars
  Span value_span;        // empty span at the key's end when there is no value on the line
  bool is_scalar = true;  // false for sequences and mappings
  bool is_null = false;   // `key:` or `key: null` / `~`
  std::vector<std::string> items;  // scalar items of a sequence value (e.g. `no-loc: [a, b]`)
  std::vector<FrontMatterEntry> fields;  // entries of a mapping value (`l10n: {sourceCommit: ...}`)
};

struct FrontMatterError {
  std::string message;  // the YAML parser's message (libyaml), or ours for an unterminated block
  uint32_t offset = 0;  // where the error is
};

// A quoted value whose closing quote is missing from its line (front_matter_recovery.cpp).
// A YAML parser lets such a value run on, silently turning the keys below it into text, or fails
// far below the real mistake ("did not find expected key while parsing a block mapping").
struct LostQuote {
  std::string key;       // the key whose value the quote opens
  uint32_t quote = 0;    // offset of the opening quote
  bool closed = false;   // closed on a later line (by the quote that opened another value)
  std::string next_key;  // the first key-like line the value swallowed; empty when none
  uint32_t next_line = 0;
};

struct FrontMatter {
  bool present = false;      // a `---` block (or YamlMime `metadata:`) was found
  bool terminated = true;    // false when the closing `---` is missing
  Span span;                 // the whole block including the `---` lines
  Span body;                 // the YAML between the delimiters
  bool is_mapping = true;    // false when the YAML is valid but not a mapping
  std::vector<FrontMatterEntry> entries;  // in file order; duplicates kept
  std::optional<FrontMatterError> error;
  // When the block parsed as a mapping but a quote was lost: the entries are not what the
  // translator meant (see LostQuote).
  std::optional<LostQuote> lost_quote;
  // When YAML failed on a line whose quoted value is ended early by a quote inside it (a French
  // apostrophe in a single-quoted title): that quote character, '\'' or '"'.
  char inner_quote = 0;

  // The first entry with this key, or nullptr.
  const FrontMatterEntry* find(std::string_view key) const;
  // The same for a key or a dotted path into mapping values (`l10n.sourceCommit` is the field
  // `sourceCommit` of the key `l10n`; a key that contains dots, `ms.date`, is found whole first).
  const FrontMatterEntry* find_path(std::string_view path) const;
};

// ---- Markdown elements ---------------------------------------------------------------------

enum class BlockKind : uint8_t { Paragraph, Heading, TableCell, CodeBlock, HtmlBlock };

// Where a block sits: several can be set at once (a paragraph in a list in a blockquote).
enum BlockContext : uint8_t {
  InList = 1,
  InQuote = 2,
  InTable = 4,
  InTableHeader = 8,
};

// A leaf block: the unit that bounds segments (an unclosed span swallows the rest of its block).
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  uint8_t level = 0;     // heading level
  uint8_t context = 0;   // BlockContext bits
  Span span;             // from the first to the last byte of its inline content
};

enum class InlineKind : uint8_t { Text, Code, Html, Entity, SoftBreak, HardBreak, NullChar };

// The inline token stream of every leaf block, in file order. Raw HTML blocks are tokenized by
// loclint into Html and Text tokens, so segments in `<td>` cells are seen like inline ones.
struct InlineToken {
  InlineKind kind = InlineKind::Text;
  uint32_t block = 0;  // index into Document::blocks()
  Span span;
  uint32_t tag = kNoTag;  // for Html tokens: index into Document::html_tags()
  static constexpr uint32_t kNoTag = UINT32_MAX;
};

struct CodeSpan {
  Span span;     // including the backticks
  Span content;  // between the backticks
};

struct CodeBlock {
  Span span;     // content lines (fences excluded)
  std::string info;  // fence info string (language), empty for indented code
  bool fenced = false;
};

enum class LinkKind : uint8_t {
  Inline,     // [text](dest) and resolved [text][ref]
  Autolink,   // <https://...>, or a bare https://... in text (GFM extended autolink)
  Image,      // ![alt](src)
  HtmlAnchor, // <a href="...">
  HtmlImage,  // <img src="...">
  Include,    // [!INCLUDE [title](path)]
  ImageDirective,  // :::image source="..." :::
};

struct Link {
  LinkKind kind = LinkKind::Inline;
  Span span;             // the whole construct
  Span text;             // link text / alt text (may be empty)
  // The destination with its character references decoded (html_entities.h): in Markdown those
  // md4c marks, in an HTML attribute those the attribute-value rules decode.
  std::string destination;
  Span destination_span; // the destination as written, when it can be located
  // For a reference-style link ([text][ref]): the destination in its `[ref]: dest` definition
  // line, when it can be located; empty otherwise.
  Span definition;
};

struct HtmlAttribute {
  std::string name;   // lowercase
  std::string value;  // quotes removed, entities not decoded
  Span value_span;
};

// An HTML tag found in inline raw HTML or in an HTML block.
struct HtmlTag {
  Span span;
  std::string name;  // lowercase; empty for comments, declarations, processing instructions
  bool closing = false;       // </name>
  bool self_closing = false;  // <name/>
  bool comment = false;       // <!-- ... -->
  std::vector<HtmlAttribute> attributes;

  const HtmlAttribute* attribute(std::string_view name) const;
};

struct Anchor {
  std::string name;  // the explicit `<a name>` / `id="..."` value
  Span span;
};

struct Heading {
  Span span;         // the heading's inline content
  uint8_t level = 0;
  uint32_t block = 0;
  std::string text;  // visible text: target halves of segments, no HTML tags, no source halves
  std::string slug;  // the id a docs site generates from `text`
  std::vector<Anchor> anchors;  // explicit anchors inside the heading
};

struct Emphasis {
  Span span;      // including the delimiters
  bool strong = false;
};

// `> [!NOTE]` and the other docfx alerts.
struct Alert {
  Span span;          // the `[!NOTE]` marker
  std::string kind;   // NOTE, TIP, IMPORTANT, CAUTION, WARNING (upper case)
};

// `:::name attr="value" ...:::` docfx directives (image, no-loc, zone, ...).
struct Directive {
  Span span;
  std::string name;
  std::vector<HtmlAttribute> attributes;
  const HtmlAttribute* attribute(std::string_view name) const;
};

// ---- segments ------------------------------------------------------------------------------

// One half of a side-by-side pair.
struct SegmentHalf {
  bool present = false;
  std::string id;       // data-ttu-id (target) or data-stu-id (source); may be empty or malformed
  Span id_span;         // the attribute value as written
  bool has_id = false;  // the attribute exists
  Span open;            // the opening tag(s): `<span data-ttu-id="..">` or
                        // `<span class="sxs-lookup"><span data-stu-id="..">`
  Span content;         // between the opening and closing tags
  Span close;           // the closing tag(s); empty when unclosed
  bool closed = false;  // false when a `</span>` is missing or misnested
  // Tags inside the half that its balance ignores, in order: an end tag that closes no element
  // opened in the half (`</a>` after a Markdown link, `</br>`, a `</sub>` opened before the
  // segment; browsers drop them or read `</br>` as `<br>`) and a bare `<span>` that nothing in
  // its block closes (`contoso.<span>com`, which authors write to stop auto-linking). The
  // segment checks compare them with the other half's: copied from the source, they are not the
  // translation's defect.
  std::vector<Span> stray_tags;
};

// `<span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>`.
// Malformed structures are kept: a target without its source twin (source.present == false),
// a source without a target (target.present == false), unclosed halves (closed == false).
struct Segment {
  Span span;          // the whole structure
  uint32_t block = 0;
  SegmentHalf target;
  SegmentHalf source;
  // When the source's outer `<span class="sxs-lookup">` has no inner `data-stu-id` span.
  bool source_missing_inner = false;
  const std::string& id() const { return target.present ? target.id : source.id; }
};

// ---- the document --------------------------------------------------------------------------

// Problems found while reading the file itself; the engine turns them into loclint/* diagnostics.
struct InputProblem {
  enum Kind { InvalidUtf8, NulByte } kind;
  uint32_t offset = 0;
};

// The md4c flags the document model parses Markdown with (an `MD_FLAG_*` bit set): tables and
// strikethrough, as docfx's Markdig and GitHub render them. Not MD_FLAG_PERMISSIVEURLAUTOLINKS:
// in md4c 0.4.8 (Debian 12) it loses the emphasis that follows an inline link to a URL
// (`[app](https://x)(*web* client)` renders its `*` as text and drops the closing one; the
// autolink code was rewritten in md4c 0.5.0, mity/md4c#220). Bare URLs are found by the document
// model itself instead, by GFM's extended-autolink rules (Link kind Autolink, bare_urls.cpp).
// Anything else that parses Markdown to compare with the model uses the same flags.
extern const unsigned kMarkdownParserFlags;

class Document {
 public:
  // Builds the whole model. Never throws for bad content; problems become part of the model.
  static std::shared_ptr<const Document> parse(std::string path, std::string bytes);
  // True when bytes (after an optional BOM) open with the `### YamlMime:` header line that makes
  // a .yml file a document; other YAML files (TOC.yml, docfx.json's friends) are not linted.
  static bool is_yaml_mime(std::string_view bytes);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::string_view slice(Span s) const { return std::string_view(text_).substr(s.begin, s.size()); }
  const LineIndex& lines() const { return lines_; }
  Position position(uint32_t offset, ColumnUnit unit = ColumnUnit::CodePoint) const {
    return lines_.position(offset, unit);
  }

  DocumentKind kind() const { return kind_; }
  bool has_bom() const { return bom_; }
  uint32_t content_start() const { return bom_ ? 3 : 0; }
  bool valid_utf8() const { return valid_utf8_; }
  const std::vector<InputProblem>& input_problems() const { return input_problems_; }

  const FrontMatter& front_matter() const { return front_matter_; }
  // The Markdown body (after the front matter).
  Span body() const { return body_; }

  const std::vector<Block>& blocks() const { return blocks_; }
  const std::vector<InlineToken>& inlines() const { return inlines_; }
  const std::vector<CodeSpan>& code_spans() const { return code_spans_; }
  const std::vector<CodeBlock>& code_blocks() const { return code_blocks_; }
  // The code block that blocks()[block] is (the one whose content begins where the block does;
  // binary search), or null when that block is not a code block or is an empty fence (no content,
  // so no CodeBlock).
  const CodeBlock* code_block(uint32_t block) const;
  const std::vector<Link>& links() const { return links_; }
  const std::vector<HtmlTag>& html_tags() const { return html_tags_; }
  const std::vector<Anchor>& anchors() const { return anchors_; }  // every explicit anchor
  const std::vector<Heading>& headings() const { return headings_; }
  const std::vector<Emphasis>& emphasis() const { return emphasis_; }
  const std::vector<Alert>& alerts() const { return alerts_; }
  const std::vector<Directive>& directives() const { return directives_; }
  const std::vector<Segment>& segments() const { return segments_; }
  // The [first, last) range of inlines() that belongs to blocks()[block].
  std::pair<uint32_t, uint32_t> block_inlines(uint32_t block) const {
    return block < block_inlines_.size() ? block_inlines_[block] : std::pair<uint32_t, uint32_t>{0, 0};
  }

  // True when the offset is inside a code block or a code span (text there is never markup).
  bool in_code(uint32_t offset) const;

  // Elements whose span lies inside `range` (sorted by offset, found by binary search).
  template <typename T>
  static std::pair<typename std::vector<T>::const_iterator, typename std::vector<T>::const_iterator>
  within(const std::vector<T>& items, Span range);

  // Internal: the builders fill these.
  struct Builder;

 private:
  Document() = default;
  friend struct Builder;

  std::string path_;
  std::string text_;
  LineIndex lines_;
  DocumentKind kind_ = DocumentKind::Markdown;
  bool bom_ = false;
  bool valid_utf8_ = true;
  std::vector<InputProblem> input_problems_;
  FrontMatter front_matter_;
  Span body_;
  std::vector<Block> blocks_;
  std::vector<InlineToken> inlines_;
  std::vector<CodeSpan> code_spans_;
  std::vector<CodeBlock> code_blocks_;
  std::vector<Link> links_;
  std::vector<HtmlTag> html_tags_;
  std::vector<Anchor> anchors_;
  std::vector<Heading> headings_;
  std::vector<Emphasis> emphasis_;
  std::vector<Alert> alerts_;
  std::vector<Directive> directives_;
  std::vector<Segment> segments_;
  std::vector<std::pair<uint32_t, uint32_t>> block_inlines_;
};

template <typename T>
std::pair<typename std::vector<T>::const_iterator, typename std::vector<T>::const_iterator>
Document::within(const std::vector<T>& items, Span range) {
  auto first = std::lower_bound(items.begin(), items.end(), range.begin,
                                [](const T& item, uint32_t off) { return item.span.begin < off; });
  auto last = first;
  while (last != items.end() && last->span.begin < range.end) ++last;
  // Items starting inside the range but ending past it are not "within"; callers filter if needed.
  return {first, last};
}

// Parses one HTML tag starting at text[0] == '<'. Returns the tag length, or 0 when the text is
// not a tag. Used for inline HTML, HTML blocks and the tags md4c leaves in text.
size_t parse_html_tag(std::string_view text, uint32_t base_offset, HtmlTag& out);

// The length in bytes of the extended URL autolink (GFM spec 0.29, section 6.9, "Autolinks
// (extension)": `http://`, `https://` or `ftp://`, a valid domain, a path up to white space or
// `<` less trailing punctuation) that starts at text[i], or 0. Whether the byte before i is a
// boundary (white space, `*`, `_`, `~`, `(`) is the caller's question: the document reads a bare
// URL only after one; the code family also looks for URLs a translation wrote without one.
size_t extended_url_autolink(std::string_view text, size_t i);

// The id a docs site (docfx / Markdig auto-identifiers) generates for a heading's text:
// lowercase, white space to '-', punctuation dropped, letters and digits of every script kept.
std::string heading_slug(std::string_view text);

// Every fragment a link may jump to in a document: explicit `<a name>` / `id=` anchors and the
// heading ids the publishing site generates (docfx renders both halves of a side-by-side heading,
// so both the visible-text id and the whole-text id are accepted; repeats get -1, -2...).
struct AnchorSet {
  std::vector<std::string> ids;          // sorted, unique; matched case-sensitively as browsers do
  std::vector<std::string> suggestions;  // explicit anchors and visible-text heading ids, file order
  // Each explicit anchor written inside a heading, with that heading's visible-text id, in file
  // order (`### <a name="x"></a>Titre`: {"x", "titre"}): which heading carries a repeated anchor.
  std::vector<std::pair<std::string, std::string>> heading_anchors;
  // Destinations of the document's `[!INCLUDE]` links, as written: the included files' headings
  // are headings of the published page too (docfx inlines them).
  std::vector<std::string> includes;
  // Every link destination of the document as written, sorted and unique: a translation's link
  // that its source-language article also has was copied, not changed, by the translation.
  std::vector<std::string> destinations;
  // A side-by-side document's English page: the ids its headings get from their source halves
  // (the English text), numbered as Markdig numbers repeated ones, sorted. Empty for a document
  // without segments. A link the English half has too is inherited only if the English page
  // lacks the anchor as well (the pipeline writes one `<a name>` per heading from its English
  // text, without numbering: two "Minimum requirements" headings both get `minimum-requirements`).
  std::vector<std::string> source_ids;
  bool contains(std::string_view id) const {
    return std::binary_search(ids.begin(), ids.end(), id, std::less<>());
  }
};
AnchorSet anchor_set(const Document& doc);

}  // namespace loclint
