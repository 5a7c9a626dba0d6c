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
  in.recruits_for = {"apprenticeships", "summer_jobs"};
  in.contact = {"Eva Strøm", "Skolekontakt", "eva@fjordkraft.test", "+47 55 12 34 56"};
  in.website = "https://fjordkraft.example";
  return in;
}

TEST(ProviderInput, GoodOnesPass) {
  EXPECT_TRUE(validate(good()));
  ProviderInput volunteer = good();
  volunteer.kind = "volunteer";
  volunteer.orgnr.reset();  // a volunteer role model has no organisation number
  volunteer.field = "Havbruksingeniør";
  volunteer.affiliation = "NTNU";
  EXPECT_TRUE(validate(volunteer));
}

TEST(ProviderInput, ARoleModelNamesTheirFieldAndWhere) {
  ProviderInput in = good();
  in.kind = "volunteer";
  in.orgnr.reset();
  in.affiliation = "NTNU";
  auto no_field = validate(in);
  ASSERT_FALSE(no_field);
  EXPECT_EQ(no_field.error().param, "field");
  in.field = "Havbruksingeniør";
  in.affiliation.reset();
  auto nowhere = validate(in);
  ASSERT_FALSE(nowhere);
  EXPECT_EQ(nowhere.error().param, "affiliation");
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
      {[](ProviderInput& i) { i.recruits_for = {"fun"}; }, "recruits_for"},
      {[](ProviderInput& i) { i.website = "javascript:alert(1)"; }, "website"},
      {[](ProviderInput& i) { i.website = "http://fjordkraft.example"; }, "website"},
      {[](ProviderInput& i) { i.contact.email = "eva"; }, "contact.email"},
      {[](ProviderInput& i) { i.contact.phone = "55 12"; }, "contact.phone"},
      {[](ProviderInput& i) { i.contact.phone = "ring meg"; }, "contact.phone"},
      {[](ProviderInput& i) { i.contact.name = std::string(201, 'x'); }, "contact.name"},
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
