// Boost.URL's implementation, compiled once into the fuzz build (with the
// sanitizers and coverage instrumentation of the code around it).
#include <boost/url/src.hpp>
