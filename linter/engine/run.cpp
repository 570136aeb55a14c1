#include "loclint/run.h"

#include <algorithm>

namespace loclint {

void NoteCounts::add(const SummaryNote& note, size_t n) {
  auto it = std::lower_bound(counts_.begin(), counts_.end(), &note, [](const auto& entry, const SummaryNote* key) {
    return entry.first->rule->id != key->rule->id ? entry.first->rule->id < key->rule->id
                                                  : entry.first->singular < key->singular;
  });
  if (it != counts_.end() && it->first == &note) it->second += n;
  else counts_.insert(it, {&note, n});
}

void NoteCounts::merge(const NoteCounts& other) {
  for (const auto& [note, n] : other.counts_) add(*note, n);
}

void RunStats::count_severities(const std::vector<Finding>& findings) {
  errors = warnings = notes = inherited = 0;
  for (const Finding& f : findings) {
    if (f.diagnostic.inherited()) ++inherited;
    switch (f.diagnostic.severity) {
      case Severity::Error: ++errors; break;
      case Severity::Warning: ++warnings; break;
      case Severity::Note: ++notes; break;
    }
  }
}

}  // namespace loclint
