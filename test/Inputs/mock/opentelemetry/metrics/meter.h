// Mock of OpenTelemetry C++'s metrics API (not packaged in Debian): a
// Meter whose factory methods take the instrument's name first, as the
// real API's do.
#pragma once
#include <memory>
#include <opentelemetry/nostd/string_view.h>

namespace opentelemetry {
inline namespace v1 {
namespace metrics {
template <class T> class Counter {};
template <class T> class UpDownCounter {};
template <class T> class Gauge {};
template <class T> class Histogram {};
class ObservableInstrument {};

class Meter {
public:
  virtual ~Meter() = default;
  virtual std::unique_ptr<Counter<unsigned long>>
  CreateUInt64Counter(nostd::string_view name, nostd::string_view description = "",
                      nostd::string_view unit = "") = 0;
  virtual std::unique_ptr<UpDownCounter<long>>
  CreateInt64UpDownCounter(nostd::string_view name, nostd::string_view description = "",
                           nostd::string_view unit = "") = 0;
  virtual std::unique_ptr<Gauge<double>>
  CreateDoubleGauge(nostd::string_view name, nostd::string_view description = "",
                    nostd::string_view unit = "") = 0;
  virtual std::unique_ptr<Histogram<double>>
  CreateDoubleHistogram(nostd::string_view name, nostd::string_view description = "",
                        nostd::string_view unit = "") = 0;
  virtual std::shared_ptr<ObservableInstrument>
  CreateInt64ObservableGauge(nostd::string_view name, nostd::string_view description = "",
                             nostd::string_view unit = "") = 0;
};

class MeterProvider {
public:
  virtual ~MeterProvider() = default;
  virtual std::shared_ptr<Meter> GetMeter(nostd::string_view name) = 0;
};
} // namespace metrics
} // namespace v1
} // namespace opentelemetry
