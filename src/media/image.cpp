#include "media/image.hpp"

#include "media/errors.hpp"

#include <magic.h>
#include <vips/vips.h>

#include <memory>
#include <mutex>

namespace stemnet::media {
namespace {

// libmagic's handle is not safe to share between threads: one per thread,
// opened on first use, its database loaded once.
struct Magic {
  magic_t handle = nullptr;
  Magic() {
    handle = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
    if (handle && magic_load(handle, nullptr) != 0) {
      magic_close(handle);
      handle = nullptr;
    }
  }
  ~Magic() {
    if (handle) magic_close(handle);
  }
  Magic(const Magic&) = delete;
  Magic& operator=(const Magic&) = delete;
};

// libvips once per process: only the loaders for files from strangers (no
// ImageMagick, no PDF or SVG rendering), and no cache of decoded pictures.
Result<void> start_vips() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] {
    if (VIPS_INIT("stemnet") != 0) return;
    vips_block_untrusted_set(TRUE);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    started = true;
  });
  if (!started) return Error::internal("libvips did not start");
  return ok();
}

struct Unref {
  void operator()(VipsImage* i) const { g_object_unref(i); }
};
using ImagePtr = std::unique_ptr<VipsImage, Unref>;

// The reason libvips gave, and its buffer cleared for the next call.
std::string vips_reason() {
  std::string why = vips_error_buffer();
  vips_error_clear();
  return why;
}

}  // namespace

Result<std::string> sniff(std::string_view bytes) {
  thread_local Magic magic;
  if (!magic.handle) return Error::internal("libmagic did not start (is libmagic-mgc installed?)");
  const char* type = magic_buffer(magic.handle, bytes.data(), bytes.size());
  if (!type) return Error::internal(std::string("libmagic: ") + magic_error(magic.handle));
  return std::string(type);
}

Result<Image> fit_image(std::string_view bytes, const std::string& media_type) {
  STEMNET_TRY_VOID(start_vips());
  // The header alone first: a picture too large to decode is refused unread.
  ImagePtr head(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", "access",
                                           VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                           VIPS_FAIL_ON_TRUNCATED, nullptr));
  if (!head) {
    vips_reason();
    return errors::image_unreadable();
  }
  const long long pixels =
      static_cast<long long>(vips_image_get_width(head.get())) * vips_image_get_height(head.get());
  if (pixels > kMaxPixels) return errors::image_too_large(kMaxPixels);
  // Every pixel decoded once, streaming: a cut or broken picture fails here
  // rather than being stored with a grey lower half.
  double mean = 0;
  if (vips_avg(head.get(), &mean, nullptr) != 0) {
    vips_reason();
    return errors::image_unreadable();
  }
  head.reset();

  VipsImage* raw = nullptr;
  // Upright (EXIF orientation), shrunk to fit, never enlarged.
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &raw, kMaxEdge, "height",
                            kMaxEdge, "size", VIPS_SIZE_DOWN, "fail_on", VIPS_FAIL_ON_TRUNCATED,
                            nullptr) != 0) {
    vips_reason();
    return errors::image_unreadable();
  }
  ImagePtr fitted(raw);
  void* out = nullptr;
  std::size_t length = 0;
  int failed = 0;
  // Written again in its own format, without metadata (EXIF, XMP, ICC names).
  if (media_type == "image/png") {
    failed =
        vips_pngsave_buffer(fitted.get(), &out, &length, "strip", TRUE, "compression", 6, nullptr);
  } else if (media_type == "image/webp") {
    failed = vips_webpsave_buffer(fitted.get(), &out, &length, "strip", TRUE, "Q", 82, nullptr);
  } else {
    failed = vips_jpegsave_buffer(fitted.get(), &out, &length, "strip", TRUE, "Q", 85, "interlace",
                                  TRUE, nullptr);
  }
  if (failed != 0) return Error::internal("libvips could not write the picture: " + vips_reason());
  Image image;
  image.bytes.assign(static_cast<const char*>(out), length);
  g_free(out);
  image.media_type =
      media_type == "image/png" || media_type == "image/webp" ? media_type : "image/jpeg";
  image.width = vips_image_get_width(fitted.get());
  image.height = vips_image_get_height(fitted.get());
  return image;
}

}  // namespace stemnet::media
