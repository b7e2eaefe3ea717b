#pragma once

// A main() for Qt Test suites that need QGIS: a QgsApplication (offscreen), the providers checked.
#include "common/error.h"
#include "qgisruntime.h"

#include <qgsapplication.h>

#include <QTest>

#include <cstdio>

#define STROOM_QGIS_TEST_MAIN(TestClass)                                                                     \
    int main(int argc, char* argv[]) {                                                                       \
        qputenv("QT_QPA_PLATFORM", "offscreen");                                                             \
        QgsApplication app(argc, argv, true);                                                                \
        try {                                                                                                \
            stroom::maps::QgisRuntime::initialise();                                                         \
        } catch (const stroom::Error& e) {                                                                   \
            std::fprintf(stderr, "%s\n", qPrintable(e.message()));                                           \
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
