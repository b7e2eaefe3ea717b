# FindQGIS.cmake — QGIS 3.x core and gui as imported targets, for Debian 12 (QGIS 3.22, Qt 5).
#
# Debian ships /usr/share/qgis/FindQGIS.cmake, which only sets variables (and QGIS_PLUGIN_DIR comes
# back NOTFOUND). This module wraps what it finds in imported targets and fixes the header layout:
#
#   QGIS::Core   qgis_core + headers (+ WITH_QTWEBKIT, which libqgis_core was built with)
#   QGIS::Gui    qgis_gui, depends on QGIS::Core
#   QGIS_VERSION, QGIS_INCLUDE_DIR, QGIS_PREFIX_PATH (install prefix for QgsApplication)
#
# Some public headers include sub-paths ("scalebar/…", "geometry/…") that Debian installs flat; a
# generated folder of forwarding headers in the build tree makes those includes resolve.

find_path(QGIS_INCLUDE_DIR NAMES qgsapplication.h PATHS /usr/include/qgis /usr/local/include/qgis)
find_library(QGIS_CORE_LIBRARY NAMES qgis_core PATHS /usr/lib /usr/local/lib)
find_library(QGIS_GUI_LIBRARY NAMES qgis_gui PATHS /usr/lib /usr/local/lib)

if(QGIS_INCLUDE_DIR AND EXISTS "${QGIS_INCLUDE_DIR}/qgsconfig.h")
  file(STRINGS "${QGIS_INCLUDE_DIR}/qgsconfig.h" _qgis_ver REGEX "^#define VERSION_INT ")
  string(REGEX REPLACE "^#define VERSION_INT ([0-9]+).*" "\\1" _qgis_int "${_qgis_ver}")
  if(_qgis_int)
    math(EXPR _maj "${_qgis_int} / 10000")
    math(EXPR _min "(${_qgis_int} / 100) % 100")
    math(EXPR _pat "${_qgis_int} % 100")
    set(QGIS_VERSION "${_maj}.${_min}.${_pat}")
  endif()
endif()

# The prefix QgsApplication needs: <prefix>/lib/qgis/plugins and <prefix>/share/qgis.
get_filename_component(_qgis_libdir "${QGIS_CORE_LIBRARY}" DIRECTORY)
get_filename_component(QGIS_PREFIX_PATH "${_qgis_libdir}/.." ABSOLUTE)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QGIS REQUIRED_VARS QGIS_CORE_LIBRARY QGIS_GUI_LIBRARY QGIS_INCLUDE_DIR
                                  VERSION_VAR QGIS_VERSION)

if(QGIS_FOUND AND NOT TARGET QGIS::Core)
  # Forwarding headers for sub-path includes; generated once per build tree.
  set(_fwd "${CMAKE_BINARY_DIR}/qgis-forward")
  if(NOT EXISTS "${_fwd}/.done")
    file(GLOB _headers "${QGIS_INCLUDE_DIR}/*.h")
    set(_subpaths "")
    foreach(_h IN LISTS _headers)
      file(STRINGS "${_h}" _incs REGEX "^#include \"[A-Za-z0-9_]+/[^\"]+\"")
      foreach(_i IN LISTS _incs)
        string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" _p "${_i}")
        list(APPEND _subpaths "${_p}")
      endforeach()
    endforeach()
    list(REMOVE_DUPLICATES _subpaths)
    foreach(_p IN LISTS _subpaths)
      get_filename_component(_name "${_p}" NAME)
      if(EXISTS "${QGIS_INCLUDE_DIR}/${_name}")
        file(WRITE "${_fwd}/${_p}" "#include <${_name}>\n")
      endif()
    endforeach()
    file(WRITE "${_fwd}/.done" "")
  endif()

  add_library(QGIS::Core UNKNOWN IMPORTED)
  set_target_properties(QGIS::Core PROPERTIES
    IMPORTED_LOCATION "${QGIS_CORE_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR};${_fwd}"
    INTERFACE_COMPILE_DEFINITIONS "WITH_QTWEBKIT;QGIS_PREFIX_PATH=\"${QGIS_PREFIX_PATH}\"")
  set_property(TARGET QGIS::Core PROPERTY INTERFACE_LINK_LIBRARIES
    Qt5::Core Qt5::Gui Qt5::Widgets Qt5::Xml Qt5::Svg Qt5::Network Qt5::PrintSupport Qt5::Positioning
    Qt5::SerialPort Qt5::Sql Qt5::Concurrent Qt5::WebKitWidgets)

  add_library(QGIS::Gui UNKNOWN IMPORTED)
  set_target_properties(QGIS::Gui PROPERTIES
    IMPORTED_LOCATION "${QGIS_GUI_LIBRARY}"
    INTERFACE_LINK_LIBRARIES "QGIS::Core;Qt5::Widgets")
endif()

mark_as_advanced(QGIS_INCLUDE_DIR QGIS_CORE_LIBRARY QGIS_GUI_LIBRARY)
