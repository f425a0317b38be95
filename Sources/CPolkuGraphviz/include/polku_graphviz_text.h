// Graphviz measures every piece of label text through its text layout plugin (pango): that is
// most of the time of a large SVG. Polku puts a layer in front of it that remembers each
// measurement, so text that appears again (a lane's name on every page, repeated lines) is
// measured once. The numbers are the plugin's own, so the picture does not change. The layer
// holds a lock around the plugin and its table, so `polku_graphviz_warm_up` and
// `polku_graphviz_measure_ahead` may run on another thread while the Graphviz actor's queue
// renders; call every other function only on that queue.
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

/// Starts reading the system's font configuration (fontconfig's `FcInit`, what pango does
/// first) on a thread of its own, beside the plugins being loaded; `polku_graphviz_warm_up`
/// waits for it. Call at most once, before `polku_graphviz_warm_up`.
void polku_graphviz_start_fonts(void);

/// Measures, and remembers, the text of every label piece in `dot` written as Polku's diagrams
/// write them (`<FONT POINT-SIZE="n" …>`, then `<I>`/`<B>`, then the text) in `fontname`, the
/// graph's font, in the order they come: for another thread to do while Graphviz reads and lays
/// out the same graph, which then finds most of its texts measured. Only an SVG render uses
/// what is remembered. A piece this does not read exactly as Graphviz does is left for
/// Graphviz to measure. With `until_laid_out`, it stops once a render has laid out its graph
/// (`polku_graphviz_end_ahead`).
void polku_graphviz_measure_ahead(const char *dot, const char *fontname, int until_laid_out);

/// Says that a render has laid out its graph: a `polku_graphviz_measure_ahead` until then
/// measures nothing more (the renders after it may draw through pango outside the layer's
/// lock). Returns once no measurement of it is under way.
void polku_graphviz_end_ahead(void);

/// For tests: whether a measurement of `text` in that font is remembered.
int polku_graphviz_remembers(const char *fontname, double size, int flags, const char *text);

/// For tests: forgets every measurement.
void polku_graphviz_forget_texts(void);

#endif
