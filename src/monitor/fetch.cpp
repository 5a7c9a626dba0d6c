#include "monitor/fetch.hpp"

#include "core/curl.hpp"
#include "core/encoding.hpp"

#include <mutex>
#include <thread>

namespace stemnet::monitor {
namespace {

struct Body {
  std::string text;
  std::size_t limit = 0;
  bool over = false;
};

// libcurl hands over the body after decoding (gzip, deflate, ...), so the
// limit holds for what is kept, however small the transfer was.
std::size_t on_body(char* data, std::size_t size, std::size_t count, void* out) {
  auto* body = static_cast<Body*>(out);
  const std::size_t n = size * count;
  if (n > body->limit - body->text.size()) {
    body->over = true;
    return 0;  // anything but n: libcurl stops with CURLE_WRITE_ERROR
  }
  body->text.append(data, n);
  return n;
}

struct Attempt {
  CURLcode code = CURLE_OK;
  long status = 0;
  Body body;
  std::string content_type, error;
};

Result<Attempt> attempt(const std::string& url, const std::string& body, const FetchOptions& opt) {
  STEMNET_TRY(auto curl, CurlEasy::open());
  Attempt a;
  a.body.limit = opt.max_bytes;
  char error[CURL_ERROR_SIZE] = {};
  STEMNET_TRY(curl_slist * headers,
              curl.list({"Content-Type: application/json", "Accept: application/json"}));
  STEMNET_TRY_VOID(curl.set(CURLOPT_URL, url.c_str()));
  STEMNET_TRY_VOID(curl.set(CURLOPT_POST, 1L));
  STEMNET_TRY_VOID(curl.set(CURLOPT_POSTFIELDS, body.c_str()));
  STEMNET_TRY_VOID(curl.set(CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size())));
  STEMNET_TRY_VOID(curl.set(CURLOPT_HTTPHEADER, headers));
  STEMNET_TRY_VOID(curl.set(CURLOPT_USERAGENT, opt.user_agent.c_str()));
  STEMNET_TRY_VOID(
      curl.set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(opt.connect_timeout.count())));
  STEMNET_TRY_VOID(curl.set(CURLOPT_TIMEOUT_MS, static_cast<long>(opt.total_timeout.count())));
  STEMNET_TRY_VOID(curl.set(CURLOPT_NOSIGNAL, 1L));
  STEMNET_TRY_VOID(curl.set(CURLOPT_FOLLOWLOCATION, 1L));
  STEMNET_TRY_VOID(curl.set(CURLOPT_MAXREDIRS, 3L));
  STEMNET_TRY_VOID(curl.set(CURLOPT_PROTOCOLS_STR, "http,https"));
  STEMNET_TRY_VOID(curl.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
  STEMNET_TRY_VOID(curl.set(CURLOPT_ACCEPT_ENCODING, ""));  // whatever libcurl can decode
  // Refused early when the server declares a larger body; on_body holds the
  // limit when it does not, or when the body is compressed.
  STEMNET_TRY_VOID(curl.set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(opt.max_bytes)));
  STEMNET_TRY_VOID(curl.set(CURLOPT_WRITEFUNCTION, on_body));
  STEMNET_TRY_VOID(curl.set(CURLOPT_WRITEDATA, &a.body));
  STEMNET_TRY_VOID(curl.set(CURLOPT_ERRORBUFFER, error));
  a.code = curl_easy_perform(curl.get());
  if (a.code == CURLE_FILESIZE_EXCEEDED) a.body.over = true;
  if (a.code != CURLE_OK) {
    a.error = error[0] ? error : curl_easy_strerror(a.code);
    return a;
  }
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &a.status);
  char* type = nullptr;
  if (curl_easy_getinfo(curl.get(), CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type)
    a.content_type = type;
  return a;
}

}  // namespace

Result<Fetched> fetch_post(const std::string& url, const std::string& body,
                           const FetchOptions& opt) {
  auto backoff = opt.first_backoff;
  std::string last;
  for (int n = 1; n <= std::max(1, opt.attempts); ++n) {
    STEMNET_TRY(Attempt a, attempt(url, body, opt));
    if (a.body.over) {
      // The same answer would come again: not retried.
      return Error{ErrorKind::too_large, "too-large", "Answer too large",
                   url + ": the answer is over the limit of " + std::to_string(opt.max_bytes) +
                       " bytes (decompressed)"};
    }
    if (a.code == CURLE_OK && a.status >= 200 && a.status < 300) {
      Fetched f{a.status, std::move(a.body.text), "", std::move(a.content_type), n};
      f.sha256 = sha256_hex(f.body);
      return f;
    }
    if (a.code != CURLE_OK) {
      last = a.error;
    } else {
      last = "HTTP " + std::to_string(a.status);
      const bool retry = a.status == 408 || a.status == 429 || a.status >= 500;
      if (!retry)
        return Error::unavailable(url + " answered " + last + ": " + a.body.text.substr(0, 200));
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
