// http_client.hpp — a small blocking HTTP/1.1 client over a plain socket, for
// API tests. It can also send raw bytes, to test how the server meets
// malformed or oversized requests.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace stemnet::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class HttpConnection {
 public:
  explicit HttpConnection(int port);
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  // Sends a request and reads its response (Content-Length bodies).
  HttpResponse request(const std::string& method, const std::string& target,
                       const std::vector<std::pair<std::string, std::string>>& headers = {},
                       const std::string& body = "");
  // Sends bytes as they are, then reads one response; status 0 if the
  // server closed without answering.
  HttpResponse raw(const std::string& bytes, bool head_request = false);
  // Sends bytes without reading; returns how many were sent.
  std::size_t raw_send(const std::string& bytes);
  // True when the server has closed the connection (reads EOF within 2 s).
  bool closed_by_peer();

 private:
  HttpResponse read_response(bool head_request);
  int fd_ = -1;
  std::string buffer_;
};

// One request on a fresh connection.
HttpResponse http_get(int port, const std::string& target,
                      const std::vector<std::pair<std::string, std::string>>& headers = {});

}  // namespace stemnet::testing
