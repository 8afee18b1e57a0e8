#!/usr/bin/env python3
"""Checks that the source tree keeps the pipeline's shape (docs/design.md, "Design").

    usage: check_includes.py SOURCE_DIR
           check_includes.py --self-test

- A stage includes only its own headers and those of the stages it links
  (`factline_stage(NAME ... DEPS ...)` in src/CMakeLists.txt), and every stage it links comes
  before it there: no stage includes a later one. cli/ may include api/ and core/.
- A C library's headers are included only by the stages that link it (libyaml by load, yaml-cpp by
  import, Cairo by render, ...); a header from a library this script does not know is an error, so a
  new dependency is a decision.
- src/layout/placement/ includes only the standard library and its own headers.
- Nothing in src/layout/chart/ includes src/layout/timeline/ (nor the other way round): what
  both need lives in src/layout/ itself.

Prints one line per problem and ends with "N files checked, M problems"; exits 1 on any
problem. --self-test runs the check on a small made-up tree with one breach of each rule and
fails unless every breach is reported (so the check itself can fail). Reads files as text;
needs only python3.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
STAGE = re.compile(r"factline_stage\(\s*(\w+)(.*?)\)", re.S)

# The C++ standard library's headers (C++20), C compatibility headers included.
STD = set("""
algorithm any array atomic bit bitset cassert cctype cerrno cfenv cfloat charconv chrono cinttypes
climits clocale cmath codecvt compare complex concepts condition_variable coroutine csetjmp csignal
cstdarg cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype deque exception execution
filesystem format forward_list fstream functional future initializer_list iomanip ios iosfwd iostream
istream iterator limits list locale map memory memory_resource mutex new numbers numeric optional
ostream queue random ranges ratio regex scoped_allocator set shared_mutex source_location span
sstream stack stdexcept stop_token streambuf string string_view syncstream system_error thread tuple
type_traits typeindex typeinfo unordered_map unordered_set utility valarray variant vector version
""".split())
# Operating-system headers (POSIX), for the stages that talk to the file system.
POSIX = re.compile(r"^(unistd\.h|fcntl\.h|sys/.*|errno\.h|signal\.h|poll\.h|dirent\.h|limits\.h|fnmatch\.h)$")
# A library's headers -> the CMake target a stage must link to include them.
LIBRARIES = [
    (re.compile(r"^yaml-cpp/"), "yaml-cpp"),
    (re.compile(r"^yaml\.h$"), "PkgConfig::YAML"),
    (re.compile(r"^csv\.h$"), "csv::csv"),
    (re.compile(r"^pango/"), "PkgConfig::PANGO"),
    (re.compile(r"^glib"), "PkgConfig::PANGO"),  # GLib comes with Pango (its pkg-config requires it)
    (re.compile(r"^hb[-.]"), "PkgConfig::HARFBUZZ"),
    (re.compile(r"^fontconfig/"), "PkgConfig::FONTCONFIG"),
    (re.compile(r"^cairo"), "PkgConfig::CAIRO"),
    (re.compile(r"^zlib\.h$"), "ZLIB::ZLIB"),
    (re.compile(r"^nlohmann/"), "nlohmann_json::nlohmann_json"),
    (re.compile(r"^CLI/"), "CLI11::CLI11"),
    (re.compile(r"^xxhash\.h$"), "PkgConfig::XXHASH"),
    (re.compile(r"^libxml/"), "LibXml2::LibXml2"),
]
# Stages that are sub-folders of another stage's folder (DIR in src/CMakeLists.txt).
SUBSTAGES = {"layout/placement": "placement"}


def read_stages(src):
    """[(name, dir, deps)] in the order src/CMakeLists.txt declares them."""
    with open(os.path.join(src, "CMakeLists.txt"), encoding="utf-8") as f:
        text = re.sub(r"#.*", "", f.read())
    stages = []
    for m in STAGE.finditer(text):
        name, rest = m.group(1), m.group(2).split()
        if name == "name":  # the function's own definition
            continue
        folder = rest[rest.index("DIR") + 1] if "DIR" in rest else name
        deps = rest[rest.index("DEPS") + 1:] if "DEPS" in rest else []
        stages.append((name, folder, deps))
    return stages


def stage_of(path):
    """The stage a path (relative to src/ or to the repository's cli/) belongs to."""
    for folder, name in SUBSTAGES.items():
        if path.startswith(folder + "/"):
            return name
    return path.split("/", 1)[0]


def check(root):
    """(problems, files checked) for the tree at root."""
    src = os.path.join(root, "src")
    stages = read_stages(src)
    order = {name: k for k, (name, _, _) in enumerate(stages)}
    links = {name: set(deps) for name, _, deps in stages}
    uses = {name: {d[len("factline_"):] for d in deps if d.startswith("factline_")} for name, _, deps in stages}
    # The command: the api's front door and core's types (docs/design.md), and its own libraries.
    order["cli"] = len(stages)
    uses["cli"] = {"api", "core"}
    with open(os.path.join(root, "cli", "CMakeLists.txt"), encoding="utf-8") as f:
        links["cli"] = set(re.findall(r"[\w:-]+", f.read()))

    problems = []
    for name in list(uses):
        for dep in uses[name]:
            if dep not in order:
                problems.append("src/CMakeLists.txt: %s links factline_%s, which is no stage" % (name, dep))
            elif order[dep] >= order[name]:
                problems.append("src/CMakeLists.txt: %s links %s, a later stage" % (name, dep))

    files = []
    for base in (src, os.path.join(root, "cli")):
        for folder, _, names in os.walk(base):
            files += [os.path.join(folder, n) for n in names if n.endswith((".cpp", ".hpp"))]
    for path in sorted(files):
        rel = os.path.relpath(path, src if path.startswith(src + os.sep) else root)
        stage = stage_of(rel)
        shown = os.path.relpath(path, root)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in INCLUDE.finditer(text):
            kind, header = m.group(1), m.group(2)
            line = text.count("\n", 0, m.start()) + 1
            where = "%s:%d: " % (shown, line)
            if kind == "<":
                if header in STD:
                    continue
                if stage == "placement":
                    problems.append(where + "placement includes <%s>; it may use the standard library only" % header)
                elif POSIX.match(header):
                    continue
                else:
                    target = next((t for rx, t in LIBRARIES if rx.match(header)), None)
                    if target is None:
                        problems.append(where + "<%s> is from a library this check does not know; add it to "
                                        "tests/structure/check_includes.py with the stage that may use it" % header)
                    elif target not in links.get(stage, set()):
                        problems.append(where + "%s includes <%s> but does not link %s" % (stage, header, target))
                continue
            if "/" not in header:  # the folder's own header
                continue
            target = stage_of(header)
            if stage == "placement" and target != stage:
                problems.append(where + "placement includes %s; it may use the standard library only" % header)
            elif target != stage and target not in uses.get(stage, set()):
                later = target in order and order[target] > order.get(stage, -1)
                problems.append(where + "%s includes %s, %s" % (
                    stage, header, "a later stage" if later else "a stage it does not link"))
            for a, b in (("layout/chart/", "layout/timeline/"), ("layout/timeline/", "layout/chart/")):
                if rel.startswith(a) and header.startswith(b):
                    problems.append(where + "%s includes %s: what both rooms need belongs in src/layout/" % (a, header))

    return problems, len(files)


# A tree with one breach of each rule, and a piece of the message each must produce.
SELF_TEST = {
    "src/CMakeLists.txt": "factline_stage(core)\nfactline_stage(scene DEPS factline_core)\n"
                          "factline_stage(placement DIR layout/placement)\n"
                          "factline_stage(layout DEPS factline_placement factline_core factline_scene)\n"
                          "factline_stage(render DEPS factline_core factline_scene PkgConfig::CAIRO)\n"
                          "factline_stage(api DEPS factline_core factline_layout factline_render)\n",
    "cli/CMakeLists.txt": "target_link_libraries(factline_cli PRIVATE factline CLI11::CLI11)\n",
    "cli/main.cpp": '#include <CLI/CLI.hpp>\n#include "layout/page.hpp"\n',
    "src/core/geometry.hpp": '#include <vector>\n#include "scene/scene.hpp"\n',
    "src/scene/scene.hpp": '#include "core/geometry.hpp"\n#include <cairo.h>\n',
    "src/render/painter.cpp": '#include <cairo.h>\n#include "scene/scene.hpp"\n#include <mystery.h>\n',
    "src/layout/page.hpp": '#include "layout/chart/chart.hpp"\n#include "layout/timeline/timeline.hpp"\n',
    "src/layout/chart/chart.hpp": '#include "layout/page.hpp"\n#include "layout/timeline/body.hpp"\n',
    "src/layout/timeline/timeline.hpp": '#include "layout/placement/dodge.hpp"\n',
    "src/layout/timeline/body.hpp": "",
    "src/layout/placement/dodge.hpp": '#include <vector>\n#include <unistd.h>\n#include "core/geometry.hpp"\n',
}
EXPECTED = [
    "cli/main.cpp:2: cli includes layout/page.hpp, a stage it does not link",
    "src/core/geometry.hpp:2: core includes scene/scene.hpp, a later stage",
    "src/scene/scene.hpp:2: scene includes <cairo.h> but does not link PkgConfig::CAIRO",
    "src/render/painter.cpp:3: <mystery.h> is from a library this check does not know",
    "src/layout/chart/chart.hpp:2: layout/chart/ includes layout/timeline/body.hpp",
    "src/layout/placement/dodge.hpp:2: placement includes <unistd.h>",
    "src/layout/placement/dodge.hpp:3: placement includes core/geometry.hpp; it may use the standard library",
]


def self_test():
    with tempfile.TemporaryDirectory() as root:
        for path, text in SELF_TEST.items():
            os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
            with open(os.path.join(root, path), "w", encoding="utf-8") as f:
                f.write(text)
        problems, _ = check(root)
    missed = [e for e in EXPECTED if not any(p.startswith(e) for p in problems)]
    extra = [p for p in problems if not any(p.startswith(e) for e in EXPECTED)]
    for e in missed:
        print("not reported: " + e)
    for p in extra:
        print("reported but not a breach: " + p)
    print("self-test: %d breaches, %d missed, %d false alarms" % (len(EXPECTED), len(missed), len(extra)))
    return 1 if missed or extra else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    problems, files = check(argv[1])
    for p in problems:
        print(p)
    print("%d files checked, %d problems" % (files, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
