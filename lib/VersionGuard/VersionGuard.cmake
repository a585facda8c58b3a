# crossuser_add_guarded_module(<target> <impl-target> <host>): <target> is
# the small library users load; it checks the host's LLVM major and then
# loads <impl-target>'s file from its own directory (see VersionGuard.cpp).
function(crossuser_add_guarded_module target impl host)
  add_library(${target} MODULE ${CROSSUSER_GUARD_SOURCE})
  set_target_properties(${target} PROPERTIES PREFIX "")
  target_compile_definitions(${target} PRIVATE
    CROSSUSER_GUARD_IMPL="$<TARGET_FILE_NAME:${impl}>"
    CROSSUSER_GUARD_HOST="${host}"
    CROSSUSER_LLVM_MAJOR=${LLVM_VERSION_MAJOR})
  target_link_libraries(${target} PRIVATE ${CMAKE_DL_LIBS})
  add_dependencies(${target} ${impl})
endfunction()
