# cmake -DINPUT=catalogue.json -DOUTPUT=EmbeddedCatalogue.inc -P EmbedCatalogue.cmake
# Writes the catalogue as a C++ raw string literal; rewrites the output only
# when it changes, so an unrelated reconfigure rebuilds nothing.
file(READ "${INPUT}" CONTENT)
string(FIND "${CONTENT}" ")catalogue\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )catalogue\"")
endif()
set(TEXT "// Generated from checks/catalogue.json by driver/EmbedCatalogue.cmake.\n")
string(APPEND TEXT "static const char EmbeddedCatalogue[] = R\"catalogue(${CONTENT})catalogue\";\n")
file(WRITE "${OUTPUT}.tmp" "${TEXT}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
