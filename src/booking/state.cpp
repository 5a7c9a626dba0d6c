#include "booking/state.hpp"

#include "booking/errors.hpp"

#include <algorithm>
#include <array>

namespace stemnet::booking {
namespace {

constexpr std::array<std::string_view, 7> kStates = {
    "requested", "proposed", "accepted", "declined", "cancelled", "completed", "not_held"};
constexpr std::array<std::string_view, 7> kMoves = {"accept",   "propose",  "decline", "cancel",
                                                    "complete", "not_held", "feedback"};

struct Edge {
  State from;
  Move move;
  Side side;
  State to;
};

constexpr Edge kEdges[] = {
    {State::requested, Move::accept, Side::provider, State::accepted},
    {State::requested, Move::propose, Side::provider, State::proposed},
    {State::proposed, Move::accept, Side::school, State::accepted},
    {State::requested, Move::decline, Side::provider, State::declined},
    {State::proposed, Move::decline, Side::provider, State::declined},
    {State::requested, Move::cancel, Side::school, State::cancelled},
    {State::requested, Move::cancel, Side::provider, State::cancelled},
    {State::proposed, Move::cancel, Side::school, State::cancelled},
    {State::proposed, Move::cancel, Side::provider, State::cancelled},
    {State::accepted, Move::cancel, Side::school, State::cancelled},
    {State::accepted, Move::cancel, Side::provider, State::cancelled},
    {State::accepted, Move::complete, Side::school, State::completed},
    {State::accepted, Move::complete, Side::provider, State::completed},
    {State::accepted, Move::not_held, Side::school, State::not_held},
    {State::accepted, Move::not_held, Side::provider, State::not_held},
    {State::completed, Move::feedback, Side::school, State::completed},
    {State::completed, Move::feedback, Side::provider, State::completed},
};

}  // namespace

std::string_view name(State s) { return kStates[static_cast<std::size_t>(s)]; }
std::string_view name(Move m) { return kMoves[static_cast<std::size_t>(m)]; }

Result<State> state_from(std::string_view s) {
  auto it = std::find(kStates.begin(), kStates.end(), s);
  if (it == kStates.end()) return Error::internal("unknown state '" + std::string(s) + "'");
  return static_cast<State>(it - kStates.begin());
}

Result<Move> move_from(std::string_view s) {
  auto it = std::find(kMoves.begin(), kMoves.end(), s);
  if (it == kMoves.end()) return errors::unknown_move(s);
  return static_cast<Move>(it - kMoves.begin());
}

std::vector<Move> allowed(State state, Side side) {
  std::vector<Move> out;
  for (const auto& e : kEdges) {
    if (e.from == state && e.side == side &&
        std::find(out.begin(), out.end(), e.move) == out.end()) {
      out.push_back(e.move);
    }
  }
  return out;
}

Result<State> transition(State state, Move move, Side side) {
  for (const auto& e : kEdges) {
    if (e.from == state && e.move == move && e.side == side) return e.to;
  }
  std::string list;
  for (Move m : allowed(state, side)) list += (list.empty() ? "" : ", ") + std::string(name(m));
  return errors::illegal_move(name(state), name(move), side == Side::school ? "school" : "provider",
                              list);
}

}  // namespace stemnet::booking
