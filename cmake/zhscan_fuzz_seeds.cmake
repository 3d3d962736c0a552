# SPDX-License-Identifier: MIT
# cmake -DSEEDS=<fuzz/seeds> -DSHARED=<shared dir> -DOUT=<dir> -P zhscan_fuzz_seeds.cmake
# Fills OUT with the committed seeds and, when SHARED/corpus exists, the shared documents.
file(MAKE_DIRECTORY "${OUT}")
file(GLOB _seeds "${SEEDS}/*")
file(GLOB _docs "${SHARED}/corpus/*.txt")
foreach(f IN LISTS _seeds _docs)
  get_filename_component(_name "${f}" NAME)
  configure_file("${f}" "${OUT}/${_name}" COPYONLY)
endforeach()
list(LENGTH _seeds _n_seeds)
list(LENGTH _docs _n_docs)
message(STATUS "fuzz seeds: ${_n_seeds} from fuzz/seeds, ${_n_docs} from ${SHARED}/corpus")
