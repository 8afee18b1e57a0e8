// Times the whole pipeline (parse, shape, lay out, encode SVG) on generated fact files of n
// events, and reports peak memory. Not a test: run bench/run.sh and record the figures.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "api/factline.hpp"

namespace {

const char* const words[] = {"반도체", "수출", "통제", "화웨이", "엔비디아", "AI", "GPU", "중국", "미국",
                             "정부가", "발표했다.", "공동", "개발", "(ASIC)", "5㎚", "칩을", "TSMC"};

std::uint64_t state = 42;
int below(int n) {
  state = state * 6364136223846793005ull + 1442695040888963407ull;
  return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
}

std::string words_of(int n) {
  std::string s;
  for (int k = 0; k < n; ++k) s += (k ? " " : "") + std::string(words[below(std::size(words))]);
  return s;
}

// n events over 30 years with short titles and texts, dates of every precision.
std::string fact_file(int n) {
  std::string y = "title: 벤치마크 연표\nevents:\n";
  for (int i = 0; i < n; ++i) {
    const int year = 1995 + below(30), month = 1 + below(12), day = 1 + below(28);
    char date[32];
    std::snprintf(date, sizeof date, below(4) ? "%d-%02d-%02d" : "%d-%02d", year, month, day);
    y += "  - date: \"" + std::string(date) + "\"\n    title: \"" + words_of(2 + below(3)) + "\"\n    text: \"" +
         words_of(4 + below(8)) + "\"\n";
  }
  return y;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: timeline_bench N [fonts-dir]\n");
    return 2;
  }
  const int n = std::atoi(argv[1]);
  const std::string fonts = argc > 2 ? argv[2] : std::string(factline::bundled_font_dir());
  const std::string yaml = fact_file(n);
  const auto t0 = std::chrono::steady_clock::now();
  const factline::Engine engine(factline::EngineOptions{{fonts}});
  const double start_up = seconds_since(t0);
  const auto t1 = std::chrono::steady_clock::now();
  const factline::LayoutResult r = engine.layout(yaml, "bench.yaml");
  const double layout = seconds_since(t1);
  if (!r.scene) {
    std::fprintf(stderr, "layout failed: %s\n", r.diagnostics.items().empty() ? "?" : r.diagnostics.items()[0].message.c_str());
    return 1;
  }
  const auto t2 = std::chrono::steady_clock::now();
  const std::string svg = factline::encode(*r.scene, factline::Format::Svg, {});
  const double encode = seconds_since(t2);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("%d events: fonts %.3f s, parse+layout %.3f s, SVG %.3f s (%zu bytes, %.0f×%.0f px), peak RSS %ld MiB\n",
              n, start_up, layout, encode, svg.size(), r.scene->width, r.scene->height, ru.ru_maxrss / 1024);
  return 0;
}
