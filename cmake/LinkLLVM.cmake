# How spawnguard links LLVM and Clang.
#
# Our libraries link LLVM and Clang through the interface targets
# spawnguardLLVM and spawnguardClang, which resolve to Debian's shared
# libLLVM and libclang-cpp: the clang-tidy plugin and spawnguard-clangd must
# share them with their host. An executable whose property
# SPAWNGUARD_STATIC_LLVM is true gets nothing from them, and links the static
# archives instead (spawnguard_link_llvm_statically). Loading and relocating
# the two shared libraries costs about 70 ms of every run, most of a warm
# run; the static executable starts in about 10 ms.

set(SpawnguardStatic "$<BOOL:$<TARGET_PROPERTY:SPAWNGUARD_STATIC_LLVM>>")

add_library(spawnguardLLVM INTERFACE)
target_link_libraries(spawnguardLLVM INTERFACE
  "$<$<NOT:${SpawnguardStatic}>:LLVM>")
add_library(spawnguardClang INTERFACE)
target_link_libraries(spawnguardClang INTERFACE
  "$<$<NOT:${SpawnguardStatic}>:clang-cpp>" spawnguardLLVM)

# Every Clang archive (the linker takes only what is used), and LLVM's as
# llvm-config lists them, minus Polly, whose archives Debian does not ship.
file(GLOB SpawnguardClangArchives "${LLVM_LIBRARY_DIR}/libclang[A-Z]*.a")
execute_process(
  COMMAND "${LLVM_TOOLS_BINARY_DIR}/llvm-config" --link-static --libfiles all
  OUTPUT_VARIABLE SpawnguardLLVMArchives
  OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE SpawnguardLLVMConfigResult)
separate_arguments(SpawnguardLLVMArchives UNIX_COMMAND
                   "${SpawnguardLLVMArchives}")
list(FILTER SpawnguardLLVMArchives EXCLUDE REGEX "/libPolly")
find_library(SpawnguardZstd NAMES zstd libzstd.so.1)
find_library(SpawnguardZ3 NAMES z3)
find_library(SpawnguardXml2 NAMES xml2)
find_package(ZLIB)
find_package(Threads REQUIRED)

set(SPAWNGUARD_STATIC_LLVM_AVAILABLE OFF)
if(SpawnguardLLVMConfigResult EQUAL 0 AND SpawnguardClangArchives
   AND SpawnguardZstd AND SpawnguardZ3 AND SpawnguardXml2 AND ZLIB_FOUND)
  set(SPAWNGUARD_STATIC_LLVM_AVAILABLE ON)
endif()

option(SPAWNGUARD_STATIC_LLVM
       "Link the spawnguard CLI with LLVM's and Clang's static archives"
       ${SPAWNGUARD_STATIC_LLVM_AVAILABLE})
if(SPAWNGUARD_STATIC_LLVM AND NOT SPAWNGUARD_STATIC_LLVM_AVAILABLE)
  message(WARNING "SPAWNGUARD_STATIC_LLVM: LLVM's or Clang's static archives, "
                  "or libraries they need, are missing; linking shared")
  set(SPAWNGUARD_STATIC_LLVM OFF)
endif()

# lld links the 60 MB executable in 2 s, GNU ld in 20.
include(CheckLinkerFlag)
check_linker_flag(CXX -fuse-ld=lld SPAWNGUARD_HAVE_LLD)
check_linker_flag(CXX -no-pie SPAWNGUARD_HAVE_NO_PIE)

# Links \p Target with the static archives, if SPAWNGUARD_STATIC_LLVM.
function(spawnguard_link_llvm_statically Target)
  if(NOT SPAWNGUARD_STATIC_LLVM)
    return()
  endif()
  set_target_properties(${Target} PROPERTIES SPAWNGUARD_STATIC_LLVM ON)
  if(SPAWNGUARD_HAVE_LLD)
    target_link_options(${Target} PRIVATE -fuse-ld=lld)
  endif()
  # As a position-independent executable, the static CLI would apply about
  # 200,000 relocations at every start, dirtying 2.7 MB of pointers: half
  # its start-up time and 6 MB of memory, paid once per unit when it runs
  # as a compiler wrapper. Shared libraries, heap and stack keep ASLR.
  if(SPAWNGUARD_HAVE_NO_PIE)
    target_link_options(${Target} PRIVATE -no-pie)
  endif()
  # The archives depend on each other in cycles; the linker rescans them.
  target_link_libraries(${Target} PRIVATE
    -Wl,--start-group ${SpawnguardClangArchives} ${SpawnguardLLVMArchives}
    -Wl,--end-group
    ${SpawnguardZstd} ${SpawnguardZ3} ${SpawnguardXml2} ZLIB::ZLIB
    Threads::Threads ${CMAKE_DL_LIBS} rt m)
endfunction()
