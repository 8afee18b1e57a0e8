#include "build_command.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <xxhash.h>

#include "build_inputs.hpp"
#include "build_manifest.hpp"
#include "core/utf8.hpp"
#include "input.hpp"
#include "render_file.hpp"

namespace factline::cli {
namespace {

namespace fs = std::filesystem;

struct Output {
  std::string key;  // its path under OUTDIR: the manifest's key
  OutputFile file;  // its path from the working folder
};

struct Job {
  BuildInput input;
  std::vector<Output> outputs;
  std::string bytes;                 // the fact file, as hashed
  std::string input_hash;
  std::vector<std::size_t> stale;    // indices into outputs
  ExitCode status = Ok;
};

// What decides an output's bytes besides its fact file and dependencies: factline's version,
// the options, the format and the fonts (every file in every font folder).
std::string settings_hash(const RenderSettings& s, Format format, const std::string& fonts) {
  std::string text = "factline " + std::string(version()) + "\ntemplate " + s.options.layout.template_name +
                     "\nformat " + std::string(format_name(format)) + "\nfonts " + fonts + "\n";
  for (const std::string& dir : s.templates.search_path()) text += "template_dir " + dir + "\n";
  // --max-hidden decides whether outputs are written at all: a stricter limit must check again.
  if (s.options.max_hidden) text += "max_hidden " + std::to_string(*s.options.max_hidden) + "\n";
  if (format == Format::Png) text += "scale " + std::to_string(s.options.encode.png_scale) + "\n";
  if (s.options.appearance) text += "appearance " + std::to_string(static_cast<int>(*s.options.appearance)) + "\n";
  if (format == Format::Svg || format == Format::Html)
    text += "svg_text " + std::to_string(static_cast<int>(s.options.encode.svg.text)) + "\nid_prefix " +
            s.options.encode.svg.id_prefix + "\n";
  if (format == Format::Pdf && s.options.encode.creation_time)
    text += "creation_time " + std::to_string(*s.options.encode.creation_time) + "\n";
  return content_hash(text);
}

std::string fonts_hash(const EngineOptions& engine) {
  std::string text;
  for (const std::string& dir : engine.font_dirs) {
    for (const std::string& f : font_files(dir))
      text += fs::path(f).lexically_relative(dir).generic_string() + " " + file_hash(f).value_or("unreadable") + "\n";
  }
  return content_hash(text);
}

bool parse_shard(const std::string& s, unsigned& k, unsigned& n) {
  const std::size_t slash = s.find('/');
  if (slash == std::string::npos) return false;
  try {
    std::size_t used = 0;
    k = static_cast<unsigned>(std::stoul(s.substr(0, slash), &used));
    if (used != slash) return false;
    const std::string rest = s.substr(slash + 1);
    n = static_cast<unsigned>(std::stoul(rest, &used));
    if (used != rest.size()) return false;
  } catch (const std::exception&) {
    return false;
  }
  return n >= 1 && k >= 1 && k <= n;
}

// The shard of an input: by a hash of where its outputs go, so a file stays in its shard when
// others come and go, and every machine agrees.
unsigned shard_of(const BuildInput& in, unsigned n) {
  return static_cast<unsigned>(XXH3_64bits(in.stem.data(), in.stem.size()) % n) + 1;
}

// Progress on standard output: a bar redrawn in place on a terminal, plain lines in logs.
// Diagnostics go to standard error; the bar is cleared before them.
class Progress {
 public:
  Progress(std::size_t total, bool bar) : total_(total), bar_(bar) {}

  void start(const std::string& name) {
    const std::lock_guard lock(mutex_);
    current_ = name;
    draw();
  }
  void finish(const Job& job, const std::string& diagnostics) {
    const std::lock_guard lock(mutex_);
    ++done_;
    clear();
    std::cerr << diagnostics << std::flush;
    if (!bar_) {
      std::cout << (job.status == Ok ? "built " : "failed ") << utf8::escape_for_terminal(job.input.path);
      if (job.status == Ok)
        for (std::size_t i : job.stale) std::cout << (i == job.stale.front() ? " → " : ", ") << utf8::escape_for_terminal(job.outputs[i].file.path);
      std::cout << '\n';
    }
    draw();
  }
  void end() {
    const std::lock_guard lock(mutex_);
    clear();
  }

 private:
  void clear() {
    if (bar_) std::cout << "\r\x1b[K" << std::flush;
  }
  // The end of a long path, so the bar stays on one line of a narrow terminal.
  static std::string tail(const std::string& s, std::size_t chars) {
    std::size_t at = s.size(), n = 0;
    while (at > 0 && n < chars)
      if ((static_cast<unsigned char>(s[--at]) & 0xC0) != 0x80) ++n;
    return at == 0 ? s : "…" + s.substr(at);
  }
  void draw() {
    if (!bar_) return;
    constexpr int width = 30;
    const int filled = total_ ? static_cast<int>(width * done_ / total_) : width;
    std::cout << "\r\x1b[K[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(width - filled), '.') << "] " << done_ << '/' << total_ << ' '
              << utf8::escape_for_terminal(tail(current_, 40)) << std::flush;
  }
  std::mutex mutex_;
  std::size_t total_, done_ = 0;
  bool bar_;
  std::string current_;
};

// Removes a file factline wrote if it still holds what was written (one edited by hand stays);
// 1 if it was removed.
std::size_t remove_if_unchanged(const std::string& path, const std::string& hash) {
  if (file_hash(path) != hash) return 0;
  std::error_code ec;
  fs::remove(path, ec);
  return ec ? 0 : 1;
}

std::string seconds(std::chrono::steady_clock::duration d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", std::chrono::duration<double>(d).count());
  return buf;
}

}  // namespace

CLI::App* add_build_command(CLI::App& app, BuildArgs& args) {
  CLI::App* cmd = app.add_subcommand(
      "build", "Render many fact files into an output folder, in parallel, rebuilding only what changed");
  cmd->add_option("inputs", args.inputs, "Fact files, folders (every *.yaml under them) and globs")->required();
  cmd->add_option("-o,--output", args.outdir, "Output folder; outputs mirror the inputs' folders under it")->required();
  std::vector<std::string> names;
  for (Format f : all_formats()) names.emplace_back(format_name(f));
  cmd->add_option("--format", args.formats, "Formats to write, comma-separated (default svg)")
      ->delimiter(',')
      ->check(CLI::IsMember(names, CLI::ignore_case));
  cmd->add_option("-j,--jobs", args.jobs, "Files rendered at once (default: one per core)")->check(CLI::Range(1u, 1024u));
  cmd->add_flag("--check", args.check,
                "Build nothing; list every output that is missing or out of date and exit 1 if there is one");
  cmd->add_flag("--list", args.list, "Print each input and its outputs (tab-separated), build nothing");
  cmd->add_option("--shard", args.shard, "Build only shard K of N (a stable share of the inputs), for CI matrices")
      ->option_text("K/N");
  cmd->add_option("--depfile", args.depfile, "Also write a Make-style depfile of every output's dependencies");
  add_render_settings(*cmd, args.settings);
  return cmd;
}

int run_build(BuildArgs& args) {
  const auto started = std::chrono::steady_clock::now();
  RenderSettings& settings = args.settings;
  if (!finish_render_settings(settings, std::cerr)) return UsageOrIo;
  std::vector<Format> formats;
  for (const std::string& name : args.formats)
    if (const auto f = format_named(name); f && std::find(formats.begin(), formats.end(), *f) == formats.end())
      formats.push_back(*f);
  unsigned shard = 1, shards = 1;
  if (!args.shard.empty() && !parse_shard(args.shard, shard, shards)) {
    print_problem(std::cerr, settings.diagnostics, {}, "--shard takes K/N with 1 ≤ K ≤ N, such as 2/4, not \"" + args.shard + "\"");
    return UsageOrIo;
  }
  CollectedInputs collected = collect_inputs(args.inputs);
  for (const std::string& e : collected.errors) print_problem(std::cerr, settings.diagnostics, {}, e);
  if (!collected.errors.empty()) return UsageOrIo;

  std::vector<Job> jobs;
  for (BuildInput& in : collected.inputs) {
    if (shard_of(in, shards) != shard) continue;
    Job job{std::move(in), {}, {}, {}, {}, Ok};
    for (Format f : formats) {
      const std::string key = job.input.stem + "." + std::string(format_name(f));
      job.outputs.push_back({key, {(fs::path(args.outdir) / key).string(), f}});
    }
    jobs.push_back(std::move(job));
  }
  if (args.list) {
    for (const Job& job : jobs) {
      std::cout << utf8::escape_for_terminal(job.input.path);
      for (const Output& o : job.outputs) std::cout << '\t' << utf8::escape_for_terminal(o.file.path);
      std::cout << '\n';
    }
    return Ok;
  }

  // Judge every output: read and hash each fact file, compare with the manifest.
  std::string problem;
  Manifest manifest = Manifest::load(args.outdir, problem);
  if (!problem.empty()) std::cout << "factline build: " << utf8::escape_for_terminal(problem) << '\n';
  const std::string fonts = fonts_hash(settings.engine_options());
  std::vector<std::string> settings_of;
  for (Format f : formats) settings_of.push_back(settings_hash(settings, f, fonts));
  HashCache hashes;
  int status = Ok;
  std::size_t up_to_date = 0, stale_outputs = 0, failed = 0;
  for (Job& job : jobs) {
    if (const int read = read_input_or_report(job.input.path, job.bytes, settings.diagnostics, std::cerr); read != Ok) {
      job.status = static_cast<ExitCode>(read);
      status = std::max<int>(status, read);
      ++failed;
      continue;
    }
    job.input_hash = content_hash(job.bytes);
    for (std::size_t i = 0; i < job.outputs.size(); ++i) {
      const Output& o = job.outputs[i];
      const auto why = stale_because(manifest, manifest.find(o.key), o.file.path, job.input_hash,
                                     settings_of[static_cast<std::size_t>(
                                         std::find(formats.begin(), formats.end(), o.file.format) - formats.begin())],
                                     settings.options.strict, hashes);
      if (!why) continue;
      job.stale.push_back(i);
      ++stale_outputs;
      if (args.check) std::cout << utf8::escape_for_terminal(o.file.path) << ": " << utf8::escape_for_terminal(*why) << '\n';
    }
    if (job.stale.empty()) ++up_to_date;
  }
  // Outputs built earlier from a fact file that is gone are stale too: --check names them, a
  // build removes them (only when they are still what factline wrote).
  const std::vector<std::string> orphans = manifest.orphans();
  if (args.check) {
    for (const std::string& key : orphans)
      std::cout << (fs::path(args.outdir) / key).string() << ": its fact file "
                << fs::proximate(manifest.path_of(manifest.find(key)->input)).string() << " was removed\n";
    const std::size_t outputs = jobs.size() * formats.size();
    std::cout << "factline build --check: " << (outputs - stale_outputs) << " of " << outputs << " outputs up to date"
              << (stale_outputs ? ", " + std::to_string(stale_outputs) + " missing or out of date" : "")
              << (orphans.empty() ? "" : ", " + std::to_string(orphans.size()) + " left from removed fact files")
              << '\n';
    return std::max(status, stale_outputs || !orphans.empty() ? int{InvalidInput} : int{Ok});
  }
  std::size_t removed = 0;
  for (const std::string& key : orphans) {
    for (const auto& [path, hash] : recorded_files(*manifest.find(key), (fs::path(args.outdir) / key).string()))
      removed += remove_if_unchanged(path, hash);
    manifest.erase(key);
  }

  std::vector<Job*> todo;
  for (Job& job : jobs)
    if (job.status == Ok && !job.stale.empty()) todo.push_back(&job);
  std::size_t built = 0;
  if (!todo.empty()) {
    const Engine engine(settings.engine_options());
    const bool bar = isatty(STDOUT_FILENO) && !std::getenv("CI");
    Progress progress(todo.size(), bar);
    std::mutex mutex;  // the manifest and the counts
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t n; (n = next++) < todo.size();) {
        Job& job = *todo[n];
        progress.start(job.input.path);
        std::vector<OutputFile> files;
        std::error_code ec;
        for (std::size_t i : job.stale) {
          files.push_back(job.outputs[i].file);
          fs::create_directories(fs::path(files.back().path).parent_path(), ec);
        }
        std::ostringstream err;
        const FileResult r = render_file(engine, job.input.path, job.bytes, files, settings, err);
        job.status = r.status;
        OutputRecord base{manifest.name_of(job.input.path), job.input_hash, {}, {}, {}, r.warnings, {}};
        if (r.status == Ok)
          for (const std::string& dep : r.dependencies)
            base.dependencies[manifest.name_of(dep)] = file_hash(dep).value_or("unreadable");
        {
          const std::lock_guard lock(mutex);
          if (r.status == Ok) {
            ++built;
            for (std::size_t k = 0; k < job.stale.size(); ++k) {
              OutputRecord rec = base;
              const Output& o = job.outputs[job.stale[k]];
              rec.settings = settings_of[static_cast<std::size_t>(
                  std::find(formats.begin(), formats.end(), o.file.format) - formats.begin())];
              std::set<std::string> written;
              if (r.pages[k].empty()) {
                rec.output_hash = content_hash(r.encoded[k]);
                written.insert(o.file.path);
              }
              for (std::size_t p = 0; p < r.pages[k].size(); ++p) {
                rec.pages.push_back(content_hash(r.pages[k][p]));
                written.insert(page_path(o.file.path, static_cast<int>(p + 1)));
              }
              // What the last build wrote and this one did not (pages past the new count, or the
              // output itself now on pages, or its pages now one file) goes, if still factline's.
              if (const OutputRecord* old = manifest.find(o.key))
                for (const auto& [path, hash] : recorded_files(*old, o.file.path))
                  if (!written.contains(path)) removed += remove_if_unchanged(path, hash);
              manifest.set(o.key, std::move(rec));
            }
          } else {
            ++failed;
            status = std::max<int>(status, r.status);
          }
        }
        progress.finish(job, err.str());
      }
    };
    const unsigned threads = std::clamp<unsigned>(args.jobs ? args.jobs : std::thread::hardware_concurrency(), 1u,
                                                  static_cast<unsigned>(todo.size()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    progress.end();
  }
  if (!todo.empty() || !orphans.empty())
    if (const std::string error = manifest.save(); !error.empty()) {
      print_problem(std::cerr, settings.diagnostics, {}, error);
      status = std::max<int>(status, UsageOrIo);
    }
  if (!args.depfile.empty()) {
    std::string text, error;
    for (const Job& job : jobs) {
      if (job.status != Ok) continue;
      const OutputRecord* rec = manifest.find(job.outputs.front().key);
      if (!rec) continue;
      std::vector<std::string> paths{job.input.path};
      for (const auto& [name, hash] : rec->dependencies) paths.push_back(manifest.path_of(name));
      std::vector<std::string> outs;  // a paged output's page files
      for (const Output& o : job.outputs)
        if (const OutputRecord* out = manifest.find(o.key))
          for (auto& [path, hash] : recorded_files(*out, o.file.path)) outs.push_back(std::move(path));
      if (error.empty()) error = depfile_problem(paths);
      if (error.empty()) error = depfile_problem(outs);
      text += depfile_rule(outs, paths);
    }
    if (error.empty()) error = write_file_atomically(args.depfile, text);
    if (!error.empty()) {
      print_problem(std::cerr, settings.diagnostics, {}, error);
      status = std::max<int>(status, UsageOrIo);
    }
  }
  std::cout << "factline build: " << built << " built, " << up_to_date << " up to date, " << failed << " failed"
            << (removed ? ", " + std::to_string(removed) + " removed" : "") << " ("
            << jobs.size() << (jobs.size() == 1 ? " file" : " files") << ", "
            << seconds(std::chrono::steady_clock::now() - started) << ")\n";
  return status;
}

}  // namespace factline::cli
