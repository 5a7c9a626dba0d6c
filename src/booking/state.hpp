// booking/state.hpp — the life of a request, as a pure function.
//
//   requested --accept (provider, a slot)-----------------> accepted
//   requested --propose (provider, another time)----------> proposed
//   proposed  --accept (school, the proposed time)--------> accepted
//   requested|proposed --decline (provider, a reason)-----> declined
//   requested|proposed|accepted --cancel (either, reason)-> cancelled   (before it happens)
//   accepted  --complete (either, after the date)---------> completed
//   accepted  --not_held (either, after the date, who)----> not_held
//   completed --feedback (each side once)-----------------> completed
// Any other move is refused with ErrorKind::conflict naming the moves allowed.
// Example:
//   auto next = transition(State::requested, Move::accept, Side::provider);   // accepted
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace stemnet::booking {

enum class State { requested, proposed, accepted, declined, cancelled, completed, not_held };
enum class Move { accept, propose, decline, cancel, complete, not_held, feedback };
enum class Side { school, provider };

std::string_view name(State s);
std::string_view name(Move m);
Result<State> state_from(std::string_view s);
Result<Move> move_from(std::string_view s);

// The moves `side` may make from `state`.
std::vector<Move> allowed(State state, Side side);
// The state after the move; ErrorKind::conflict (type "illegal-move") naming
// the allowed moves when it is not one.
Result<State> transition(State state, Move move, Side side);

}  // namespace stemnet::booking
