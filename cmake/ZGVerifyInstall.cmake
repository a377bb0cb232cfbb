# The installed package (docs/packaging.md): `cmake --install build --prefix P` puts the
# program under P/bin, the headers under P/include/zgverify, libzg_core.a and
# libzg_lemmas.a under P/lib, and the CMake package ZGVerify under P/lib/cmake/ZGVerify:
# imported targets zgverify::core, zgverify::lemmas and zgverify::lemmas_registry. The
# targets' install() calls sit beside them (core/, lemmas/, verify/); tests, benchmarks
# and fuzzers have none.
include(CMakePackageConfigHelpers)

set(ZGVERIFY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/ZGVerify)
# Paths are relative to the installed file, so the prefix can be moved.
install(EXPORT ZGVerifyTargets NAMESPACE zgverify:: FILE ZGVerifyTargets.cmake DESTINATION ${ZGVERIFY_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/ZGVerifyConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/ZGVerifyConfig.cmake
                              INSTALL_DESTINATION ${ZGVERIFY_CMAKE_DIR})
# 0.x: a minor version may change the interface, so only the same minor version matches.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/ZGVerifyConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ZGVerifyConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/ZGVerifyConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/ZGVerifyNumericLibraries.cmake
        DESTINATION ${ZGVERIFY_CMAKE_DIR})
