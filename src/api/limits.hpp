#pragma once
// What an output format can hold, for the checks made before drawing (limits.cpp).
#include <string>

#include "api/factline.hpp"

namespace factline {

// Why a picture of width × height px cannot be written in `format` ("1200×3600 px, more than PNG
// allows (…)"); empty when it can.
std::string check_page_size(double width, double height, Format format, double png_scale);

}  // namespace factline
