// Front matter: the `---` block at the top of an article, or the `metadata:` mapping of a
// docfx YamlMime file, parsed with libyaml (the reference C implementation of YAML, Debian's
// libyaml-0-2). Every key keeps its own location.
//
// Why libyaml (issue 20): on the front matter of the seven corpus trees it parses 47 MB/s against
// yaml-cpp's 4.8 MB/s and libfyaml's 23 MB/s (bench/yaml_parsers.cpp), and it stops at the same
// line and column as yaml-cpp on every corpus and fixture block with an error. loclint reads
// events only and resolves no tags, so every scalar stays the string written (`no` is the string
// "no", as in YAML 1.2's core schema); only the null forms of that schema (empty, `~`, `null`,
// `Null`, `NULL`, plain and untagged) are read as null.
#include "front_matter.h"
#include "yaml_input.h"

#include <yaml.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

namespace loclint {

const FrontMatterEntry* FrontMatter::find(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

const FrontMatterEntry* FrontMatter::find_path(std::string_view path) const {
  if (const FrontMatterEntry* e = find(path)) return e;
  // `l10n.sourceCommit`: the key `l10n`, then `sourceCommit` among its fields. Keys may contain
  // dots themselves (`ms.sourcegitcommit`), so every split point is tried, longest key first.
  const std::vector<FrontMatterEntry>* level = &entries;
  std::string_view rest = path;
  while (!rest.empty()) {
    const FrontMatterEntry* hit = nullptr;
    size_t used = 0;
    for (const FrontMatterEntry& e : *level) {
      std::string_view k = e.key;
      if (rest.size() > k.size() && rest.substr(0, k.size()) == k && rest[k.size()] == '.' && !e.fields.empty() &&
          k.size() > used) {
        hit = &e;
        used = k.size();
      }
      if (rest == k) return &e;
    }
    if (!hit) return nullptr;
    level = &hit->fields;
    rest.remove_prefix(used + 1);
  }
  return nullptr;
}

namespace {

// The span of a scalar written from `begin` on a line that ends at `line_end`: a quoted one up to
// its closing quote on that line, a plain one up to a comment; trailing blanks left out.
Span value_extent(std::string_view text, uint32_t begin, uint32_t line_end) {
  uint32_t end = line_end;
  if (begin < line_end && (text[begin] == '"' || text[begin] == '\'')) {
    char q = text[begin];
    for (uint32_t i = begin + 1; i < line_end; ++i)
      if (text[i] == q) {
        end = i + 1;
        break;
      }
  } else {
    for (uint32_t i = begin; i + 1 < line_end; ++i)
      if ((text[i] == ' ' || text[i] == '\t') && text[i + 1] == '#') {
        end = i;
        break;
      }
  }
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return {begin, end};
}

// A YAML syntax error: libyaml's problem (and its context, "while scanning a quoted scalar"), and
// where it stopped, as a mark or, for a reader error, as a byte offset into the input.
struct YamlError {
  std::string message;
  YamlMark mark;
  std::optional<uint32_t> byte_offset;
};

// The first YAML document as a compact tree, built from libyaml's parser events: aliases are the
// anchored node itself and duplicate keys are kept (the first one wins in find()).
struct Tree {
  enum Kind : uint8_t { Null, Scalar, Sequence, Map };
  struct Node {
    Kind kind = Null;
    YamlMark mark;
    std::string value;                // scalars
    std::vector<uint32_t> children;   // sequence items; map keys and values alternating
  };
  std::vector<Node> nodes;
  std::vector<uint32_t> stack;                          // open collections
  std::unordered_map<std::string, uint32_t> anchors;    // anchor name -> node (the latest)
  bool has_root = false;
  std::optional<YamlMark> undefined_alias;                  // the first alias of no anchor

  uint32_t add(Kind kind, const yaml_mark_t& mark, const yaml_char_t* anchor) {
    uint32_t id = static_cast<uint32_t>(nodes.size());
    nodes.push_back(Node{kind, YamlMark{static_cast<int>(mark.line), static_cast<int>(mark.column)}, {}, {}});
    if (anchor) anchors[reinterpret_cast<const char*>(anchor)] = id;
    attach(id);
    return id;
  }
  void attach(uint32_t id) {
    if (!stack.empty()) nodes[stack.back()].children.push_back(id);
    else has_root = true;
  }

  // The null forms of the YAML 1.2 core schema, written plain and without a tag.
  static bool is_null(const yaml_event_t& ev) {
    if (ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE || !ev.data.scalar.plain_implicit) return false;
    std::string_view v(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
  }

  // One event of the first document; false once that document has ended.
  bool handle(const yaml_event_t& ev) {
    switch (ev.type) {
      case YAML_SCALAR_EVENT:
        if (is_null(ev)) {
          add(Null, ev.start_mark, ev.data.scalar.anchor);
        } else {
          uint32_t id = add(Scalar, ev.start_mark, ev.data.scalar.anchor);
          nodes[id].value.assign(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
        }
        return true;
      case YAML_ALIAS_EVENT:
        // libyaml leaves it to the reader to check that the anchor is defined (YAML 1.2, 7.1).
        if (auto it = anchors.find(reinterpret_cast<const char*>(ev.data.alias.anchor)); it != anchors.end()) {
          attach(it->second);
        } else if (!undefined_alias) {
          undefined_alias = YamlMark{static_cast<int>(ev.start_mark.line), static_cast<int>(ev.start_mark.column)};
        }
        return true;
      case YAML_SEQUENCE_START_EVENT:
        stack.push_back(add(Sequence, ev.start_mark, ev.data.sequence_start.anchor));
        return true;
      case YAML_MAPPING_START_EVENT:
        stack.push_back(add(Map, ev.start_mark, ev.data.mapping_start.anchor));
        return true;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        if (!stack.empty()) stack.pop_back();
        return true;
      case YAML_DOCUMENT_END_EVENT:
      case YAML_STREAM_END_EVENT:
        return false;
      default:
        return true;
    }
  }

  // Root of the first document (node 0), or nullptr for an empty document.
  const Node* root() const { return has_root ? &nodes[0] : nullptr; }

  // The value of the first scalar key equal to `key`, or nullptr.
  const Node* find(const Node& map, std::string_view key) const {
    for (size_t i = 0; i + 1 < map.children.size(); i += 2) {
      const Node& k = nodes[map.children[i]];
      if (k.kind == Scalar && k.value == key) return &nodes[map.children[i + 1]];
    }
    return nullptr;
  }
};

// Parses the first YAML document of `input` into `tree`; the error where libyaml stopped, if any.
std::optional<YamlError> parse_yaml(const YamlInput& input, Tree& tree) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return YamlError{"out of memory", {}, 0u};
  std::unique_ptr<yaml_parser_t, void (*)(yaml_parser_t*)> guard(&parser, yaml_parser_delete);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(input.bytes.data()),
                               input.bytes.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  tree.nodes.reserve(64);
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      YamlError err;
      err.message = parser.problem ? parser.problem : "invalid YAML";
      if (parser.context) err.message += std::string(" ") + parser.context;
      if (parser.error == YAML_READER_ERROR)
        err.byte_offset = static_cast<uint32_t>(std::min(parser.problem_offset, input.bytes.size()));
      else
        err.mark = YamlMark{static_cast<int>(parser.problem_mark.line), static_cast<int>(parser.problem_mark.column)};
      return err;
    }
    const bool more = tree.handle(ev);
    yaml_event_delete(&ev);
    if (tree.undefined_alias) return YamlError{"found an alias of an undefined anchor", *tree.undefined_alias, {}};
    if (!more) {
      for (Tree::Node& node : tree.nodes)
        if (node.kind == Tree::Scalar) input.restore(node.value);
      return std::nullopt;
    }
  }
}

// Where the error is, in the file: the YAML starts on line `first_line`.
uint32_t error_offset(const LineIndex& lines, uint32_t first_line, const YamlInput& input, const YamlError& err) {
  if (!err.byte_offset) return mark_offset(lines, first_line, input, err.mark);
  // A reader error counts bytes of the input; find its line and column the same way.
  const uint32_t line = input.lines.line_of(*err.byte_offset);  // 1-based
  uint32_t l = std::min(first_line + line - 1, lines.line_count());
  Span ls = lines.line_span(l);
  return std::min(ls.begin + (*err.byte_offset - input.line_begin(line)), ls.end);
}

// The entries of `map` into `entries`; a mapping value's own entries go into its `fields`.
void collect(const Tree& tree, const Tree::Node& map, std::vector<FrontMatterEntry>& entries, const LineIndex& lines,
             uint32_t first_line, const YamlInput& input, std::string_view text, int depth = 0) {
  entries.reserve(map.children.size() / 2);
  for (size_t i = 0; i < map.children.size(); i += 2) {
    FrontMatterEntry e;
    const Tree::Node& k = tree.nodes[map.children[i]];
    const Tree::Node* v = i + 1 < map.children.size() ? &tree.nodes[map.children[i + 1]] : nullptr;
    if (k.kind == Tree::Scalar) e.key = k.value;
    uint32_t kb = mark_offset(lines, first_line, input, k.mark);
    uint32_t line = lines.line_of(kb);
    Span ls = lines.line_span(line);
    uint32_t ke = kb;
    // The key as written: up to the ':' that ends it (quoted keys included).
    if (kb < ls.end && (text[kb] == '"' || text[kb] == '\'')) {
      char q = text[kb];
      ke = kb + 1;
      while (ke < ls.end && text[ke] != q) ++ke;
      if (ke < ls.end) ++ke;
    } else {
      while (ke < ls.end && text[ke] != ':') ++ke;
      while (ke > kb && (text[ke - 1] == ' ' || text[ke - 1] == '\t')) --ke;
    }
    e.key_span = {kb, ke};
    if (!v || v->kind == Tree::Null) {
      e.is_null = true;
      e.value_span = {ls.end, ls.end};
    } else if (v->kind == Tree::Scalar) {
      e.value = v->value;
      uint32_t vb = mark_offset(lines, first_line, input, v->mark);
      if (lines.line_of(vb) == line) {
        e.value_span = value_extent(text, vb, ls.end);
      } else {
        // Block scalars (`>` / `|`) and values on following lines: point at the value's start.
        Span vl = lines.line_span(lines.line_of(vb));
        e.value_span = value_extent(text, vb, vl.end);
      }
    } else {
      e.is_scalar = false;
      uint32_t vb = mark_offset(lines, first_line, input, v->mark);
      e.value_span = {vb, vb};
      if (v->kind == Tree::Sequence)
        for (uint32_t item : v->children)
          if (tree.nodes[item].kind == Tree::Scalar) e.items.push_back(tree.nodes[item].value);
      // A hostile file nests mappings thousands deep; real front matter nests one or two.
      if (v->kind == Tree::Map && depth < 8) collect(tree, *v, e.fields, lines, first_line, input, text, depth + 1);
    }
    entries.push_back(std::move(e));
  }
}

}  // namespace

FrontMatter parse_front_matter(std::string_view text, const LineIndex& lines, uint32_t start, bool yaml_mime,
                               Span* body_out) {
  FrontMatter fm;
  const uint32_t n = static_cast<uint32_t>(text.size());
  *body_out = {start, n};
  if (yaml_mime) {
    // The whole file is YAML; its metadata sits under `metadata:`.
    fm.body = {start, n};
    const YamlInput input(text.substr(start));
    const uint32_t first_line = lines.line_of(start);
    Tree tree;
    if (auto err = parse_yaml(input, tree)) {
      fm.present = true;
      fm.error = FrontMatterError{err->message, error_offset(lines, first_line, input, *err)};
      return fm;
    }
    const Tree::Node* root = tree.root();
    if (root && root->kind == Tree::Map) {
      if (const Tree::Node* meta = tree.find(*root, "metadata")) {
        fm.present = true;
        uint32_t mb = mark_offset(lines, first_line, input, meta->mark);
        fm.span = {mb, mb};
        if (meta->kind == Tree::Map) {
          collect(tree, *meta, fm.entries, lines, first_line, input, text);
          if (!fm.entries.empty()) {
            uint32_t last = fm.entries.back().value_span.end;
            fm.span = {lines.line_start(lines.line_of(mb)), std::max(last, mb)};
          }
        } else {
          fm.is_mapping = false;
        }
      }
    } else {
      fm.is_mapping = false;
    }
    return fm;
  }

  // `---` on the first line, then YAML, then `---` (or `...`) on a line of its own.
  auto line_is = [&](uint32_t line, std::string_view a, std::string_view b) {
    Span s = lines.line_span(line);
    std::string_view l = text.substr(s.begin, s.size());
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l == a || (!b.empty() && l == b);
  };
  const uint32_t first = lines.line_of(start);
  if (first > lines.line_count() || !line_is(first, "---", "")) return fm;
  // A thematic break followed by Markdown is not front matter; but a document starting with
  // `---` is front matter in docfx, so treat it as such and report when it is never closed.
  fm.present = true;
  uint32_t close = 0;
  for (uint32_t l = first + 1; l <= lines.line_count(); ++l)
    if (line_is(l, "---", "...")) {
      close = l;
      break;
    }
  const uint32_t body_begin = first + 1 <= lines.line_count() ? lines.line_start(first + 1) : n;
  if (close == 0) {
    fm.terminated = false;
    fm.span = {start, n};
    fm.body = {std::min(body_begin, n), n};
    fm.error = FrontMatterError{"front matter is never closed: no '---' line after the opening one", start};
    *body_out = {n, n};
    return fm;
  }
  const uint32_t body_end = lines.line_start(close);
  Span close_line = lines.line_span(close);
  uint32_t after = close < lines.line_count() ? lines.line_start(close + 1) : close_line.end;
  fm.span = {start, close_line.end};
  fm.body = {body_begin, body_end};
  *body_out = {after, n};
  const YamlInput input(text.substr(body_begin, body_end - body_begin));
  Tree tree;
  if (auto err = parse_yaml(input, tree)) {
    fm.error = FrontMatterError{err->message, error_offset(lines, first + 1, input, *err)};
    return fm;
  }
  const Tree::Node* root = tree.root();
  if (!root || root->kind == Tree::Null) return fm;  // empty front matter
  if (root->kind != Tree::Map) {
    fm.is_mapping = false;
    fm.error = FrontMatterError{"front matter is not a mapping of keys to values", body_begin};
    return fm;
  }
  collect(tree, *root, fm.entries, lines, first + 1, input, text);
  return fm;
}

}  // namespace loclint
