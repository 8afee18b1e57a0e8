#include "text/font_library.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "core/xml.hpp"
#include "text/font_files.hpp"

namespace factline::text {
namespace {

// Where Debian's packages put the pinned fallback fonts (scripts/deps.sh installs them). Only
// these files are taken from their folders; the folders' caches are the system's.
struct PinnedFolder {
  const char* dir;
  std::vector<const char*> files;
};
const std::vector<PinnedFolder>& pinned_folders() {
  static const std::vector<PinnedFolder> folders{
      {"/usr/share/fonts/opentype/noto", {"NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"}},
      {"/usr/share/fonts/truetype/noto", {"NotoColorEmoji.ttf"}},
  };
  return folders;
}

// The faces of the Noto Sans CJK collections that are not the Korean one: refused, or every
// fallback sort would merge their large character sets for nothing.
const char* const other_cjk_faces[] = {
    "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK HK",
    "Noto Sans Mono CJK JP", "Noto Sans Mono CJK KR", "Noto Sans Mono CJK SC", "Noto Sans Mono CJK TC",
    "Noto Sans Mono CJK HK"};

// The pinned configuration: the fallback fonts' folders with every other file and face in them
// refused, and the system's font caches, so nothing is scanned that the set-up already cached.
std::string pinned_config_xml() {
  std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">"
      "<fontconfig><cachedir>/var/cache/fontconfig</cachedir>"
      "<cachedir prefix=\"xdg\">fontconfig</cachedir>"
      // Bitmap fonts (the colour emoji) scaled to the size asked for, as the system's
      // 10-scale-bitmap-fonts.conf does; without it an emoji is drawn at its 109 px strike.
      "<match target=\"font\"><test name=\"outline\" compare=\"eq\"><bool>false</bool></test>"
      "<edit name=\"pixelsizefixupfactor\" mode=\"assign\"><divide><name target=\"pattern\">pixelsize</name>"
      "<name target=\"font\">pixelsize</name></divide></edit></match>"
      "<match target=\"font\"><test name=\"outline\" compare=\"eq\"><bool>false</bool></test>"
      "<edit name=\"matrix\" mode=\"assign\"><times><name>matrix</name><matrix>"
      "<name>pixelsizefixupfactor</name><double>0</double><double>0</double><name>pixelsizefixupfactor</name>"
      "</matrix></times></edit><edit name=\"size\" mode=\"assign\"><divide><name>size</name>"
      "<name>pixelsizefixupfactor</name></divide></edit></match>";
  std::string accept, reject;
  std::error_code ec;
  for (const PinnedFolder& f : pinned_folders()) {
    if (!std::filesystem::is_directory(f.dir, ec)) continue;
    xml += "<dir>" + xml_escape(f.dir) + "</dir>";
    for (const char* file : f.files) accept += "<glob>" + xml_escape(std::string(f.dir) + "/" + file) + "</glob>";
    reject += "<glob>" + xml_escape(f.dir) + "/*</glob>";
  }
  for (const char* family : other_cjk_faces)
    reject += std::string("<pattern><patelt name=\"family\"><string>") + family + "</string></patelt></pattern>";
  if (!accept.empty())
    xml += "<selectfont><acceptfont>" + accept + "</acceptfont><rejectfont>" + reject + "</rejectfont></selectfont>";
  return xml + "</fontconfig>";
}

std::vector<std::string> families_of(FcConfig* config, FcSetName set_name) {
  std::vector<std::string> out;
  FcFontSet* set = FcConfigGetFonts(config, set_name);
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8* family = nullptr;
    for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &family) == FcResultMatch; ++k)
      out.emplace_back(reinterpret_cast<const char*>(family));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Adds the application fonts (a file that is not a font adds nothing). The bundled folder
// through Fontconfig's cache: scanning its three files on every run cost 15 M instructions. It
// is the program's own folder, so Fontconfig may walk it; other folders only as the bounded
// walk found them.
void add_fonts(FcConfig* config, const std::string& bundled, const std::vector<std::string>& files) {
  if (!bundled.empty()) FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(bundled.c_str()));
  for (const std::string& file : files)
    FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file.c_str()));
}

PangoFontMap* font_map_on(FcConfig* config) {
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);  // takes its own reference
  return map;
}

}  // namespace

FontLibrary::FontLibrary(const std::vector<std::string>& font_dirs) {
  // The bounded walk first (font_files.hpp): it throws for a folder that cannot be used.
  for (std::size_t i = 0; i < font_dirs.size(); ++i) {
    std::vector<std::string> files = find_font_files(font_dirs[i]);
    if (i == 0)
      bundled_dir_ = font_dirs[0];
    else
      font_files_.insert(font_files_.end(), files.begin(), files.end());
  }
  config_ = FcConfigCreate();
  if (!config_) throw std::runtime_error("cannot initialise Fontconfig");
  const std::string xml = pinned_config_xml();
  if (!FcConfigParseAndLoadFromMemory(config_, reinterpret_cast<const FcChar8*>(xml.c_str()), FcFalse) ||
      !FcConfigBuildFonts(config_)) {
    FcConfigDestroy(config_);
    throw std::runtime_error("cannot initialise Fontconfig");
  }
  add_fonts(config_, bundled_dir_, font_files_);
  app_families_ = families_of(config_, FcSetApplication);
  pinned_families_ = families_of(config_, FcSetSystem);
  pinned_families_.insert(pinned_families_.end(), app_families_.begin(), app_families_.end());
  std::sort(pinned_families_.begin(), pinned_families_.end());
  // Before any Pango font map exists: Pango's start-up calls FcInit, which would otherwise load
  // and parse the whole system configuration for nothing. Once per process; Fontconfig keeps
  // its own reference, so this library may go first.
  static std::once_flag current;
  std::call_once(current, [this] { FcConfigSetCurrent(config_); });
}

FontLibrary::~FontLibrary() {
  FcConfigDestroy(config_);
  if (system_) FcConfigDestroy(system_);
}

const std::vector<std::string>& FontLibrary::fallback_families() {
  static const std::vector<std::string> families{"Pretendard", "Noto Sans CJK KR"};
  return families;
}

bool FontLibrary::is_pinned(std::string_view family) const {
  return std::binary_search(pinned_families_.begin(), pinned_families_.end(), family);
}

PangoFontMap* FontLibrary::new_font_map() const { return font_map_on(config_); }

FcConfig* FontLibrary::system_config() const {
  std::call_once(system_once_, [this] {
    system_ = FcInitLoadConfigAndFonts();
    if (system_) add_fonts(system_, bundled_dir_, font_files_);
  });
  return system_;
}

PangoFontMap* FontLibrary::new_system_font_map() const {
  FcConfig* config = system_config();
  return config ? font_map_on(config) : nullptr;
}

}  // namespace factline::text
