#include "organisations/service.hpp"

#include <gtest/gtest.h>

namespace stemnet::organisations {
namespace {

ProviderInput good() {
  ProviderInput in;
  in.kind = "company";
  in.name = "Fjordkraft Testdata AS";
  in.orgnr = "923456783";
  in.municipality = "4601";
  in.sector = "energy";
  in.shows = {"careers"};
  return in;
}

TEST(ProviderInput, GoodOnesPass) {
  EXPECT_TRUE(validate(good()));
  ProviderInput volunteer = good();
  volunteer.kind = "volunteer";
  volunteer.orgnr.reset();  // a volunteer role model has no organisation number
  EXPECT_TRUE(validate(volunteer));
}

TEST(ProviderInput, BadOnesNameTheField) {
  struct Case {
    void (*mutate)(ProviderInput&);
    const char* param;
  };
  const Case cases[] = {
      {[](ProviderInput& i) { i.kind = "school"; }, "kind"},
      {[](ProviderInput& i) { i.name = ""; }, "name"},
      {[](ProviderInput& i) { i.orgnr.reset(); }, "orgnr"},
      {[](ProviderInput& i) { i.orgnr = "923456784"; }, "orgnr"},  // wrong mod-11 check digit
      {[](ProviderInput& i) { i.orgnr = "92345678"; }, "orgnr"},
      {[](ProviderInput& i) { i.municipality.reset(); }, "municipality"},
      {[](ProviderInput& i) { i.municipality = "46"; }, "municipality"},
      {[](ProviderInput& i) { i.sector = "magic"; }, "sector"},
      {[](ProviderInput& i) { i.shows = {"fun"}; }, "shows"},
      {[](ProviderInput& i) { i.logo_url = "javascript:alert(1)"; }, "logo_url"},
      {[](ProviderInput& i) { i.profile = std::string(4001, 'x'); }, "profile"},
  };
  for (const auto& c : cases) {
    ProviderInput in = good();
    c.mutate(in);
    auto r = validate(in);
    ASSERT_FALSE(r) << c.param;
    EXPECT_EQ(r.error().param, c.param);
  }
}

}  // namespace
}  // namespace stemnet::organisations
