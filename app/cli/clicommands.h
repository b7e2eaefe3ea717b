#pragma once

#include <QStringList>

namespace stroom::cli {

/**
 * \brief Runs one stroom-cli invocation (arguments without the program name) and returns its exit code:
 * 0 done, 2 bad usage, 3 input rejected, 4 store problem (DESIGN §11).
 */
int run(const QStringList& arguments);

} // namespace stroom::cli
