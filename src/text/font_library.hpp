#pragma once
// Owns the font set: the bundled fonts registered with Fontconfig as application fonts, with
// the system's fonts behind them as fallback. No globals: every FontLibrary has its own
// FcConfig. Font maps are made from it per user (TextShaper), since a Pango font map and what
// it caches must be used by one thread at a time while an FcConfig may be shared (Fontconfig
// locks itself); so several threads share one scan of the fonts.
#include <string>
#include <vector>

typedef struct _FcConfig FcConfig;
typedef struct _PangoFontMap PangoFontMap;

namespace factline::text {

class FontLibrary {
 public:
  // font_dirs: folders of font files added as application fonts (the bundled fonts/ first).
  // Throws std::runtime_error when Fontconfig cannot be set up or a folder cannot be read.
  explicit FontLibrary(const std::vector<std::string>& font_dirs);
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  // A new Pango font map on this library's fonts; the caller owns it (g_object_unref).
  PangoFontMap* new_font_map() const;
  // Families of the application fonts, e.g. {"Pretendard"}, sorted.
  const std::vector<std::string>& app_families() const { return app_families_; }

 private:
  FcConfig* config_ = nullptr;
  std::vector<std::string> app_families_;
};

}  // namespace factline::text
