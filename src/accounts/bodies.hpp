// accounts/bodies.hpp — what the sign-in routes take, as typed structs read
// by http::body<T> (http/body.hpp); their shapes are the API document's,
// checked before a handler runs.
//
// Example:
//   STEMNET_TRY(auto in, http::body<LoginBody>(req));
//   svc.login(in.email, in.password, req.remote_address);
#pragma once

#include "accounts/service.hpp"
#include "http/body.hpp"

#include <boost/describe/class.hpp>

#include <string>

namespace stemnet::accounts {

// POST /auth/signup takes a SignupInput as it is.
BOOST_DESCRIBE_STRUCT(SignupInput, (), (email, name, password, language))

// POST /auth/login.
struct LoginBody {
  std::string email, password;
};
BOOST_DESCRIBE_STRUCT(LoginBody, (), (email, password))

// POST /auth/reset: ask for a code.
struct ResetBody {
  std::string email;
};
BOOST_DESCRIBE_STRUCT(ResetBody, (), (email))

// POST /auth/reset/confirm: the code and the new password.
struct ResetConfirmBody {
  std::string token, password;
};
BOOST_DESCRIBE_STRUCT(ResetConfirmBody, (), (token, password))

}  // namespace stemnet::accounts
