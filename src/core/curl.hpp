// core/curl.hpp — libcurl, loaded when first needed.
//
// libcurl and what it pulls in (TLS, Kerberos, LDAP, ...) cost ~8 MB of
// resident memory in every process that links it, while only a few paths
// use it (`monitor refresh` fetching statistics, the mail worker speaking
// SMTP). So it is opened with dlopen on first use.
// Example:
//   const Curl* curl = curl_library();
//   if (!curl) return Error::unavailable("libcurl is not installed");
//   CURL* h = curl->easy_init();
#pragma once

#include <curl/curl.h>

namespace stemnet {

struct Curl {
  CURLcode (*global_init)(long);
  CURL* (*easy_init)();
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_perform)(CURL*);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  void (*easy_cleanup)(CURL*);
  const char* (*easy_strerror)(CURLcode);
  curl_slist* (*slist_append)(curl_slist*, const char*);
  void (*slist_free_all)(curl_slist*);
};

// The loaded library (initialised once, thread-safe), or nullptr when
// libcurl.so.4 is not installed.
const Curl* curl_library();

}  // namespace stemnet
