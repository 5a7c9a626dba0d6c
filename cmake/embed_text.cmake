# Embeds a text file into the binary as a std::string_view:
#   cmake -DIN=api/openapi.yaml -DOUT=generated/openapi_yaml.cpp -DNAME=kOpenApiYaml -P embed_text.cmake
# The text must not contain the raw-string delimiter )stemnet_embed".
file(READ ${IN} text)
string(FIND "${text}" ")stemnet_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the delimiter )stemnet_embed\"")
endif()
file(WRITE ${OUT}.tmp
     "// Generated from ${IN} by cmake/embed_text.cmake; do not edit.\n"
     "#include <string_view>\n"
     "namespace stemnet::api {\n"
     "extern const std::string_view ${NAME};\n"
     "const std::string_view ${NAME} = R\"stemnet_embed(${text})stemnet_embed\";\n"
     "}  // namespace stemnet::api\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
