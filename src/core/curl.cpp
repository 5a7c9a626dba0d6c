#include "core/curl.hpp"

namespace stemnet {

Result<CurlEasy> CurlEasy::open() {
  // curl_global_init is not thread-safe before libcurl 7.84: once, here.
  static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (init != CURLE_OK)
    return Error::unavailable(std::string("libcurl cannot start: ") + curl_easy_strerror(init));
  CurlEasy easy;
  easy.handle_.reset(curl_easy_init());
  if (!easy.handle_) return Error::unavailable("libcurl cannot start a transfer");
  return easy;
}

Result<curl_slist*> CurlEasy::list(std::initializer_list<std::string> items) {
  curl_slist* head = nullptr;
  for (const auto& item : items) {
    curl_slist* next = curl_slist_append(head, item.c_str());
    if (!next) {
      curl_slist_free_all(head);
      return Error::unavailable("libcurl: out of memory");
    }
    head = next;
  }
  lists_.emplace_back(head, curl_slist_free_all);
  return head;
}

Error CurlEasy::refused(CURLoption option, CURLcode rc) {
  const curl_easyoption* known = curl_easy_option_by_id(option);
  return Error::unavailable("libcurl refuses the option " +
                            (known ? std::string("CURLOPT_") + known->name
                                   : "#" + std::to_string(static_cast<int>(option))) +
                            ": " + curl_easy_strerror(rc));
}

}  // namespace stemnet
