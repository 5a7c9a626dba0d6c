// core/curl.hpp — libcurl easy handles whose failures are values.
//
// libcurl is linked (CURL::libcurl). Every option set on a handle is
// checked: an option libcurl refuses (not built in, out of range, out of
// memory) is an Error naming the option, never silently a different request.
// Example:
//   auto easy = CurlEasy::open();               // Error::unavailable if libcurl cannot start
//   if (!easy) return easy.error();
//   STEMNET_TRY_VOID(easy->set(CURLOPT_URL, url.c_str()));
//   const CURLcode rc = curl_easy_perform(easy->get());
#pragma once

#include "core/result.hpp"

#include <curl/curl.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace stemnet {

class CurlEasy {
 public:
  // A new handle (curl_global_init runs once, before the first). Fails with
  // ErrorKind::unavailable when libcurl cannot start.
  [[nodiscard]] static Result<CurlEasy> open();

  CURL* get() const { return handle_.get(); }

  // curl_easy_setopt, checked: Error::unavailable naming the option and
  // libcurl's reason when it is refused.
  template <class T>
  [[nodiscard]] Result<void> set(CURLoption option, T value) {
    const CURLcode rc = curl_easy_setopt(handle_.get(), option, value);
    if (rc != CURLE_OK) return refused(option, rc);
    return ok();
  }

  // A header or recipient list (curl_slist_append), owned by this handle and
  // freed with it; Error::unavailable when out of memory.
  [[nodiscard]] Result<curl_slist*> list(std::initializer_list<std::string> items);

 private:
  CurlEasy() = default;
  static Error refused(CURLoption option, CURLcode rc);

  std::unique_ptr<CURL, void (*)(CURL*)> handle_{nullptr, curl_easy_cleanup};
  std::vector<std::unique_ptr<curl_slist, void (*)(curl_slist*)>> lists_;
};

}  // namespace stemnet
