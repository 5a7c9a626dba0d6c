// Boost.JSON's implementation, compiled once into the fuzz build (with the
// sanitizers and coverage instrumentation of the code around it).
#include <boost/json/src.hpp>
