#pragma once

// A main() for Qt Test suites that need QGIS: a QgsApplication (offscreen), the providers checked.
#include "qgisruntime.h"

#include <qgsapplication.h>

#include <QTest>

#include <cstdio>

#define STROOM_QGIS_TEST_MAIN(TestClass)                                                                     \
    int main(int argc, char* argv[]) {                                                                       \
        qputenv("QT_QPA_PLATFORM", "offscreen");                                                             \
        QgsApplication app(argc, argv, true);                                                                \
        const QString problem = stroom::maps::QgisRuntime::initialise();                                     \
        if (!problem.isEmpty()) {                                                                            \
            std::fprintf(stderr, "%s\n", qPrintable(problem));                                               \
            return 1;                                                                                        \
        }                                                                                                    \
        int rc = 0;                                                                                          \
        {                                                                                                    \
            TestClass t;                                                                                     \
            rc = QTest::qExec(&t, argc, argv);                                                               \
        }                                                                                                    \
        QgsApplication::exitQgis();                                                                          \
        return rc;                                                                                           \
    }
