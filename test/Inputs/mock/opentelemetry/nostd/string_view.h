// Mock of OpenTelemetry C++'s nostd::string_view: the shape the metric
// registration collector sees (a name converted from a string literal).
#pragma once
#include <cstddef>

namespace opentelemetry {
inline namespace v1 {
namespace nostd {
class string_view {
public:
  string_view(const char *data) : data_(data) {}
  string_view() = default;

private:
  const char *data_ = nullptr;
};
} // namespace nostd
} // namespace v1
} // namespace opentelemetry
