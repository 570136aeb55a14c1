// checks/segment: the side-by-side segment structure the localization pipeline re-imports by id.
//
// `<span data-ttu-id="f4053-120">traduction</span><span class="sxs-lookup"><span data-stu-id="f4053-120">source</span></span>`
//
// One defect gives one diagnostic. The Analysis first pairs what the model extracted into
// logical segments, "units" (an unclosed target and the source twin it ran into are one unit, so
// is a target and a twin separated by white space), then reports structure, then ids, then
// content, each only for the units the previous stages left intact. Each rule's file holds its
// constant and its part of the analysis; analysis.cpp holds the pairing and the order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "loclint/check.h"
#include "text.h"

namespace loclint::checks::segment {

// ---- the rules, each in <rule-name>.cpp ---------------------------------------------------
extern const Rule kMalformedId;
extern const Rule kIdMismatch;
extern const Rule kMissingSource;
extern const Rule kMissingTarget;
extern const Rule kDuplicateId;
extern const Rule kMixedPrefix;
extern const Rule kOutOfOrder;
extern const Rule kUnclosedSpan;
extern const Rule kEmptyTarget;
extern const Rule kUntranslated;
// new-rule: declarations above this line (ci/new-rule)

// The one check of the family: the Analysis below, over every rule above.
void check_segments(const Document& doc, const Env& env, Reporter& out);

// A broken segment tag left as text: `<span data-ttu-id="f4053-1>` that no HTML parser takes.
struct Remnant {
  Span span;
  bool target = false;  // data-ttu-id (else data-stu-id)
  bool well_formed = false;  // a complete tag in text md4c does not render: not reported
};

// Every remnant of the document, in file order (malformed_id.cpp).
std::vector<Remnant> find_remnants(const Document& doc);

// A segment as the pipeline would see it, after pairing pieces the model had to keep apart.
struct Unit {
  const Segment* seg = nullptr;
  const Segment* twin = nullptr;     // a source-only segment that is this target's source
  const Segment* inner = nullptr;    // a bare data-stu-id span inside this source's sxs-lookup
  bool twin_separated = false;       // twin found, but not adjacent to the target
  bool structure_reported = false;   // a structural rule claimed it: skip the id and content rules
  const Remnant* remnant = nullptr;  // a broken tag standing in for the missing half

  // The segment holding this unit's source half, or nullptr.
  const Segment* source() const { return twin ? twin : (seg->source.present ? seg : nullptr); }
  uint32_t end() const { return (inner ? inner : twin ? twin : seg)->span.end; }
  std::string_view id() const { return seg->id(); }
  // The half whose id names the unit: the translation's, or the source's when it stands alone.
  const SegmentHalf& primary_half() const { return seg->target.present ? seg->target : seg->source; }
};

class Analysis {
 public:
  Analysis(const Document& doc, const Env& env, Reporter& out) : doc_(doc), env_(env), out_(out) {}
  void run();

 private:
  // analysis.cpp: pairing and the order of the stages.
  void pair_units();
  void report_structure();
  Span whole(const SegmentHalf& h) const { return {h.open.begin, std::max(h.close.end, h.content.end)}; }
  const Remnant* remnant_between(uint32_t from, uint32_t to, bool target) const;
  bool is_bare_source(const Segment& s) const;

  // Structure: each claims the unit (returns true) when its case applies, reported or not.
  bool missing_target(const Unit& u);   // missing_target.cpp
  bool unclosed_target(const Unit& u);  // unclosed_span.cpp
  bool unclosed_source(const Unit& u);  // unclosed_span.cpp
  bool no_source_twin(const Unit& u);   // missing_source.cpp
  bool separated_twin(const Unit& u);   // missing_source.cpp
  bool bare_source(const Unit& u);      // missing_source.cpp
  // Whether the unit's sxs-lookup wrapper stands after its translation with its attribute quoted
  // by `&quot;` (`<span class=&quot;sxs-lookup&quot;>`): the damage of the unit's id too, which
  // segment/malformed-id reports; the twin is neither separated nor unwrapped (missing_source.cpp).
  bool quoted_wrapper(const Unit& u) const;
  bool missing_inner(const Unit& u);    // malformed_id.cpp
  std::string stop_reason(const SegmentHalf& h) const;  // unclosed_span.cpp
  void report_stray_tags();                              // unclosed_span.cpp

  // Ids: `ids[i]` is unit i's parsed id, reset once a rule has reported it.
  using Ids = std::vector<std::optional<SegmentId>>;
  void report_remnants();                                  // malformed_id.cpp
  void report_malformed(const SegmentHalf& h, bool target);  // malformed_id.cpp
  Ids report_ids();                                        // id_mismatch.cpp
  void report_duplicates(Ids& ids);                        // duplicate_id.cpp
  void report_prefixes(Ids& ids);                          // mixed_prefix.cpp
  void report_order(const Ids& ids);                       // out_of_order.cpp
  void report_order(const Ids& ids, const std::vector<size_t>& seq);

  // Content.
  void report_content();                       // untranslated.cpp
  bool empty_target(const Unit& u);            // empty_target.cpp
  bool merged_into_previous(const Unit& u) const;  // empty_target.cpp

  const Document& doc_;
  const Env& env_;
  Reporter& out_;
  std::vector<Remnant> remnants_;
  std::vector<Unit> units_;
};

}  // namespace loclint::checks::segment
