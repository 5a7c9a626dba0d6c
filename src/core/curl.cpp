#include "core/curl.hpp"

#include <dlfcn.h>

namespace stemnet {
namespace {

template <class F>
bool bind(void* lib, const char* name, F& f) {
  f = reinterpret_cast<F>(dlsym(lib, name));
  return f != nullptr;
}

}  // namespace

const Curl* curl_library() {
  static const Curl* loaded = []() -> const Curl* {
    void* lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return nullptr;
    static Curl c;
    const bool ok = bind(lib, "curl_global_init", c.global_init) &&
                    bind(lib, "curl_easy_init", c.easy_init) &&
                    bind(lib, "curl_easy_setopt", c.easy_setopt) &&
                    bind(lib, "curl_easy_perform", c.easy_perform) &&
                    bind(lib, "curl_easy_getinfo", c.easy_getinfo) &&
                    bind(lib, "curl_easy_cleanup", c.easy_cleanup) &&
                    bind(lib, "curl_easy_strerror", c.easy_strerror) &&
                    bind(lib, "curl_slist_append", c.slist_append) &&
                    bind(lib, "curl_slist_free_all", c.slist_free_all);
    if (!ok) return nullptr;
    c.global_init(CURL_GLOBAL_DEFAULT);
    return &c;
  }();
  return loaded;
}

}  // namespace stemnet
