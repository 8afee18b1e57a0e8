// Where templates may be read from (docs/security.md): the fact file's folder tree, the template
// folders (built-in, --template-dir, FACTLINE_TEMPLATE_PATH) and a command-line template's
// folder; anything else is refused before it is opened, symbolic links resolved first, along
// whole extends: chains; and only a file that reads as a template has its lines kept for quoting.
#include "load/template_path.hpp"

#include <doctest/doctest.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "load/parse.hpp"
#include "load/template.hpp"
#include "load_fixture.hpp"

using namespace factline;
using namespace factline::load::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> builtin_dirs{FACTLINE_SOURCE_DIR "/templates"};
constexpr std::string_view kCredentials =
    "aws_access_key_id: AKIAFAKEFAKEFAKE1234\naws_secret_access_key: fakeSECRETfakeSECRETfake\n";

// repo/stories/ holds the fact file; outside/ (beside repo/) holds a YAML file of fake cloud
// keys and a template; themes/ (beside repo/) is a template folder for --template-dir.
struct Tree {
  TempDir dir;
  Tree() {
    dir.write("repo/stories/looks/mine.yaml", "extends: news\naxis: \"#123456\"\n");
    dir.write("repo/stories/notes.yaml", "password: hunter2\nuser: admin\n");
    dir.write("outside/creds.yaml", std::string(kCredentials));
    dir.write("outside/look.yaml", "extends: news\n");
    dir.write("themes/brand.yaml", "extends: news\naxis: \"#654321\"\n");
  }
  std::string fact_file() const { return dir.file("repo/stories/facts.yaml"); }
  std::string path(const std::string& p) const { return dir.file(p); }
};

std::string facts_with(const std::string& template_line) {
  return "title: t\ntemplate: " + template_line + "\nevents:\n  - date: 2024\n    title: x\n";
}

load::ParseResult parse_with(const std::string& text, const std::string& file,
                             std::vector<std::string> dirs = builtin_dirs, std::string override_name = {}) {
  return load::parse_document(text, file, {std::move(dirs), std::move(override_name)});
}

// Every word a run shows about its diagnostics.
std::string shown(const Diagnostics& ds) {
  std::string out;
  for (const Diagnostic& d : ds.items()) out += d.loc.file + " " + d.message + " " + d.hint + " " + d.source_line + "\n";
  return out;
}

// Counts the times a file is opened, by inotify (an open that fails counts too).
class OpenWatch {
 public:
  explicit OpenWatch(const std::string& path) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    REQUIRE(fd_ >= 0);
    REQUIRE(inotify_add_watch(fd_, path.c_str(), IN_OPEN | IN_ACCESS) >= 0);
  }
  ~OpenWatch() { ::close(fd_); }
  OpenWatch(const OpenWatch&) = delete;
  OpenWatch& operator=(const OpenWatch&) = delete;
  bool opened() const {
    alignas(inotify_event) char buf[4096];
    return ::read(fd_, buf, sizeof buf) > 0;
  }

 private:
  int fd_;
};

}  // namespace

TEST_CASE("a template outside the fact file's folder tree is refused by its path, and never opened") {
  const Tree tree;
  const OpenWatch watch(tree.path("outside/creds.yaml"));
  for (const std::string& written : std::vector<std::string>{"../../outside/creds.yaml", "../../outside/missing.yaml", "../../../../../../etc/passwd",
                                    "/etc/shadow", "/etc/passwd", tree.path("outside/creds.yaml"), "looks/../../../outside/creds.yaml"}) {
    CAPTURE(written);
    const load::ParseResult r = parse_with(facts_with("\"" + written + "\""), tree.fact_file());
    const Diagnostic d = only(r);
    CHECK(d.loc == SourceLoc{tree.fact_file(), 2, 12});
    CHECK(d.message == "the template \"" + written + "\" is outside the folders templates are read from");
    CHECK(d.hint ==
          "a template must be in the fact file's folder or a folder under it, among the built-in templates, or in "
          "a folder given with --template-dir or FACTLINE_TEMPLATE_PATH");
    CHECK(shown(r.diagnostics).find("AKIA") == std::string::npos);
    CHECK(shown(r.diagnostics).find("root:") == std::string::npos);
  }
  CHECK_FALSE(watch.opened());
}

TEST_CASE("a symbolic link is resolved before the check: a link out of the tree is refused") {
  const Tree tree;
  fs::create_symlink(tree.path("outside/creds.yaml"), tree.path("repo/stories/link.yaml"));
  fs::create_directory_symlink(tree.path("outside"), tree.path("repo/stories/elsewhere"));
  fs::create_symlink(tree.path("repo/stories/looks/mine.yaml"), tree.path("repo/stories/alias.yaml"));
  const OpenWatch watch(tree.path("outside/creds.yaml"));
  for (const std::string& written : std::vector<std::string>{"link.yaml", "elsewhere/creds.yaml", "elsewhere/look.yaml"}) {
    CAPTURE(written);
    const load::ParseResult r = parse_with(facts_with(written), tree.fact_file());
    CHECK(only(r).message ==
          "the template \"" + written + "\" leads out of the folders templates are read from through a symbolic link");
    CHECK(shown(r.diagnostics).find("AKIA") == std::string::npos);
  }
  CHECK_FALSE(watch.opened());
  // A link that stays inside is followed.
  const load::ParseResult inside = parse_with(facts_with("alias.yaml"), tree.fact_file());
  REQUIRE(inside.document);
  CHECK(inside.document->theme.axis == Color{0x12, 0x34, 0x56, 255});
}

TEST_CASE("every template of an extends: chain obeys the same rule") {
  const Tree tree;
  tree.dir.write("repo/stories/looks/escape.yaml", "extends: ../../../outside/creds.yaml\n");
  tree.dir.write("themes/escape.yaml", "extends: /etc/passwd\n");
  const OpenWatch watch(tree.path("outside/creds.yaml"));
  load::ParseResult r = parse_with(facts_with("looks/escape.yaml"), tree.fact_file());
  Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{tree.path("repo/stories/looks/escape.yaml"), 1, 10});
  CHECK(d.message == "the template \"../../../outside/creds.yaml\" is outside the folders templates are read from");
  // The template is a valid one: its own line may be shown, and it holds only the reference.
  CHECK(d.source_line == "extends: ../../../outside/creds.yaml");
  r = parse_with(facts_with("escape"), tree.fact_file(), {builtin_dirs[0], tree.path("themes")});
  CHECK(only(r).message == "the template \"/etc/passwd\" is outside the folders templates are read from");
  CHECK_FALSE(watch.opened());
}

TEST_CASE("template folders (--template-dir, FACTLINE_TEMPLATE_PATH) are found by name and by path") {
  const Tree tree;
  const std::vector<std::string> dirs{builtin_dirs[0], tree.path("themes")};
  for (const std::string& written : std::vector<std::string>{"brand", "../../themes/brand.yaml", tree.path("themes/brand.yaml")}) {
    CAPTURE(written);
    const load::ParseResult r = parse_with(facts_with("\"" + written + "\""), tree.fact_file(), dirs);
    INFO(shown(r.diagnostics));
    REQUIRE(r.document);
    CHECK(r.document->theme.axis == Color{0x65, 0x43, 0x21, 255});
  }
  // Without the folder, the same path is refused and the name unknown.
  CHECK(only(parse_with(facts_with("../../themes/brand.yaml"), tree.fact_file())).message ==
        "the template \"../../themes/brand.yaml\" is outside the folders templates are read from");
  CHECK(only(parse_with(facts_with("brand"), tree.fact_file())).message == "unknown template \"brand\"");
  // The built-in folder is searched first: a built-in name always means the built-in template
  // (the built-in templates extend news by name, and could otherwise be led in a circle).
  tree.dir.write("themes/news.yaml", "extends: print\n");
  const std::vector<std::string> builtin_first{builtin_dirs[0], tree.path("themes")};
  const load::ParseResult news = parse_with(facts_with("news"), tree.fact_file(), builtin_first);
  REQUIRE(news.document);
  CHECK(news.document->theme.palette == parse_with(facts_with("news"), tree.fact_file()).document->theme.palette);
}

TEST_CASE("a fact file on standard input has no folder tree: only template folders") {
  const Tree tree;
  const std::string mine = tree.path("repo/stories/looks/mine.yaml");
  const load::ParseResult refused = parse_with(facts_with(mine), "-");
  CHECK(only(refused).message == "the template \"" + mine + "\" is outside the folders templates are read from");
  CHECK(only(refused).hint ==
        "the fact file is standard input, so a template must be among the built-in templates or in a folder given "
        "with --template-dir or FACTLINE_TEMPLATE_PATH");
  CHECK(parse_with(facts_with("dark"), "-").document.has_value());
  CHECK(parse_with(facts_with(mine), "-", {builtin_dirs[0], tree.path("repo/stories/looks")}).document.has_value());
}

TEST_CASE("a template the command line names by path may be anywhere, and so may its folder's templates") {
  const Tree tree;
  tree.dir.write("outside/child.yaml", "extends: look.yaml\nmargin: 7\n");
  const load::ParseResult r = parse_with(facts_with("dark"), tree.fact_file(), builtin_dirs, tree.path("outside/child.yaml"));
  INFO(shown(r.diagnostics));
  REQUIRE(r.document);
  CHECK(r.document->theme.margin == 7);
}

TEST_CASE("only a file that reads as a template has its lines kept for quoting") {
  const Tree tree;
  // A YAML mapping of other keys (a credentials file inside the tree): errors, but no line.
  load::ParseResult r = parse_with(facts_with("notes.yaml"), tree.fact_file());
  REQUIRE_FALSE(r.diagnostics.empty());
  for (const Diagnostic& d : r.diagnostics.items()) CHECK(d.source_line.empty());
  CHECK(shown(r.diagnostics).find("hunter2") == std::string::npos);
  // Not YAML, not a mapping, not UTF-8: errors, and no line.
  tree.dir.write("repo/stories/notes.txt", "Dear team,\nthe password is hunter2: really\n  - yes\n");
  tree.dir.write("repo/stories/binary.yaml", "extends: news\nkey: \xff\xfe secret\n");
  for (const char* file : {"notes.txt", "binary.yaml"}) {
    CAPTURE(file);
    r = parse_with(facts_with(file), tree.fact_file());
    REQUIRE_FALSE(r.diagnostics.empty());
    for (const Diagnostic& d : r.diagnostics.items()) CHECK(d.source_line.empty());
    CHECK(shown(r.diagnostics).find("hunter2") == std::string::npos);
    CHECK(shown(r.diagnostics).find("secret") == std::string::npos);
  }
  // A template with a mistake keeps the mistake's line, also when a key is misspelt.
  tree.dir.write("repo/stories/looks/bad.yaml", "extends: news\naxis: \"#ggg\"\n");
  r = parse_with(facts_with("looks/bad.yaml"), tree.fact_file());
  CHECK(only(r).source_line == "axis: \"#ggg\"");
  tree.dir.write("repo/stories/looks/typo.yaml", "extends: news\nbackgrund: \"#fff\"\n");
  r = parse_with(facts_with("looks/typo.yaml"), tree.fact_file());
  CHECK(only(r).source_line == "backgrund: \"#fff\"");
}

TEST_CASE("a template that is not a file, or not there, is an error naming it") {
  const Tree tree;
  CHECK(only(parse_with(facts_with("looks"), tree.fact_file())).message == "the template \"looks\" is not a file");
  CHECK(only(parse_with(facts_with("looks/none.yaml"), tree.fact_file())).message ==
        "there is no template file \"" + tree.path("repo/stories/looks/none.yaml") + "\"");
  const load::ParseResult typo = parse_with(facts_with("nwes"), tree.fact_file());
  CHECK(only(typo).message == "unknown template \"nwes\" — did you mean \"news\"?");
  CHECK(only(typo).hint == "templates by name: dark, minimal, news, print; or give the path of a template file");
}
