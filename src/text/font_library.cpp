#include "text/font_library.hpp"

#include "text/font_files.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <stdexcept>

namespace factline::text {
namespace {

std::vector<std::string> families_of(FcConfig* config) {
  std::vector<std::string> out;
  FcFontSet* set = FcConfigGetFonts(config, FcSetApplication);
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8* family = nullptr;
    if (FcPatternGetString(set->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch)
      out.emplace_back(reinterpret_cast<const char*>(family));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

FontLibrary::FontLibrary(const std::vector<std::string>& font_dirs) {
  // The system configuration gives the fallback fonts; ours are added on top as application
  // fonts, which Fontconfig matches like any other font of their family.
  config_ = FcInitLoadConfigAndFonts();
  if (!config_) throw std::runtime_error("cannot initialise Fontconfig");
  try {
    for (const auto& dir : font_dirs)
      for (const std::string& file : find_font_files(dir))  // a file that is not a font adds nothing
        FcConfigAppFontAddFile(config_, reinterpret_cast<const FcChar8*>(file.c_str()));
  } catch (...) {
    FcConfigDestroy(config_);
    throw;
  }
  app_families_ = families_of(config_);
}

FontLibrary::~FontLibrary() { FcConfigDestroy(config_); }

PangoFontMap* FontLibrary::new_font_map() const {
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config_);  // takes its own reference
  return map;
}

}  // namespace factline::text
