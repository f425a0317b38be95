// Graphviz reports errors and warnings through one process-wide function. Polku collects
// them here instead of letting them reach standard error. Every function here touches
// process-wide state: call them only on the Graphviz actor's queue (see Graphviz.swift).
#ifndef POLKU_GRAPHVIZ_ERRORS_H
#define POLKU_GRAPHVIZ_ERRORS_H

/// Routes Graphviz's messages (everything it reports through `agerr`) into Polku's buffer.
/// Call once, before `gvContext`, so that what loading the plugins says is collected too.
void polku_install_error_handler(void);

/// Empties the buffer and resets Graphviz's error level; call before each job.
void polku_capture_errors(void);

/// Everything Graphviz said since the last `polku_capture_errors` (at most 8 KiB).
const char *polku_captured_errors(void);

#endif
