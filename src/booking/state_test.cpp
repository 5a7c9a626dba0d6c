#include "booking/state.hpp"

#include <gtest/gtest.h>

namespace stemnet::booking {
namespace {

struct Legal {
  State from;
  Move move;
  Side side;
  State to;
};

// Every legal move, written out again from the rules (not from the table in state.cpp).
const Legal kLegal[] = {
    {State::requested, Move::accept, Side::provider, State::accepted},
    {State::requested, Move::propose, Side::provider, State::proposed},
    {State::requested, Move::decline, Side::provider, State::declined},
    {State::requested, Move::cancel, Side::provider, State::cancelled},
    {State::requested, Move::cancel, Side::school, State::cancelled},
    {State::proposed, Move::accept, Side::school, State::accepted},
    {State::proposed, Move::decline, Side::provider, State::declined},
    {State::proposed, Move::cancel, Side::provider, State::cancelled},
    {State::proposed, Move::cancel, Side::school, State::cancelled},
    {State::accepted, Move::cancel, Side::school, State::cancelled},
    {State::accepted, Move::cancel, Side::provider, State::cancelled},
    {State::accepted, Move::complete, Side::school, State::completed},
    {State::accepted, Move::complete, Side::provider, State::completed},
    {State::accepted, Move::not_held, Side::school, State::not_held},
    {State::accepted, Move::not_held, Side::provider, State::not_held},
    {State::completed, Move::feedback, Side::school, State::completed},
    {State::completed, Move::feedback, Side::provider, State::completed},
};

TEST(StateMachine, EveryLegalMove) {
  for (const auto& l : kLegal) {
    auto r = transition(l.from, l.move, l.side);
    ASSERT_TRUE(r) << name(l.from) << " " << name(l.move);
    EXPECT_EQ(*r, l.to) << name(l.from) << " " << name(l.move);
  }
}

TEST(StateMachine, EveryOtherMoveIsRefusedNamingTheAllowedOnes) {
  int refused = 0;
  for (int s = 0; s <= static_cast<int>(State::not_held); ++s) {
    for (int m = 0; m <= static_cast<int>(Move::feedback); ++m) {
      for (Side side : {Side::school, Side::provider}) {
        const State state = static_cast<State>(s);
        const Move move = static_cast<Move>(m);
        bool legal = false;
        for (const auto& l : kLegal) legal |= l.from == state && l.move == move && l.side == side;
        if (legal) continue;
        auto r = transition(state, move, side);
        ASSERT_FALSE(r) << name(state) << " " << name(move);
        EXPECT_EQ(r.error().kind, ErrorKind::conflict);
        EXPECT_EQ(r.error().type, "illegal-move");
        EXPECT_EQ(r.error().code, "booking.illegal_move");
        ASSERT_EQ(r.error().params.size(), 4u);
        EXPECT_EQ(std::get<std::string>(r.error().params[0].value), name(state));
        EXPECT_EQ(std::get<std::string>(r.error().params[1].value), name(move));
        EXPECT_NE(r.error().detail.find("allowed now: "), std::string::npos);
        ++refused;
      }
    }
  }
  EXPECT_EQ(refused, 7 * 7 * 2 - 17);
}

TEST(StateMachine, AllowedMovesAreListed) {
  auto r = transition(State::requested, Move::complete, Side::provider);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("allowed now: accept, propose, decline, cancel"),
            std::string::npos)
      << r.error().detail;
  auto done = transition(State::declined, Move::cancel, Side::school);
  EXPECT_NE(done.error().detail.find("allowed now: nothing"), std::string::npos);
}

TEST(StateMachine, NamesRoundTrip) {
  for (const char* s :
       {"requested", "proposed", "accepted", "declined", "cancelled", "completed", "not_held"}) {
    EXPECT_EQ(name(*state_from(s)), s);
  }
  EXPECT_FALSE(move_from("teleport"));
}

}  // namespace
}  // namespace stemnet::booking
