// pictures.hpp — real pictures for tests, made with libvips: a photo as a
// phone writes it (EXIF orientation, a camera name), and a picture whose
// header says more pixels than any upload may have.
//
// Example:
//   std::string jpeg = test_jpeg(400, 200, /*orientation=*/6, "Hemmelig kamera");
#pragma once

#include <vips/vips.h>

#include <stdexcept>
#include <string>

namespace stemnet::testing {

inline void start_vips_for_tests() {
  static const bool started = [] { return VIPS_INIT("stemnet-test") == 0; }();
  if (!started) throw std::runtime_error("libvips did not start");
}

// A grey picture of width x height saved as `suffix` (".jpg", ".png", ".webp");
// for JPEG with EXIF orientation (0: none) and the camera's make (empty: none).
inline std::string test_picture(int width, int height, const std::string& suffix = ".jpg",
                                int orientation = 0, const std::string& make = "") {
  start_vips_for_tests();
  VipsImage* black = nullptr;
  if (vips_black(&black, width, height, "bands", 3, nullptr) != 0)
    throw std::runtime_error(vips_error_buffer());
  VipsImage* grey = nullptr;
  if (vips_linear1(black, &grey, 1.0, 128.0, nullptr) != 0)
    throw std::runtime_error(vips_error_buffer());
  g_object_unref(black);
  VipsImage* img = nullptr;
  vips_cast_uchar(grey, &img, nullptr);
  g_object_unref(grey);
  if (orientation) vips_image_set_int(img, "orientation", orientation);
  if (!make.empty()) {
    const std::string value = make + " (" + make + ", ASCII, " + std::to_string(make.size() + 1) +
                              " components, " + std::to_string(make.size() + 1) + " bytes)";
    vips_image_set_string(img, "exif-ifd0-Make", value.c_str());
  }
  void* out = nullptr;
  std::size_t length = 0;
  const int failed = vips_image_write_to_buffer(img, suffix.c_str(), &out, &length, nullptr);
  g_object_unref(img);
  if (failed) throw std::runtime_error(vips_error_buffer());
  std::string bytes(static_cast<const char*>(out), length);
  g_free(out);
  return bytes;
}

}  // namespace stemnet::testing
