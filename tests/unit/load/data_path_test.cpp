// Data paths (data:): inside the fact file's folder tree only, by ".." or through a link.
#include "load/data_path.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "load/csv.hpp"
#include "load/parse.hpp"
#include "load_fixture.hpp"

using namespace factline;
using factline::load::test::TempDir;
using factline::load::test::located;

namespace {

// facts/ with data/sales.csv in it, outside.csv beside it, and facts/link.csv linking to that.
struct Tree {
  TempDir dir;
  Tree() {
    dir.write("facts/data/sales.csv", "date,value\n2024-01,1\n");
    dir.write("outside.csv", "date,value\n");
    std::filesystem::create_symlink(dir.path / "outside.csv", dir.path / "facts" / "link.csv");
  }
  std::string facts() const { return (dir.path / "facts").string(); }
  // The one error resolving `written` gives, at where the fact file names it.
  std::string error_of(std::string_view written) const {
    const SourceLoc at{"facts.yaml", 4, 7};
    Diagnostics d;
    CHECK_FALSE(load::resolve_data_path(facts(), written, at, d).has_value());
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].loc == at);
    return d.items()[0].message;
  }
};

}  // namespace

TEST_CASE("a data path inside the fact file's folder resolves to the file") {
  const Tree tree;
  Diagnostics d;
  const SourceLoc at{"facts.yaml", 4, 7};
  const auto p = load::resolve_data_path(tree.facts(), "data/sales.csv", at, d);
  INFO(located(d));
  REQUIRE(p.has_value());
  CHECK(std::filesystem::equivalent(*p, tree.dir.path / "facts" / "data" / "sales.csv"));
  CHECK(load::resolve_data_path(tree.facts(), "data/../data/./sales.csv", at, d).has_value());
  CHECK(d.empty());
  const auto table = load::read_csv_file(*p, "data/sales.csv", d);
  REQUIRE(table.has_value());
  CHECK(table->cell(0, 0).text == "2024-01");
}

TEST_CASE("a data path outside the fact file's folder tree is an error") {
  const Tree tree;
  CHECK(tree.error_of("../outside.csv") == "the data path \"../outside.csv\" leaves the fact file's folder");
  CHECK(tree.error_of("data/../../outside.csv") ==
        "the data path \"data/../../outside.csv\" leaves the fact file's folder");
  CHECK(tree.error_of("link.csv") ==
        "the data path \"link.csv\" leads out of the fact file's folder through a symbolic link");
  CHECK(tree.error_of("/etc/passwd") == "the data path \"/etc/passwd\" is absolute");
  CHECK(tree.error_of("C:\\data\\sales.csv") == "the data path \"C:\\data\\sales.csv\" is absolute");
  CHECK(tree.error_of("~/sales.csv") == "the data path \"~/sales.csv\" is absolute");
}

TEST_CASE("a data path to nothing, to a folder or to nowhere is an error") {
  const Tree tree;
  CHECK(tree.error_of("data/missing.csv") == "the data file \"data/missing.csv\" does not exist");
  CHECK(tree.error_of("nowhere/missing.csv") == "the data file \"nowhere/missing.csv\" does not exist");
  CHECK(tree.error_of("data") == "the data path \"data\" is a folder, not a file");
  CHECK(tree.error_of("") == "the data path is empty");
}


TEST_CASE("a data file must be a .csv file, after links") {
  const Tree tree;
  tree.dir.write("facts/.env", "SECRET=abc\n");
  tree.dir.write("facts/data/UPPER.CSV", "date,value\n2024-01,1\n");
  std::filesystem::create_symlink(tree.dir.path / "facts" / ".env", tree.dir.path / "facts" / "env.csv");
  for (const char* written : {".env", "env.csv"})
    CHECK(tree.error_of(written) == std::string("the data file \"") + written + "\" is not a .csv file");
  Diagnostics d;
  CHECK(load::resolve_data_path(tree.facts(), "data/UPPER.CSV", {"facts.yaml", 4, 7}, d).has_value());
}

TEST_CASE("a data file's lines are kept for quoting only when it reads as a table") {
  const Tree tree;
  tree.dir.write("facts/data/bad-cell.csv", "date,value\n2024-01,1\n2024-02,n/a\n");
  tree.dir.write("facts/data/ragged.csv", "date,value\n2024-01,1,secret\n");
  const auto chart = [&](const std::string& data) {
    return load::parse_document("title: t\nchart:\n  type: line\n  data: " + data + "\n  x: date\n  series: [value]\n",
                                (tree.dir.path / "facts" / "facts.yaml").string());
  };
  load::ParseResult r = chart("data/bad-cell.csv");
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].message == "\"n/a\" is not a number");
  CHECK(r.diagnostics.items()[0].source_line == "2024-02,n/a");
  r = chart("data/ragged.csv");
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].message.starts_with("this row has 3 cells"));
  CHECK(r.diagnostics.items()[0].source_line.empty());
}
