#include "Analysis/CacheableResponse.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace crossuser;

namespace {
TEST(CacheableResponseTest, Placeholder) {}
}
