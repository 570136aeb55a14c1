#include "loclint/core_rules.h"

#include "loclint/suppression.h"

namespace loclint {

const Rule kUnreadableFile{
    "loclint/unreadable-file", Severity::Error, "a path given to loclint could not be read",
    "loclint could not open or read this path (it does not exist, permissions forbid it, or it "
    "disappeared during the run). Nothing in it was checked. The run goes on with the other files "
    "and exits with code 2, because the tool could not do its job completely.",
    "loclint docs/missing.md"};
const Rule kBinaryFile{"loclint/binary-file", Severity::Warning, "a file that looks binary was skipped",
                   "The file has a NUL byte in its first 8000 bytes (the same test git uses), so it is not a "
                   "text document and was not linted. Remove it from the docs tree or exclude it with "
                   "--exclude or the `exclude` list of .loclint.yaml.",
                   "an image saved with a .md extension"};
const Rule kInvalidUtf8{"loclint/invalid-utf8", Severity::Error, "bytes that are not valid UTF-8",
                        "Docs are published as UTF-8. These bytes are not valid UTF-8 (a file saved in a legacy "
                        "code page, a truncated multi-byte character, an overlong or surrogate sequence), so "
                        "readers would see replacement characters. Re-save the file as UTF-8. The rest of the "
                        "file is still linted.",
                        "caf\\xE9 saved in Windows-1252"};
const Rule kNulByte{"loclint/nul-byte", Severity::Warning, "a NUL byte inside a text document",
                    "A NUL byte (U+0000) appears in the document. Markdown renders it as a replacement "
                    "character and many tools stop reading at it. It is usually left over from a broken "
                    "conversion or merge; delete it.",
                    "text\\0text"};
const Rule kFileTooLarge{"loclint/file-too-large", Severity::Error, "a file too large to lint",
                     "The file is larger than loclint's limit (256 MiB), far beyond any real article; it "
                     "was not linted. Exclude it if it is not documentation.",
                     "a 300 MB generated dump named .md"};
const Rule kNoDocuments{"loclint/no-documents", Severity::Warning, "a folder with no document to lint",
                        "A folder given on the command line holds no Markdown article and no YamlMime YAML file "
                        "matching the include and exclude globs, so nothing was checked there. Check the path "
                        "and the globs.",
                        "loclint images/"};

const std::vector<const Rule*>& core_rules() {
  static const std::vector<const Rule*> rules = {&kBinaryFile,  &kFileTooLarge, &kInvalidUtf8, &kNoDocuments,
                                                 &kNulByte,     &kUnreadableFile, &unused_suppression_rule()};
  return rules;
}

}  // namespace loclint
