# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE): the Debian
# packages install under /usr, the archive is relative to its top folder.
if(CPACK_GENERATOR STREQUAL "TGZ")
  set(CPACK_PACKAGING_INSTALL_PREFIX "")
endif()
