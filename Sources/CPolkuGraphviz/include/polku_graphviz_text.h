// Graphviz measures every piece of label text through its text layout plugin (pango): that is
// most of the time of a large SVG. Polku puts a layer in front of it that remembers each
// measurement, so text that appears again (a lane's name on every page, repeated lines) is
// measured once. The numbers are the plugin's own, so the picture does not change. Every
// function here touches process-wide state: call them only on the Graphviz actor's queue.
#ifndef POLKU_GRAPHVIZ_TEXT_H
#define POLKU_GRAPHVIZ_TEXT_H

#include <graphviz/gvc.h>

/// The Graphviz context for the process: `gvContext()`, with Polku's layer chosen as the text
/// layout plugin when this Graphviz allows it (the plugin Graphviz would have chosen still
/// measures, in a second context). Call once.
GVC_t *polku_graphviz_context(void);

/// Whether measurements are remembered and reused for the next renders: only for SVG, which
/// needs the numbers alone (PNG and PDF draw through the plugin's own layout of each text).
void polku_remember_text(int on);

/// Does now what the first text measured would do: starts the text layout plugin's font
/// machinery (pango's font map, fontconfig reading the system's font configuration, about a
/// third of a small render) and finds the font, by measuring one short text in `fontname`.
/// The measurement is not remembered. Nothing happens without the plugin.
void polku_graphviz_warm_up(const char *fontname);

#endif
