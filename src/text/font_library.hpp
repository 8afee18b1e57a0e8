#pragma once
// Owns the font set. The fonts a label may use are pinned, in this order: the bundled fonts
// (Pretendard) and any --font-dir folders, then Noto Sans CJK KR at the label's weight, then
// Noto Color Emoji (Debian's fonts-noto-cjk and fonts-noto-color-emoji, which scripts/deps.sh
// installs). They live in a configuration of their own, built from a few lines of XML, so the
// output is the same on every machine the set-up ran on, whatever else is installed, and no
// system configuration is parsed for text those fonts can draw. The system's fonts come behind
// them only for a character none of the pinned fonts has (or a family outside them): that
// second configuration is loaded on first need. docs/cli.md ("Fonts") says the same for users.
//
// No globals but one: the first library's pinned configuration is made Fontconfig's current
// one, so that Pango's start-up (FcInit) finds it instead of loading the system configuration.
// Font maps are made per user (TextShaper), since a Pango font map and what it caches must be
// used by one thread at a time while an FcConfig may be shared (Fontconfig locks itself).
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

typedef struct _FcConfig FcConfig;
typedef struct _PangoFontMap PangoFontMap;

namespace factline::text {

class FontLibrary {
 public:
  // font_dirs: folders of font files added as application fonts (the bundled fonts/ first:
  // that one is read through Fontconfig's cache; the others as font_files.hpp's walk finds them).
  // Throws std::runtime_error when Fontconfig cannot be set up or a folder cannot be read.
  explicit FontLibrary(const std::vector<std::string>& font_dirs);
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  // A new Pango font map on the pinned fonts only; the caller owns it (g_object_unref).
  PangoFontMap* new_font_map() const;
  // A new font map on the system's fonts with the pinned ones added (loads the system
  // configuration on the first call, once per library); the caller owns it.
  PangoFontMap* new_system_font_map() const;
  // Families of the application fonts, e.g. {"Pretendard"}, sorted.
  const std::vector<std::string>& app_families() const { return app_families_; }
  // Whether the pinned set has this family (so new_font_map() can draw it).
  bool is_pinned(std::string_view family) const;
  // The fallback families after a label's own, in order: Pretendard, Noto Sans CJK KR. A shaper
  // asks for "<family>,<these>" so Fontconfig sorts them first, in any configuration. (Noto
  // Color Emoji is not named: it is the only other pinned font, so it comes next there; named,
  // it would also draw the space after an emoji followed by a system-font character.)
  static const std::vector<std::string>& fallback_families();

 private:
  FcConfig* system_config() const;

  std::string bundled_dir_;              // the first folder
  std::vector<std::string> font_files_;  // in the other font folders, found once
  FcConfig* config_ = nullptr;
  std::vector<std::string> app_families_;
  std::vector<std::string> pinned_families_;  // sorted
  mutable std::once_flag system_once_;
  mutable FcConfig* system_ = nullptr;
};

}  // namespace factline::text
