#include "polku_graphviz_errors.h"
#include <string.h>
#include <graphviz/cgraph.h>

static char error_buffer[8192];
static size_t error_length = 0;

static int collect_error(char *message) {
    size_t n = strlen(message);
    size_t room = sizeof(error_buffer) - 1 - error_length;
    if (n > room) n = room;
    memcpy(error_buffer + error_length, message, n);
    error_length += n;
    error_buffer[error_length] = 0;
    return 0;
}

void polku_install_error_handler(void) {
    agseterrf(collect_error);
}

void polku_capture_errors(void) {
    error_length = 0;
    error_buffer[0] = 0;
    agseterrf(collect_error);
    agreseterrors();
}

const char *polku_captured_errors(void) {
    return error_buffer;
}
