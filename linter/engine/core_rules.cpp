// The rules of the tool itself. The engine (engine.cpp, discovery.cpp) reports them.
#include "loclint/core_rules.h"

#include "loclint/suppression.h"

namespace loclint {

using namespace std::string_view_literals;

const Rule kUnreadableFile{
    .id = "loclint/unreadable-file",
    .severity = Severity::Error,
    .summary = "a path given to loclint could not be read",
    .checks = "loclint could not open or read this path: it does not exist, permissions forbid it, it is a FIFO, "
              "socket or device, or it disappeared during the run. A folder (given, or met while walking a "
              "folder given) is reported the same way. Nothing in it was checked.",
    .why = "The run goes on with the other files and exits with code 2, because the tool could not do its job "
           "completely. Fix the path, or exclude it.",
    .fires = {.form = ExampleForm::Absent, .path = "missing.md"},
    .passes = {.text = "Un article.\n"},
};

const Rule kBinaryFile{
    .id = "loclint/binary-file",
    .severity = Severity::Warning,
    .summary = "a file that looks binary was skipped",
    .checks = "The file has a NUL byte in its first 8000 bytes (the same test git uses), so it is not a text "
              "document and was not linted.",
    .why = "An image or an archive saved with a documentation extension is not an article. Remove it from the "
           "docs tree or exclude it with --exclude or the `exclude` list of .loclint.yaml.",
    .fires = {.text = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"sv, .form = ExampleForm::File, .path = "logo.md"},
    .passes = {.text = "Un article.\n"},
};

const Rule kInvalidUtf8{
    .id = "loclint/invalid-utf8",
    .severity = Severity::Error,
    .summary = "bytes that are not valid UTF-8",
    .checks = "The bytes are not valid UTF-8: a file saved in a legacy code page, a truncated multi-byte "
              "character, an overlong or surrogate sequence. One diagnostic per line, with the bytes. The rest "
              "of the file is still linted.",
    .why = "Docs are published as UTF-8: readers would see replacement characters. Re-save the file as UTF-8.",
    .fires = {.text = "Caf\xE9" " au lait, enregistré en Windows-1252.\n"},
    .passes = {.text = "Café au lait, enregistré en UTF-8.\n"},
};

const Rule kNulByte{
    .id = "loclint/nul-byte",
    .severity = Severity::Warning,
    .summary = "a NUL byte inside a text document",
    .checks = "A NUL byte (U+0000) appears in a text document after its first 8000 bytes (earlier, the file "
              "counts as binary: loclint/binary-file).",
    .why = "Markdown renders it as a replacement character and many tools stop reading at it. It is usually left "
           "over from a broken conversion or merge; delete it.",
    .fires = {.text = "Fin de l'article.\0\n"sv, .form = ExampleForm::LongBody},
    .passes = {.text = "Fin de l'article.\n", .form = ExampleForm::LongBody},
};

const Rule kFileTooLarge{
    .id = "loclint/file-too-large",
    .severity = Severity::Error,
    .summary = "a file too large to lint",
    .checks = "The file is larger than loclint reads (256 MiB), far beyond any real article; it was not linted.",
    .why = "A generated dump or an archive named like an article is not documentation. Exclude it.",
    .fires = {.text = "a file of 256 MiB and one byte", .form = ExampleForm::Oversized, .path = "dump.md"},
    .passes = {.text = "Un article.\n"},
};

const Rule kNoDocuments{
    .id = "loclint/no-documents",
    .severity = Severity::Warning,
    .summary = "a folder with no document to lint",
    .checks = "A folder given on the command line holds no Markdown article and no YamlMime YAML file matching "
              "the include and exclude globs.",
    .why = "Nothing was checked there: the path or the globs are probably wrong. Check them.",
    .fires = {.form = ExampleForm::Absent, .path = "images", .files = {{"images/logo.png", ""}}},
    .passes = {.form = ExampleForm::Absent, .path = "docs", .files = {{"docs/index.md", "# Titre\n\nTexte.\n"}}},
};

const Rule kStalePublishConfig{
    .id = "loclint/stale-publish-config",
    .severity = Severity::Warning,
    .summary = "the publish config names docset folders that are not in the repository",
    .checks = "`.openpublishing.publish.config.json` lists a docset whose `build_source_folder` does not exist "
              "(the content moved, and the config was not updated). Reported once per repository, at the "
              "config's line, naming every missing folder. The docsets whose folder exists are used; when none "
              "does, the repository is linted as if it had no publish config (every article is linted, "
              "links included), instead of treating every article as unpublished.",
    .why = "Which files are published articles, where site-absolute links point and which links are checked all "
           "come from the docsets: a stale list silently turns those checks off, and the publishing build does "
           "not publish what the config no longer names. Update `build_source_folder` to the folder that holds "
           "the articles.",
    .fires = {.text = "# Titre\n\nTexte.\n",
              .files = {{".openpublishing.publish.config.json",
                         "{\"docsets_to_publish\": [{\"docset_name\": \"docs\", \"build_source_folder\": \"financials\"}]}\n"}}},
    .passes = {.text = "# Titre\n\nTexte.\n",
               .files = {{".openpublishing.publish.config.json",
                          "{\"docsets_to_publish\": [{\"docset_name\": \"docs\", \"build_source_folder\": \".\"}]}\n"}}},
};

const std::vector<const Rule*>& core_rules() {
  static const std::vector<const Rule*> rules = {&kBinaryFile, &kFileTooLarge,       &kInvalidUtf8,
                                                 &kNoDocuments, &kNulByte,           &kStalePublishConfig,
                                                 &kUnreadableFile, &unused_suppression_rule()};
  return rules;
}

}  // namespace loclint
