// .loclint.yaml: loading, errors with file:line:col and key, merging with the command line,
// nearest-file lookup, include/exclude relative to the file; and the CLI end to end.
#include <gtest/gtest.h>

#include "loclint/config_file.h"
#include "loclint/engine.h"
#include "loclint/read_file.h"
#include "process_util.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

const std::string kBinary = LOCLINT_BINARY;
const std::string kBadFrontMatter = "---\ntitle: Titre: sous-titre\n---\n\n# T\n";

const Rule& rule(std::string_view id) { return *checks::find_rule(id); }

// Rules with options, as check families declare them (the registry may not have any yet).
const Rule kWithOptions{.id = "metadata/missing-key", .severity = Severity::Error, .summary = "s",
                        .options = {{"required", OptionType::List, "", "keys"}}};

std::vector<const Rule*> rules() {
  auto r = checks::all_rules();
  if (!checks::find_rule("metadata/missing-key")) r.push_back(&kWithOptions);
  return r;
}

std::string load_error(const std::string& yaml) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", yaml);
  try {
    load_config_file(dir / ".loclint.yaml", rules());
  } catch (const ConfigError& e) {
    std::string m = e.what();
    std::string prefix = (dir / ".loclint.yaml").string();
    EXPECT_TRUE(m.starts_with(prefix)) << m;
    return m.substr(prefix.size());
  }
  return "no error";
}

TEST(ConfigFile, LoadsEveryKey) {
  ScratchDir dir;
  write_file(dir / "docs/.loclint.yaml",
             "enable: [loclint/nul-byte]\n"
             "disable: [loclint, metadata]\n"
             "severity:\n  metadata/syntax: warning\n  loclint: note\n"
             "options:\n  metadata/missing-key:\n    required: [title, description]\n  metadata:\n    required: ms.date\n"
             "locale: fr-FR\n"
             "source-root: ../en-us\n"
             "include: ['articles/**']\n"
             "exclude: includes/**\n");
  Config c = load_config_file(dir / "docs/.loclint.yaml", rules());
  // General before specific: the family is off, the one rule named in `enable` stays on.
  EXPECT_FALSE(c.enabled(rule("loclint/invalid-utf8")));
  EXPECT_TRUE(c.enabled(rule("loclint/nul-byte")));
  EXPECT_FALSE(c.enabled(rule("metadata/syntax")));
  EXPECT_EQ(c.severity_of(rule("metadata/syntax")), Severity::Warning);
  EXPECT_EQ(c.severity_of(rule("loclint/nul-byte")), Severity::Note);
  EXPECT_EQ(c.option("metadata/missing-key", "required"), std::vector<std::string>({"title", "description"}));
  EXPECT_EQ(c.option("metadata/other", "required"), std::vector<std::string>({"ms.date"}));
  EXPECT_EQ(c.locale, "fr-FR");
  EXPECT_EQ(*c.source_root, (dir.path() / "en-us").lexically_normal());
  EXPECT_EQ(c.file_include, std::vector<std::string>({"articles/**"}));
  EXPECT_EQ(c.file_exclude, std::vector<std::string>({"includes/**"}));
}

TEST(ConfigFile, EmptyFileIsTheDefaults) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", "# nothing yet\n");
  Config c = load_config_file(dir / ".loclint.yaml", rules());
  EXPECT_TRUE(c.enable.empty());
  EXPECT_TRUE(c.enabled(rule("metadata/syntax")));
}

TEST(ConfigFile, ErrorsNameFileLineColumnAndKey) {
  EXPECT_EQ(load_error("enable: [metadata]\nbogus: 1\n"),
            ":2:1: unknown key 'bogus' (known keys: enable, disable, severity, options, locale, source-root, pairing, include, exclude, inherited)");
  EXPECT_EQ(load_error("disable:\n  - metdata\n"), ":2:5: 'disable': unknown rule or family 'metdata' (see loclint --list-rules)");
  EXPECT_EQ(load_error("severity:\n  metadata/syntax: fatal\n"),
            ":2:20: 'severity' of 'metadata/syntax': expected error, warning or note");
  EXPECT_EQ(load_error("severity: [a]\n"), ":1:11: 'severity': expected a mapping");
  EXPECT_EQ(load_error("options:\n  metadata/missing-key:\n    requird: [a]\n"),
            ":3:5: 'options' of 'metadata/missing-key': unknown option 'requird' (known: convention, required, required-outside-docset)");
  EXPECT_EQ(load_error("options:\n  loclint/nul-byte: {x: 1}\n"),
            ":2:22: 'options' of 'loclint/nul-byte': unknown option 'x' (it has no options)");
  EXPECT_EQ(load_error("locale: [fr]\n"), ":1:9: 'locale': expected a non-empty string");
  EXPECT_EQ(load_error("include: {a: b}\n"), ":1:10: 'include': expected a string or a list of strings");
  EXPECT_EQ(load_error("enable: [metadata\n"), ":2:1: invalid YAML: end of sequence flow not found");
  EXPECT_EQ(load_error("- enable\n"), ":1:1: expected a mapping of settings (enable, disable, severity, options, ...)");
}

TEST(ConfigFile, CommandLineWins) {
  Config file;
  file.enable = {{"metadata", false}};
  file.severity["loclint"] = Severity::Note;
  file.options["metadata.required"] = {"title"};
  file.locale = "fr-FR";
  file.file_exclude = {"x/**"};
  Config cli;
  cli.enable = {{"metadata/syntax", true}};
  cli.severity["loclint"] = Severity::Warning;
  cli.options["metadata.required"] = {"description"};
  cli.exclude = {"*.tmp.md"};
  Config c = merge_configs(file, cli);
  EXPECT_TRUE(c.enabled(rule("metadata/syntax")));
  EXPECT_EQ(c.severity_of(rule("loclint/nul-byte")), Severity::Warning);
  EXPECT_EQ(c.option("metadata/syntax", "required"), std::vector<std::string>({"description"}));
  EXPECT_EQ(c.locale, "fr-FR");  // not given on the command line: the file's
  EXPECT_EQ(c.file_exclude, std::vector<std::string>({"x/**"}));
  EXPECT_EQ(c.exclude, std::vector<std::string>({"*.tmp.md"}));
}

TEST(ConfigFile, NearestFileWinsWhole) {
  ScratchDir dir;
  write_file(dir / ".loclint.yaml", "severity: {metadata: warning}\n");
  write_file(dir / "a/b/.loclint.yaml", "locale: de-DE\n");
  ConfigResolver resolver({}, {}, rules());
  auto top = resolver.for_path(dir / "x.md");
  auto mid = resolver.for_path(dir / "a/y.md");
  auto deep = resolver.for_path(dir / "a/b/c/z.md");
  EXPECT_EQ(top->severity_of(rule("metadata/syntax")), Severity::Warning);
  EXPECT_EQ(mid.get(), top.get());  // one Config per file, shared
  EXPECT_EQ(deep->severity_of(rule("metadata/syntax")), Severity::Error);  // files do not combine
  EXPECT_EQ(deep->locale, "de-DE");
  EXPECT_EQ(deep->file, dir / "a/b/.loclint.yaml");
}

TEST(ConfigFile, ExplicitConfigAppliesEverywhere) {
  ScratchDir dir;
  write_file(dir / "conf/loclint.yaml", "locale: it-IT\n");
  write_file(dir / "docs/.loclint.yaml", "locale: de-DE\n");
  ConfigResolver resolver({}, dir / "conf/loclint.yaml", rules());
  EXPECT_EQ(resolver.for_path(dir / "docs/a.md")->locale, "it-IT");
  EXPECT_THROW(ConfigResolver({}, dir / "nope.yaml", rules()), ConfigError);
}

// --- end to end ---------------------------------------------------------------------------

fs::path make_tree(const ScratchDir& dir) {
  write_file(dir / "docs/a.md", kBadFrontMatter);
  write_file(dir / "docs/includes/inc.md", kBadFrontMatter);
  write_file(dir / "docs/sub/b.md", kBadFrontMatter);
  return dir.path();
}

Result loclint(const std::string& args, const fs::path& cwd) { return run(sh_quote(kBinary) + " " + args, cwd); }

TEST(ConfigFileCli, FolderConfigsSelectSeveritiesAndFiles) {
  ScratchDir dir;
  fs::path root = make_tree(dir);
  write_file(root / "docs/.loclint.yaml", "severity: {metadata/syntax: warning}\nexclude: ['includes/**']\n");
  write_file(root / "docs/sub/.loclint.yaml", "disable: [metadata]\n");
  Result r = loclint("docs", root);
  EXPECT_EQ(r.out, "docs/a.md:2:13: warning: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n");
  EXPECT_EQ(r.exit, 0) << r.err;  // a warning is below the default --fail-on
  // A file named on the command line (as pre-commit does) is excluded the same way.
  r = loclint("docs/includes/inc.md docs/a.md", root);
  EXPECT_EQ(r.out, "docs/a.md:2:13: warning: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n");
  // The command line wins over the file.
  r = loclint("--severity metadata/syntax=error docs/a.md", root);
  EXPECT_EQ(r.exit, 1);
  EXPECT_NE(r.out.find("error: front matter"), std::string::npos);
  r = loclint("--enable metadata docs/sub/b.md", root);
  EXPECT_EQ(r.exit, 1) << r.out;
  // --no-config and --config.
  r = loclint("--no-config docs", root);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;
  write_file(root / "strict.yaml", "severity: {metadata: note}\n");
  r = loclint("--config strict.yaml docs", root);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;
  EXPECT_EQ(r.out.find("error"), std::string::npos) << r.out;
}

TEST(ConfigFileCli, BadConfigIsExitTwoWithLocation) {
  ScratchDir dir;
  fs::path root = make_tree(dir);
  write_file(root / "docs/sub/.loclint.yaml", "enable: [metadata]\nseverity:\n  metadata: loud\n");
  Result r = loclint("docs", root);
  EXPECT_EQ(r.exit, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("docs/sub/.loclint.yaml:3:13: 'severity' of 'metadata': expected error, warning or note"),
            std::string::npos)
      << r.err;
  r = loclint("--config missing.yaml docs", root);
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("missing.yaml: cannot read configuration file: No such file or directory"), std::string::npos)
      << r.err;
}

// The file is read with read_whole_file: a regular file of at most kMaxConfigFileSize (1 MiB),
// since its relative paths are resolved against its folder. Each refusal says why, exit 2.
TEST(ConfigFileCli, AConfigThatIsNoRegularFileOrTooLargeIsRefusedWithTheReason) {
  ScratchDir dir;
  fs::path root = make_tree(dir);
  fs::create_directories(root / "folder.yaml");
  Result r = loclint("--config folder.yaml docs", root);
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("folder.yaml: cannot read configuration file: is a directory"), std::string::npos) << r.err;
  // A FIFO is refused before it is read, even one a writer holds open (it would block the run).
  r = run("mkfifo fifo.yaml && { sleep 5 > fifo.yaml & w=$!; " + sh_quote(kBinary) +
              " --config fifo.yaml docs; s=$?; kill $w 2>/dev/null; exit $s; }",
          root);
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("fifo.yaml: cannot read configuration file: not a regular file (a FIFO)"), std::string::npos)
      << r.err;
  write_file(root / "big.yaml", "# " + std::string(kMaxConfigFileSize, 'x') + "\n");
  r = loclint("--config big.yaml docs", root);
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("big.yaml: cannot read configuration file: larger than 1 MiB (1048576 bytes)"), std::string::npos)
      << r.err;
}

TEST(ConfigFileCli, RepeatableOptionsTakeOneValueSoFileNamesFollow) {
  // pre-commit appends file names after the hook's args.
  ScratchDir dir;
  fs::path root = make_tree(dir);
  Result r = loclint("--exclude '*inc.md' --disable loclint docs/a.md docs/includes/inc.md", root);
  EXPECT_EQ(r.out, "docs/a.md:2:13: error: front matter is not valid YAML: mapping values are not allowed in this context [metadata/syntax]\n") << r.err;
}

}  // namespace
