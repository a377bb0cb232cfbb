# The C libraries behind the number types and the balls: GMP, MPFR, MPFI (Mp, Mpi,
# core/numeric_types.hpp) and FLINT/Arb (core/arb_ball.hpp). Debian 12 ships no CMake
# package for them, so they are found by name and wrapped as imported targets
# zgverify::gmp, zgverify::mpfr, zgverify::mpfi, zgverify::flint, zgverify::arb.
# Read twice: by this project's build (top-level CMakeLists.txt) and, installed beside
# ZGVerifyConfig.cmake, by every project that finds the package, so the exported targets
# name these targets and never a library path of the machine that built them.
#
# Sets ZGVERIFY_NUMERIC_LIBRARIES_MISSING to the libraries or headers not found (empty
# when all were); the reader decides whether that is fatal. The cache variables keep the
# names the build used before (MPFR_LIB, MPFI_INCLUDE, ...): tests/fuzz and the
# certificate checker link them directly.

set(ZGVERIFY_NUMERIC_LIBRARIES_MISSING "")

# zg_numeric_library(<name> LIBRARY <var> NAMES <names...> HEADER <header> INCLUDE <var>
#                    [DEPENDS <names...>])
# One imported target zgverify::<name> from a library and the folder of its header; DEPENDS
# names the libraries it calls, which a static link must list after it.
function(zg_numeric_library name)
  cmake_parse_arguments(ARG "" "LIBRARY;HEADER;INCLUDE" "NAMES;DEPENDS" ${ARGN})
  find_library(${ARG_LIBRARY} NAMES ${ARG_NAMES})
  find_path(${ARG_INCLUDE} ${ARG_HEADER})
  set(missing ${ZGVERIFY_NUMERIC_LIBRARIES_MISSING})
  if(NOT ${ARG_LIBRARY})
    list(APPEND missing "${name} (library ${ARG_NAMES}: set ${ARG_LIBRARY})")
  endif()
  if(NOT ${ARG_INCLUDE})
    list(APPEND missing "${name} (header ${ARG_HEADER}: set ${ARG_INCLUDE})")
  endif()
  set(ZGVERIFY_NUMERIC_LIBRARIES_MISSING ${missing} PARENT_SCOPE)
  if(TARGET zgverify::${name} OR NOT ${ARG_LIBRARY} OR NOT ${ARG_INCLUDE})
    return()
  endif()
  add_library(zgverify::${name} UNKNOWN IMPORTED)
  set_target_properties(zgverify::${name} PROPERTIES IMPORTED_LOCATION "${${ARG_LIBRARY}}"
                                                     INTERFACE_INCLUDE_DIRECTORIES "${${ARG_INCLUDE}}")
  foreach(used IN LISTS ARG_DEPENDS)
    if(TARGET zgverify::${used})
      set_property(TARGET zgverify::${name} APPEND PROPERTY INTERFACE_LINK_LIBRARIES zgverify::${used})
    endif()
  endforeach()
endfunction()

zg_numeric_library(gmp LIBRARY GMP_LIB NAMES gmp HEADER gmp.h INCLUDE GMP_INCLUDE)
zg_numeric_library(mpfr LIBRARY MPFR_LIB NAMES mpfr HEADER mpfr.h INCLUDE MPFR_INCLUDE DEPENDS gmp)
zg_numeric_library(mpfi LIBRARY MPFI_LIB NAMES mpfi HEADER mpfi.h INCLUDE MPFI_INCLUDE DEPENDS mpfr gmp)
zg_numeric_library(flint LIBRARY FLINT_LIB NAMES flint HEADER flint/flint.h INCLUDE FLINT_INCLUDE DEPENDS mpfr gmp)
# Debian renames Arb's library flint-arb (package libflint-arb-dev); upstream calls it arb.
zg_numeric_library(arb LIBRARY ARB_LIB NAMES flint-arb arb HEADER arb.h INCLUDE ARB_INCLUDE DEPENDS flint mpfr gmp)
