#pragma once

#include <QStringList>

namespace stroom::cli {

/** `stroom-cli bench …`: the budgets of DESIGN §8 as measurements, with a reference tool beside Stroom. */
int bench(const QStringList& args);

} // namespace stroom::cli
