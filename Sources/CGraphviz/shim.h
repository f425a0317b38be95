// The one C header Polku includes from Graphviz, with a small wrapper that keeps the Swift
// side the same across Graphviz versions. SwiftPM does not notice edits here: remove .build
// after changing it.
#ifndef POLKU_CGRAPHVIZ_SHIM_H
#define POLKU_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// gvRenderData's length is `unsigned int *` up to Graphviz 12 and `size_t *` from 13 on.
static inline int polku_render_data(GVC_t *gvc, graph_t *g, const char *format, char **result, size_t *length) {
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
    size_t n = 0;
#else
    unsigned int n = 0;
#endif
    int status = gvRenderData(gvc, g, format, result, &n);
    *length = (size_t)n;
    return status;
}

#endif
