// Front matter: the `---` block at the top of an article, or the `metadata:` mapping of a
// docfx YamlMime file, parsed with yaml-cpp. Every key keeps its own location.
#include "front_matter.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

#include <algorithm>

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

// yaml-cpp is given the block with '\r' removed; lines stay the same, so a mark's line maps to
// a line of the file. Its column counts bytes of that line.
uint32_t mark_offset(const LineIndex& lines, uint32_t first_line, const YAML::Mark& m, std::string_view text) {
  if (m.line < 0) return lines.line_start(first_line);
  uint32_t line = first_line + static_cast<uint32_t>(m.line);
  line = std::min(line, lines.line_count());
  Span ls = lines.line_span(line);
  uint32_t col = m.column < 0 ? 0u : static_cast<uint32_t>(m.column);
  uint32_t off = std::min(ls.begin + col, ls.end);
  (void)text;
  return off;
}

std::string strip_cr(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += '\n';
      continue;
    }
    out += s[i];
  }
  return out;
}

// Where a scalar written on the line of `m` ends: the rest of the line without comments.
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

// The YAML as a compact tree, built from yaml-cpp's parser events. This is what YAML::Load
// builds (same parser, same nodes, aliases resolved to the anchored node, duplicate keys kept)
// without yaml-cpp's reference-counted node graph, which cost as much as the parse itself.
struct Tree : YAML::EventHandler {
  enum Kind : uint8_t { Null, Scalar, Sequence, Map };
  struct Node {
    Kind kind = Null;
    YAML::Mark mark;
    std::string value;                // scalars
    std::vector<uint32_t> children;   // sequence items; map keys and values alternating
  };
  std::vector<Node> nodes;
  std::vector<uint32_t> stack;        // open collections
  std::vector<uint32_t> anchors;      // anchor_t -> node (anchor 0 is "none")
  bool has_root = false;

  uint32_t add(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    uint32_t id = static_cast<uint32_t>(nodes.size());
    nodes.push_back(Node{kind, mark, {}, {}});
    if (anchor) {
      if (anchors.size() <= anchor) anchors.resize(anchor + 1, UINT32_MAX);
      anchors[anchor] = id;
    }
    attach(id);
    return id;
  }
  void attach(uint32_t id) {
    if (!stack.empty()) nodes[stack.back()].children.push_back(id);
    else has_root = true;
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(Null, mark, anchor); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    // The parser has already rejected unknown anchors; an alias is the anchored node itself.
    if (anchor < anchors.size() && anchors[anchor] != UINT32_MAX) attach(anchors[anchor]);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    nodes[add(Scalar, mark, anchor)].value = value;
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    stack.push_back(add(Sequence, mark, anchor));
  }
  void OnSequenceEnd() override { stack.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    stack.push_back(add(Map, mark, anchor));
  }
  void OnMapEnd() override { stack.pop_back(); }

  // Root of the first document (node 0), or nullptr for an empty document.
  const Node* root() const { return has_root ? &nodes[0] : nullptr; }

  // The value of the first scalar key equal to `key`, or nullptr (like Node::operator[]).
  const Node* find(const Node& map, std::string_view key) const {
    for (size_t i = 0; i + 1 < map.children.size(); i += 2) {
      const Node& k = nodes[map.children[i]];
      if (k.kind == Scalar && k.value == key) return &nodes[map.children[i + 1]];
    }
    return nullptr;
  }
};

// Parses the first YAML document of `yaml` into `tree`; throws YAML::Exception like YAML::Load.
void parse_yaml(const std::string& yaml, Tree& tree) {
  struct View : std::streambuf {
    explicit View(const std::string& s) {
      char* p = const_cast<char*>(s.data());
      setg(p, p, p + s.size());
    }
  } view(yaml);
  std::istream in(&view);
  YAML::Parser parser(in);
  tree.nodes.reserve(64);
  parser.HandleNextDocument(tree);
}

// The entries of `map` into `entries`; a mapping value's own entries go into its `fields`.
void collect(const Tree& tree, const Tree::Node& map, std::vector<FrontMatterEntry>& entries, const LineIndex& lines,
             uint32_t first_line, std::string_view text, int depth = 0) {
  entries.reserve(map.children.size() / 2);
  for (size_t i = 0; i < map.children.size(); i += 2) {
    FrontMatterEntry e;
    const Tree::Node& k = tree.nodes[map.children[i]];
    const Tree::Node* v = i + 1 < map.children.size() ? &tree.nodes[map.children[i + 1]] : nullptr;
    if (k.kind == Tree::Scalar) e.key = k.value;
    uint32_t kb = mark_offset(lines, first_line, k.mark, text);
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
      uint32_t vb = mark_offset(lines, first_line, v->mark, text);
      if (lines.line_of(vb) == line) {
        e.value_span = value_extent(text, vb, ls.end);
      } else {
        // Block scalars (`>` / `|`) and values on following lines: point at the value's start.
        Span vl = lines.line_span(lines.line_of(vb));
        e.value_span = value_extent(text, vb, vl.end);
      }
    } else {
      e.is_scalar = false;
      uint32_t vb = mark_offset(lines, first_line, v->mark, text);
      e.value_span = {vb, vb};
      if (v->kind == Tree::Sequence)
        for (uint32_t item : v->children)
          if (tree.nodes[item].kind == Tree::Scalar) e.items.push_back(tree.nodes[item].value);
      // A hostile file nests mappings thousands deep; real front matter nests one or two.
      if (v->kind == Tree::Map && depth < 8) collect(tree, *v, e.fields, lines, first_line, text, depth + 1);
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
    try {
      Tree tree;
      parse_yaml(strip_cr(text.substr(start)), tree);
      const Tree::Node* root = tree.root();
      if (root && root->kind == Tree::Map) {
        if (const Tree::Node* meta = tree.find(*root, "metadata")) {
          fm.present = true;
          uint32_t mb = mark_offset(lines, lines.line_of(start), meta->mark, text);
          fm.span = {mb, mb};
          if (meta->kind == Tree::Map) {
            collect(tree, *meta, fm.entries, lines, lines.line_of(start), text);
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
    } catch (const YAML::Exception& e) {
      fm.present = true;
      fm.error = FrontMatterError{e.msg, mark_offset(lines, lines.line_of(start), e.mark, text)};
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
  std::string yaml = strip_cr(text.substr(body_begin, body_end - body_begin));
  try {
    Tree tree;
    parse_yaml(yaml, tree);
    const Tree::Node* root = tree.root();
    if (!root || root->kind == Tree::Null) return fm;  // empty front matter
    if (root->kind != Tree::Map) {
      fm.is_mapping = false;
      fm.error = FrontMatterError{"front matter is not a mapping of keys to values", body_begin};
      return fm;
    }
    collect(tree, *root, fm.entries, lines, first + 1, text);
  } catch (const YAML::Exception& e) {
    fm.entries.clear();
    fm.error = FrontMatterError{e.msg, mark_offset(lines, first + 1, e.mark, text)};
  }
  return fm;
}

}  // namespace loclint
