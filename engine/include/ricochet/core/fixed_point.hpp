#pragma once
// Decimal text of numbers with a fixed number of decimals, as printf's "%.Nf" writes them, for the large tables
// (care.csv has millions of numbers: printf-like formatting was most of a run's cost).
#include <string>

namespace ricochet::core {

/** Appends VALUE with DECIMALS decimals (0 to 6), byte for byte as printf("%.*f", DECIMALS, VALUE) would. */
void append_fixed(std::string& out, double value, int decimals);

/** Appends VALUE in decimal. */
void append_integer(std::string& out, unsigned long long value);

} // namespace ricochet::core
