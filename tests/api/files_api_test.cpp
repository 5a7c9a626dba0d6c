// Offers' files over real HTTP: a kit's worksheet and pictures uploaded by the
// provider, checked by content, served with the right headers to whoever may
// see the offer, copied with the offer; and every refusal.
#include "api_session.hpp"
#include "http_client.hpp"
#include "pictures.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

class FilesApi : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = stemnet::testing::fresh_db_url(dir_.path(), "f");
    ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db_}).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(
        db_, std::vector<std::string>{"--mail-dir", dir_.path() + "/mail"});
    eva_ = signup_session(server_->port(), "eva@fjordkraft.test");
    per_ = signup_session(server_->port(), "per@konkurrent.test");
    admin_ = signup_session(server_->port(), "admin@stemnet.test");
    ASSERT_EQ(run_stemnet({"accounts", "grant", "admin@stemnet.test", "admin", "NO", "--db", db_})
                  .exit_code,
              0);
    ASSERT_EQ(call("POST", "/api/v1/organisations", &eva_,
                   R"({"kind":"company","name":"Fjordkraft Testdata AS","orgnr":"923456783",)"
                   R"("municipality":"4601"})")
                  .status,
              201);
    auto made = call("POST", "/api/v1/offers", &eva_,
                     R"({"organisation_id":"org:923456783","title":"Vannkraft i en eske",)"
                     R"("description":"Et ferdig opplegg om vannkraft.","format":"kit",)"
                     R"("subjects":["physics"],"municipality":"4601",)"
                     R"("materials":["Multimeter","Slange, 2 m"],"preparation_minutes":30,)"
                     R"("curriculum":["NAT01-04"]})");
    ASSERT_EQ(made.status, 201) << made.body;
    id_ = std::string(json::parse(made.body).at("id").as_string());
  }
  HttpResponse call(const std::string& method, const std::string& target, const ApiSession* s,
                    const std::string& body = "") {
    return api_call(server_->port(), method, target, s, body);
  }
  // A file as the body itself, as the browser sends it.
  HttpResponse upload(const ApiSession* s, const std::string& query, const std::string& bytes,
                      bool csrf = true) {
    std::vector<std::pair<std::string, std::string>> h = {
        {"Content-Type", "application/octet-stream"}};
    if (s) h.emplace_back("Cookie", s->cookie);
    if (s && csrf) h.emplace_back("X-CSRF-Token", s->csrf);
    HttpConnection c(server_->port());
    return c.request("POST", "/api/v1/offers/" + id_ + "/files" + query, h, bytes);
  }
  HttpResponse get(const std::string& url, const ApiSession* s) { return call("GET", url, s); }

  TempDir dir_;
  std::string db_, id_;
  std::unique_ptr<ServerProcess> server_;
  ApiSession eva_, per_, admin_;
};

TEST_F(FilesApi, AKitWithItsWorksheetAndPicturesFromDraftToPublished) {
  auto sheet =
      upload(&eva_, "?role=material&name=Arbeidsark%20vannkraft%20%C3%A6%C3%B8%C3%A5.pdf", kPdf);
  ASSERT_EQ(sheet.status, 201) << sheet.body;
  const auto s = json::parse(sheet.body).as_object();
  EXPECT_EQ(s.at("media_type").as_string(), "application/pdf");
  EXPECT_EQ(s.at("name").as_string(), "Arbeidsark vannkraft æøå.pdf");
  EXPECT_EQ(sheet.header("location"), std::string(s.at("url").as_string()));

  auto photo = upload(&eva_, "?role=picture&name=turbin.jpg",
                      test_picture(3200, 2400, ".jpg", 0, "Hemmelig kamera"));
  ASSERT_EQ(photo.status, 201) << photo.body;
  const auto p = json::parse(photo.body).as_object();
  EXPECT_EQ(p.at("width").as_int64(), 1600);
  EXPECT_EQ(p.at("height").as_int64(), 1200);

  // The offer lists them with its kit.
  auto offer = json::parse(call("GET", "/api/v1/offers/" + id_, &eva_).body).as_object();
  EXPECT_EQ(offer.at("files").as_array().size(), 2u);
  EXPECT_EQ(offer.at("materials").as_array().size(), 2u);
  EXPECT_EQ(offer.at("preparation_minutes").as_int64(), 30);
  EXPECT_EQ(offer.at("curriculum").as_array().at(0).as_string(), "NAT01-04");

  // A draft's file: its provider only, never kept by a shared cache.
  const std::string sheet_url(s.at("url").as_string());
  auto own = get(sheet_url, &eva_);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.body, kPdf);
  EXPECT_EQ(own.header("content-type"), "application/pdf");
  EXPECT_EQ(own.header("cache-control"), "private, no-cache");
  EXPECT_EQ(own.header("content-disposition"),
            "attachment; filename=\"Arbeidsark vannkraft ______.pdf\"; "
            "filename*=UTF-8''Arbeidsark%20vannkraft%20%C3%A6%C3%B8%C3%A5.pdf");
  EXPECT_EQ(get(sheet_url, nullptr).status, 404);
  EXPECT_EQ(get(sheet_url, &per_).status, 404);

  // Published: anyone, cached; the picture is shown inline, without its metadata.
  ASSERT_EQ(call("POST", "/api/v1/organisations/org:923456783/approve", &admin_).status, 200);
  ASSERT_EQ(call("POST", "/api/v1/offers/" + id_ + "/publish", &eva_).status, 200);
  auto open = get(sheet_url, nullptr);
  ASSERT_EQ(open.status, 200);
  EXPECT_EQ(open.header("cache-control"), "public, max-age=86400");
  auto pic = get(std::string(p.at("url").as_string()), nullptr);
  ASSERT_EQ(pic.status, 200);
  EXPECT_EQ(pic.header("content-type"), "image/jpeg");
  EXPECT_TRUE(pic.header("content-disposition").starts_with("inline;"));
  EXPECT_EQ(pic.body.find("Hemmelig kamera"), std::string::npos);
  HttpConnection c(server_->port());
  auto again = c.request("GET", sheet_url, {{"If-None-Match", open.header("etag")}}, "");
  EXPECT_EQ(again.status, 304);
  // Search results carry the files too (cards show the first picture).
  auto found = json::parse(call("GET", "/api/v1/offers?q=vannkraft", nullptr).body).as_object();
  EXPECT_EQ(found.at("items").as_array().at(0).at("files").as_array().size(), 2u);
}

TEST_F(FilesApi, ACopyIsADraftWithTheKitAndItsOwnFiles) {
  ASSERT_EQ(upload(&eva_, "?name=ark.pdf", kPdf).status, 201);
  auto copy = call("POST", "/api/v1/offers/" + id_ + "/copy", &eva_);
  ASSERT_EQ(copy.status, 201) << copy.body;
  const auto c = json::parse(copy.body).as_object();
  EXPECT_NE(c.at("id").as_string(), id_);
  EXPECT_EQ(c.at("status").as_string(), "draft");
  EXPECT_EQ(c.at("title").as_string(), "Vannkraft i en eske");
  EXPECT_EQ(c.at("materials").as_array().size(), 2u);
  ASSERT_EQ(c.at("files").as_array().size(), 1u);
  const std::string copy_file(c.at("files").as_array()[0].at("url").as_string());
  EXPECT_EQ(get(copy_file, &eva_).body, kPdf);
  // Removing the copy's file leaves the original's.
  auto removed = call("DELETE", copy_file, &eva_);
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_EQ(
      json::parse(call("GET", "/api/v1/offers/" + id_, &eva_).body).at("files").as_array().size(),
      1u);
  EXPECT_EQ(call("POST", "/api/v1/offers/" + id_ + "/copy", &per_).status, 404);
  EXPECT_EQ(call("POST", "/api/v1/offers/" + id_ + "/copy", nullptr).status, 401);
}

TEST_F(FilesApi, RefusalsNameTheirCodes) {
  struct Case {
    const ApiSession* who;
    std::string query, bytes;
    int status;
    std::string code;
    bool csrf = true;
  };
  std::string elf(
      "\x7f"
      "ELF\x02\x01\x01",
      7);
  elf += std::string(100, '\0');
  std::string cut = test_picture(800, 600);
  cut.resize(cut.size() / 3);
  const std::vector<Case> cases = {
      {nullptr, "?name=a.pdf", kPdf, 401, "auth.required"},
      {&eva_, "?name=a.pdf", kPdf, 403, "auth.csrf", false},
      {&per_, "?name=a.pdf", kPdf, 404, "catalogue.offer_not_found"},
      {&eva_, "?name=a.pdf", "", 400, "media.empty"},
      {&eva_, "?name=program.pdf", elf, 415, "media.type_not_allowed"},
      {&eva_, "?name=side.pdf", "<html><script>alert(1)</script></html>", 415,
       "media.type_not_allowed"},
      {&eva_, "?role=picture&name=ark.pdf", kPdf, 415, "media.type_not_allowed"},
      {&eva_, "?role=picture&name=svg.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 415,
       "media.type_not_allowed"},
      {&eva_, "?role=picture&name=brukket.jpg", cut, 400, "media.image_unreadable"},
      {&eva_, "?role=logo&name=a.png", kPdf, 400, "role validation.not_allowed"},
      {&eva_, "?name=..%2F..%2Fetc%2Fpasswd", kPdf, 400, "name media.name_invalid"},
      {&eva_, "", kPdf, 400, "name validation.missing"},
      {&eva_, "?name=a.pdf&x=1", kPdf, 400, "x validation.unknown_parameter"},
      {&eva_, "?name=stor.pdf", kPdf + std::string(10 << 20, ' '), 413, "request.body_too_large"},
  };
  for (const auto& c : cases) {
    auto res = upload(c.who, c.query, c.bytes, c.csrf);
    EXPECT_EQ(res.status, c.status) << c.query << ": " << res.body;
    EXPECT_EQ(refusal(res), c.code) << c.query;
  }
  // Nothing of the refused reached the offer.
  EXPECT_EQ(
      json::parse(call("GET", "/api/v1/offers/" + id_, &eva_).body).at("files").as_array().size(),
      0u);
  // A file of another offer, or none, is not found; another provider cannot remove one.
  auto sheet = upload(&eva_, "?name=ark.pdf", kPdf);
  const std::string url(json::parse(sheet.body).at("url").as_string());
  EXPECT_EQ(call("DELETE", url, &per_).status, 404);
  EXPECT_EQ(refusal(call("GET", "/api/v1/offers/" + id_ + "/files/nope", &eva_)),
            "media.file_not_found");
  // The limit on materials.
  for (int i = 1; i < 12; ++i) ASSERT_EQ(upload(&eva_, "?name=ark.pdf", kPdf).status, 201);
  auto full = upload(&eva_, "?name=ark.pdf", kPdf);
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(refusal(full), "media.too_many");
}

TEST_F(FilesApi, KitFieldsAreCheckedAtTheirMembers) {
  auto bad = call("PATCH", "/api/v1/offers/" + id_, &eva_,
                  R"({"curriculum":["nat1"],"preparation_minutes":-1,"materials":[""]})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  const auto faults = json::parse(bad.body).at("errors").as_array();
  EXPECT_EQ(faults.size(), 3u) << bad.body;
}

}  // namespace
}  // namespace stemnet::testing
