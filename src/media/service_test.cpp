// The media module on real bytes: libmagic names types by content, libvips
// makes pictures upright, small and without metadata; the store keeps the
// limits per owner, copies and removes, in SQLite.
#include "media/service.hpp"

#include "db/migrations.hpp"
#include "db/sqlite/sqlite.hpp"
#include "media/image.hpp"
#include "pictures.hpp"

#include <gtest/gtest.h>

namespace stemnet::media {
namespace {

using testing::test_picture;

const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

class Media : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = db::sqlite::open(":memory:");
    ASSERT_TRUE(c) << c.error().detail;
    conn_ = std::move(*c);
    ASSERT_TRUE(db::migrate(*conn_));
  }
  std::unique_ptr<db::Connection> conn_;
  Service media_;
};

TEST(Sniff, NamesTheTypeByContentNotByName) {
  EXPECT_EQ(*sniff(kPdf), "application/pdf");
  EXPECT_EQ(*sniff(test_picture(20, 10, ".jpg")), "image/jpeg");
  EXPECT_EQ(*sniff(test_picture(20, 10, ".png")), "image/png");
  EXPECT_EQ(*sniff(test_picture(20, 10, ".webp")), "image/webp");
  EXPECT_EQ(*sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
            "image/svg+xml");
  EXPECT_EQ(*sniff(std::string("\x7f"
                               "ELF\x02\x01\x01",
                               7) +
                   std::string(64, '\0')),
            "application/octet-stream");
}

TEST(FitImage, APhonePhotoIsTurnedUprightShrunkAndStrippedOfItsMetadata) {
  // 4000 x 2000 as stored, EXIF orientation 6 (turn 90° clockwise to view): 2000 x 4000 upright.
  const std::string photo = test_picture(4000, 2000, ".jpg", 6, "Hemmelig kamera");
  ASSERT_NE(photo.find("Hemmelig kamera"), std::string::npos) << "the test photo carries EXIF";
  auto fitted = fit_image(photo, "image/jpeg");
  ASSERT_TRUE(fitted) << fitted.error().detail;
  EXPECT_EQ(fitted->media_type, "image/jpeg");
  EXPECT_EQ(fitted->width, kMaxEdge / 2);
  EXPECT_EQ(fitted->height, kMaxEdge);
  EXPECT_EQ(fitted->bytes.find("Hemmelig kamera"), std::string::npos);
  EXPECT_EQ(fitted->bytes.find("Exif"), std::string::npos);
  EXPECT_LT(fitted->bytes.size(), photo.size());
}

TEST(FitImage, SmallPicturesAreNotEnlargedAndKeepTheirFormat) {
  auto png = fit_image(test_picture(300, 200, ".png"), "image/png");
  ASSERT_TRUE(png) << png.error().detail;
  EXPECT_EQ(png->media_type, "image/png");
  EXPECT_EQ(png->width, 300);
  EXPECT_EQ(png->height, 200);
  EXPECT_EQ(*sniff(png->bytes), "image/png");
}

TEST(FitImage, BrokenAndHugePicturesAreRefused) {
  std::string cut = test_picture(800, 600, ".jpg");
  cut.resize(cut.size() / 3);
  auto broken = fit_image(cut, "image/jpeg");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, "media.image_unreadable");
  // 8000 x 8000: 64 megapixels, refused from its header.
  auto huge = fit_image(test_picture(8000, 8000, ".png"), "image/png");
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().code, "media.image_too_large");
}

TEST_F(Media, PrepareChecksRoleNameSizeAndType) {
  auto code = [&](std::string_view role, std::string_view name, std::string_view bytes) {
    auto p = media_.prepare(role, name, bytes);
    if (p) return std::string("ok");
    // A rule about one parameter comes as validation.failed with that one fault.
    return p.error().faults.empty() ? p.error().code : p.error().faults[0].code;
  };
  EXPECT_EQ(code("material", "arbeidsark.pdf", kPdf), "ok");
  EXPECT_EQ(code("picture", "arbeidsark.pdf", kPdf), "media.type_not_allowed");
  EXPECT_EQ(code("material", "bilde.pdf", "just text, named as a PDF"), "media.type_not_allowed");
  EXPECT_EQ(code("picture", "x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            "media.type_not_allowed");
  EXPECT_EQ(code("material", "tom.pdf", ""), "media.empty");
  EXPECT_EQ(code("material", "stor.pdf", kPdf + std::string(kMaxBytes, ' ')), "media.too_large");
  EXPECT_EQ(code("material", "", kPdf), "media.name_invalid");
  EXPECT_EQ(code("material", "../../etc/passwd", kPdf), "media.name_invalid");
  EXPECT_EQ(code("material", std::string("a\nb.pdf"), kPdf), "media.name_invalid");
  EXPECT_EQ(code("material", std::string(201, 'a'), kPdf), "media.name_invalid");
  EXPECT_EQ(code("material", "æøå-" + std::string(190, 'x') + ".pdf", kPdf), "ok");
  EXPECT_EQ(code("poster", "a.pdf", kPdf), "media.role_invalid");
  auto pdf = media_.prepare("material", "arbeidsark.pdf", kPdf);
  EXPECT_EQ(pdf->bytes, kPdf);  // a PDF is kept as it came
  EXPECT_EQ(pdf->file.sha256.size(), 64u);
}

TEST_F(Media, StoresListsServesCopiesAndRemoves) {
  auto add = [&](const std::string& owner, std::string_view role, std::string_view name,
                 const std::string& bytes) {
    auto ready = media_.prepare(role, name, bytes);
    EXPECT_TRUE(ready) << ready.error().detail;
    return media_.add(*conn_, owner, std::move(*ready));
  };
  auto sheet = add("offer:a", "material", "Arbeidsark.pdf", kPdf);
  ASSERT_TRUE(sheet) << sheet.error().detail;
  auto photo = add("offer:a", "picture", "foto.jpg", test_picture(2400, 1200));
  ASSERT_TRUE(photo);
  EXPECT_EQ(photo->width, kMaxEdge);
  EXPECT_EQ(photo->height, kMaxEdge / 2);

  auto listed = media_.list(*conn_, "offer:a");
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].role, "material");
  auto got = media_.get(*conn_, "offer:a", sheet->id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->bytes, kPdf);
  EXPECT_FALSE(media_.get(*conn_, "offer:b", sheet->id));  // another owner's id is not found

  ASSERT_TRUE(media_.copy_all(*conn_, "offer:a", "offer:b"));
  auto copied = media_.list(*conn_, "offer:b");
  ASSERT_EQ(copied->size(), 2u);
  EXPECT_NE((*copied)[0].id, sheet->id);
  EXPECT_EQ(media_.get(*conn_, "offer:b", (*copied)[0].id)->bytes, kPdf);

  auto many = media_.list_many(*conn_, {"offer:a", "offer:b", "offer:none"});
  EXPECT_EQ(many->size(), 2u);

  ASSERT_TRUE(media_.remove(*conn_, "offer:a", sheet->id));
  auto again = media_.remove(*conn_, "offer:a", sheet->id);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "media.file_not_found");
  EXPECT_EQ(media_.list(*conn_, "offer:a")->size(), 1u);
  EXPECT_EQ(media_.list(*conn_, "offer:b")->size(), 2u);  // the copy keeps its own
}

TEST_F(Media, EachRoleHasItsLimitAndALogoReplacesTheOld) {
  const std::string pic = test_picture(50, 50);
  for (int i = 0; i < max_files("picture"); ++i) {
    ASSERT_TRUE(media_.add(*conn_, "offer:a", *media_.prepare("picture", "p.jpg", pic)));
  }
  auto full = media_.add(*conn_, "offer:a", *media_.prepare("picture", "p.jpg", pic));
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().code, "media.too_many");
  ASSERT_TRUE(media_.add(*conn_, "organisation:x", *media_.prepare("logo", "a.png", pic)));
  auto second = media_.add(*conn_, "organisation:x", *media_.prepare("logo", "b.png", pic));
  ASSERT_TRUE(second);
  auto logos = media_.list(*conn_, "organisation:x");
  ASSERT_EQ(logos->size(), 1u);
  EXPECT_EQ((*logos)[0].name, "b.png");
}

}  // namespace
}  // namespace stemnet::media
