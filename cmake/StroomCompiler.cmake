# Compiler settings shared by every Stroom target.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

add_library(stroom_warnings INTERFACE)
target_compile_options(stroom_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
                       -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
if(STROOM_WERROR)
  target_compile_options(stroom_warnings INTERFACE -Werror)
endif()

# The engine must stay clean of anything Qt 5.15 deprecated, so Qt 6 (and QGIS 4) is a rebuild.
add_library(stroom_qt_strict INTERFACE)
target_compile_definitions(stroom_qt_strict INTERFACE QT_DISABLE_DEPRECATED_BEFORE=0x050F00
                           QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
                           QT_STRICT_ITERATORS)
