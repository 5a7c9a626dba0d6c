#include "monitor/fetch.hpp"

#include "core/curl.hpp"
#include "core/encoding.hpp"

#include <memory>
#include <mutex>
#include <thread>

namespace stemnet::monitor {
namespace {

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

struct Attempt {
  CURLcode code = CURLE_OK;
  long status = 0;
  std::string body, content_type, error;
};

Attempt attempt(const Curl& lib, const std::string& url, const std::string& body,
                const FetchOptions& opt) {
  Attempt a;
  std::unique_ptr<CURL, void (*)(CURL*)> curl(lib.easy_init(), lib.easy_cleanup);
  if (!curl) {
    a.code = CURLE_FAILED_INIT;
    a.error = "cannot start libcurl";
    return a;
  }
  char error[CURL_ERROR_SIZE] = {};
  curl_slist* headers = nullptr;
  headers = lib.slist_append(headers, "Content-Type: application/json");
  headers = lib.slist_append(headers, "Accept: application/json");
  CURL* c = curl.get();
  lib.easy_setopt(c, CURLOPT_URL, url.c_str());
  lib.easy_setopt(c, CURLOPT_POST, 1L);
  lib.easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  lib.easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  lib.easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  lib.easy_setopt(c, CURLOPT_USERAGENT, opt.user_agent.c_str());
  lib.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(opt.connect_timeout.count()));
  lib.easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(opt.total_timeout.count()));
  lib.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  lib.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  lib.easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
  lib.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  lib.easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  lib.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  lib.easy_setopt(c, CURLOPT_WRITEDATA, &a.body);
  lib.easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  a.code = lib.easy_perform(c);
  lib.slist_free_all(headers);
  if (a.code != CURLE_OK) {
    a.error = error[0] ? error : lib.easy_strerror(a.code);
    return a;
  }
  lib.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &a.status);
  char* type = nullptr;
  lib.easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
  if (type) a.content_type = type;
  return a;
}

}  // namespace

Result<Fetched> fetch_post(const std::string& url, const std::string& body,
                           const FetchOptions& opt) {
  const Curl* lib = curl_library();
  if (!lib)
    return Error::unavailable("libcurl (libcurl.so.4) is not installed: cannot fetch " + url);
  auto backoff = opt.first_backoff;
  std::string last;
  for (int n = 1; n <= std::max(1, opt.attempts); ++n) {
    Attempt a = attempt(*lib, url, body, opt);
    if (a.code == CURLE_OK && a.status >= 200 && a.status < 300) {
      Fetched f{a.status, std::move(a.body), "", std::move(a.content_type), n};
      f.sha256 = sha256_hex(f.body);
      return f;
    }
    if (a.code != CURLE_OK) {
      last = a.error;
    } else {
      last = "HTTP " + std::to_string(a.status);
      const bool retry = a.status == 408 || a.status == 429 || a.status >= 500;
      if (!retry)
        return Error::unavailable(url + " answered " + last + ": " + a.body.substr(0, 200));
    }
    if (n < opt.attempts) {
      std::this_thread::sleep_for(backoff);
      backoff *= 2;
    }
  }
  return Error::unavailable(url + ": no answer after " + std::to_string(opt.attempts) +
                            " attempts (" + last + ")");
}

}  // namespace stemnet::monitor
