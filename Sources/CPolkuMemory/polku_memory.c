// CPolkuMemory is mostly its header, inline; this file holds what cannot be: the copy out of
// a mapped file, with the signal handler that catches a file cut short under it.
#define _GNU_SOURCE
#include "polku_memory.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>

/// Where the copy on this thread goes back to when its source goes away; NULL while the
/// thread is not copying.
static _Thread_local sigjmp_buf *copying;
/// What SIGBUS did before the handler was installed, for a SIGBUS that is not ours.
static struct sigaction earlier;
static pthread_once_t installed = PTHREAD_ONCE_INIT;
static int installFailed;

static void onBusError(int signal, siginfo_t *info, void *context) {
    if (copying != NULL) {
        sigjmp_buf *back = copying;
        copying = NULL;
        siglongjmp(*back, 1);
    }
    // Not a copy of ours: as before. With the earlier handler a function, call it; else
    // put the earlier action back, so that the fault, raised again when this returns,
    // does what it did (end the process).
    if ((earlier.sa_flags & SA_SIGINFO) && earlier.sa_sigaction != NULL) {
        earlier.sa_sigaction(signal, info, context);
    } else if (earlier.sa_handler != SIG_DFL && earlier.sa_handler != SIG_IGN && earlier.sa_handler != NULL) {
        earlier.sa_handler(signal);
    } else {
        sigaction(SIGBUS, &earlier, NULL);
    }
}

static void install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = onBusError;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    installFailed = sigaction(SIGBUS, &action, &earlier) != 0;
}

int polku_copy_mapped(void *destination, const void *source, size_t count) {
    pthread_once(&installed, install);
    if (installFailed) return -1;
    sigjmp_buf back;
    if (sigsetjmp(back, 1) != 0) return -1;
    // volatile: written before a jump that may come back here.
    *(sigjmp_buf *volatile *)&copying = &back;
    memcpy(destination, source, count);
    copying = NULL;
    return 0;
}
