// Graphviz reports errors and warnings through one process-wide function. Polku collects
// them here instead of letting them reach standard error; the Swift side reads and clears
// them, with every Graphviz call behind one lock.
#ifndef POLKU_GRAPHVIZ_ERRORS_H
#define POLKU_GRAPHVIZ_ERRORS_H

/// Starts collecting Graphviz's messages and resets its error count.
void polku_capture_errors(void);

/// Everything Graphviz said since the last `polku_capture_errors` (at most 8 KiB).
const char *polku_captured_errors(void);

#endif
