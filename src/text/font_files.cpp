#include "text/font_files.hpp"

#include <sys/stat.h>
#include <sys/vfs.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <stdexcept>

namespace factline::text {
namespace {

namespace fs = std::filesystem;

// Kernel file systems (statfs f_type, linux/magic.h): their "files" are not fonts, reading some
// of them blocks, and /proc alone holds hundreds of thousands of names.
bool kernel_file_system(const std::string& dir) {
  struct statfs st {};
  if (::statfs(dir.c_str(), &st) != 0) return false;
  constexpr std::array<unsigned long, 12> kinds = {
      0x9fa0,      // proc
      0x62656572,  // sysfs
      0x1cd1,      // devpts
      0x64626720,  // debugfs
      0x74726163,  // tracefs
      0x27e0eb,    // cgroup
      0x63677270,  // cgroup2
      0x73636673,  // securityfs
      0x42494e4d,  // binfmt_misc
      0xcafe4a11,  // bpf
      0x6e736673,  // nsfs
      0x50495045,  // pipefs
  };
  const auto type = static_cast<unsigned long>(st.f_type);
  return std::find(kinds.begin(), kinds.end(), type) != kinds.end();
}

bool font_name(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc" || ext == ".woff" || ext == ".woff2";
}

[[noreturn]] void refuse(const std::string& dir, const std::string& why) {
  throw std::runtime_error("cannot read fonts from \"" + dir + "\": " + why);
}

}  // namespace

std::vector<std::string> find_font_files(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) refuse(dir, "it is not a folder");
  if (kernel_file_system(dir)) refuse(dir, "it is on a kernel file system, not a folder of fonts");
  std::vector<std::string> out;
  std::size_t seen = 0;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
    if (++seen > max_font_dir_entries)
      refuse(dir, "it holds more than " + std::to_string(max_font_dir_entries) + " files and folders");
    const fs::directory_entry& e = *it;
    std::error_code type_ec;
    if (e.is_directory(type_ec) && !e.is_symlink(type_ec)) {
      if (it.depth() >= max_font_dir_depth || kernel_file_system(e.path().string())) it.disable_recursion_pending();
      continue;
    }
    if (!font_name(e.path()) || !e.is_regular_file(type_ec)) continue;
    if (out.size() == max_font_files) refuse(dir, "it holds more than " + std::to_string(max_font_files) + " font files");
    out.push_back(e.path().string());
  }
  if (ec) refuse(dir, ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace factline::text
