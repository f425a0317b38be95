#include "polku_graphviz_text.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <graphviz/textspan.h>

// What Graphviz exports but does not declare in its installed headers: the function that
// hands a text to the context's text layout plugin (0 when there is none or it fails, and
// Graphviz then estimates the size itself). Looked up when the process starts using
// Graphviz; without it Polku uses a plain context and measures nothing itself.
typedef int (*text_layout_fn)(GVC_t *, textspan_t *, char **);
static text_layout_fn plugin_layout;
// The context whose text layout plugin is the one Graphviz chose (pango): it measures.
static GVC_t *measuring;
static int remembering;
// The render measures on the Graphviz queue while `polku_graphviz_measure_ahead` may measure
// on another thread. `plugin_lock` is held around every use of the plugin (pango keeps its
// state in globals), `table_lock` around every use of the table, only for a look-up or an
// entry written, so that a render finding a text measured does not wait for the other
// thread's measurement. When both are held, `plugin_lock` was taken first.
static pthread_mutex_t plugin_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
// Set once a render has laid out its graph: what `polku_graphviz_measure_ahead` has not
// measured by then is left (a later render may draw through pango outside `plugin_lock`).
static int ahead_ended;

// One remembered measurement: the key is the font's flags, size and name and the text, as
// bytes; the values are everything the plugin sets apart from its own layout object.
typedef struct {
    char *key;
    size_t key_length;
    uint64_t hash;
    pointf size;
    double yoffset_layout, yoffset_centerline;
    int measured;
} entry_t;

static entry_t *entries;
static size_t capacity, count;
// More than this many texts (about 40 MB) and the table starts again empty.
static const size_t largest = 1 << 18;

static uint64_t fnv1a(const unsigned char *bytes, size_t n, uint64_t h) {
    for (size_t i = 0; i < n; i++) {
        h ^= bytes[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static void forget_all(void) {
    for (size_t i = 0; i < capacity; i++) free(entries[i].key);
    free(entries);
    entries = NULL;
    capacity = count = 0;
}

static entry_t *slot(entry_t *table, size_t size, const char *key, size_t n, uint64_t hash) {
    size_t i = (size_t)hash & (size - 1);
    while (table[i].key && !(table[i].hash == hash && table[i].key_length == n && memcmp(table[i].key, key, n) == 0)) {
        i = (i + 1) & (size - 1);
    }
    return &table[i];
}

static int grow(void) {
    size_t size = capacity ? capacity * 2 : 4096;
    entry_t *table = calloc(size, sizeof(entry_t));
    if (!table) return 0;
    for (size_t i = 0; i < capacity; i++) {
        if (entries[i].key) *slot(table, size, entries[i].key, entries[i].key_length, entries[i].hash) = entries[i];
    }
    free(entries);
    entries = table;
    capacity = size;
    return 1;
}

// The key of a measurement: the font's flags, size and name and the text, as bytes, in
// `stack` when it fits, else in memory the caller frees (NULL when there is none).
static char *make_key(const textfont_t *font, const char *text, char *stack, size_t room, size_t *n) {
    size_t name_length = strlen(font->name), text_length = strlen(text);
    *n = 1 + sizeof(double) + name_length + 1 + text_length;
    char *key = *n <= room ? stack : malloc(*n);
    if (!key) return NULL;
    key[0] = (char)font->flags;
    memcpy(key + 1, &font->size, sizeof(double));
    memcpy(key + 1 + sizeof(double), font->name, name_length + 1);
    memcpy(key + 1 + sizeof(double) + name_length + 1, text, text_length);
    return key;
}

static uint64_t key_hash(const char *key, size_t n) {
    return fnv1a((const unsigned char *)key, n, 14695981039346656037ULL);
}

// Copies the numbers remembered under `key` into `span`; 0 when there are none. Takes
// `table_lock`.
static int recall(textspan_t *span, const char *key, size_t n, uint64_t hash, int *measured) {
    pthread_mutex_lock(&table_lock);
    entry_t *found = capacity ? slot(entries, capacity, key, n, hash) : NULL;
    int known = found && found->key;
    if (known) {
        span->size = found->size;
        span->yoffset_layout = found->yoffset_layout;
        span->yoffset_centerline = found->yoffset_centerline;
        *measured = found->measured != 0;
    }
    pthread_mutex_unlock(&table_lock);
    return known;
}

// Remembers the numbers of `span` under `key`, unless they are already. Takes `table_lock`.
static void remember(const textspan_t *span, const char *key, size_t n, uint64_t hash, int measured) {
    pthread_mutex_lock(&table_lock);
    if (count >= largest) forget_all();
    if ((count + 1) * 2 <= capacity || grow()) {
        entry_t *e = slot(entries, capacity, key, n, hash);
        char *kept = e->key ? NULL : malloc(n);
        if (kept) {
            memcpy(kept, key, n);
            *e = (entry_t){ kept, n, hash, span->size, span->yoffset_layout, span->yoffset_centerline, measured };
            count++;
        }
    }
    pthread_mutex_unlock(&table_lock);
}

// The plugin's measurement of `span`, keeping its layout object (PNG and PDF draw through it).
static int measure(textspan_t *span, char **fontpath) {
    pthread_mutex_lock(&plugin_lock);
    int measured = plugin_layout(measuring, span, fontpath) != 0;
    pthread_mutex_unlock(&plugin_lock);
    return measured;
}

// The numbers of `span`, remembered under `key`: recalled, or else measured through the plugin
// and remembered, its layout object freed at once (SVG never draws through it; pango may be
// measuring on the other thread). With `unless_ended`, nothing is measured once a render has
// laid out its graph, and `*ended` says so. Returns what the plugin returned.
static int recall_or_measure(textspan_t *span, const char *key, size_t n, int unless_ended, int *ended) {
    uint64_t hash = key_hash(key, n);
    int measured = 0;
    *ended = 0;
    if (recall(span, key, n, hash, &measured)) return measured;
    pthread_mutex_lock(&plugin_lock);
    *ended = unless_ended && ahead_ended;
    // The other thread may have measured it while this one waited.
    if (!*ended && !recall(span, key, n, hash, &measured)) {
        measured = plugin_layout(measuring, span, NULL) != 0;
        if (span->layout && span->free_layout) span->free_layout(span->layout);
        remember(span, key, n, hash, measured);
    }
    pthread_mutex_unlock(&plugin_lock);
    return measured;
}

static boolean remembered_layout(textspan_t *span, char **fontpath) {
    textfont_t *font = span->font;
    // Verbose runs (fontpath) and text without a font go straight to the plugin.
    if (!remembering || fontpath || !font || !font->name || !span->str) return measure(span, fontpath);
    char stack[512];
    size_t n;
    char *key = make_key(font, span->str, stack, sizeof(stack), &n);
    if (!key) return measure(span, fontpath);
    int ended;
    int measured = recall_or_measure(span, key, n, 0, &ended);
    span->layout = NULL;
    span->free_layout = NULL;
    if (key != stack) free(key);
    return measured;
}

static gvtextlayout_engine_t engine = { remembered_layout };
static gvplugin_installed_t types[] = {
    // Above every plugin Graphviz ships (pango is 10, gd 2), so this one is chosen.
    { 0, "textlayout", 1000, &engine, NULL },
    { 0, NULL, 0, NULL, NULL }
};
static gvplugin_api_t apis[] = {
    { API_textlayout, types },
    { (api_t)0, NULL }
};
static gvplugin_library_t library = { "polku", apis };
static lt_symlist_t builtins[] = {
    { "gvplugin_polku_LTX_library", &library },
    { NULL, NULL }
};

GVC_t *polku_graphviz_context(void) {
    plugin_layout = (text_layout_fn)dlsym(RTLD_DEFAULT, "gvtextlayout");
    if (!plugin_layout) return gvContext();
    measuring = gvContext();
    if (!measuring) return NULL;
    // gvContext with Polku's plugin built in: the same configuration, one more plugin.
    return gvContextPlugins(builtins, 1);
}

// The thread `polku_graphviz_start_fonts` began, and whether it did.
static pthread_t fonts_thread;
static int fonts_started;

static void *load_fonts(void *unused) {
    (void)unused;
    // The library the text layout plugin links; loaded here first, then shared.
    void *library = dlopen("libfontconfig.so.1", RTLD_LAZY | RTLD_GLOBAL);
    int (*init)(void) = library ? (int (*)(void))dlsym(library, "FcInit") : NULL;
    if (init) init();
    return NULL;
}

void polku_graphviz_start_fonts(void) {
    if (!fonts_started) fonts_started = pthread_create(&fonts_thread, NULL, load_fonts, NULL) == 0;
}

void polku_graphviz_warm_up(const char *fontname) {
    // pango would read the font configuration itself, on a thread of its own, the same way.
    if (fonts_started) {
        pthread_join(fonts_thread, NULL);
        fonts_started = 0;
    }
    if (!plugin_layout || !measuring || !fontname) return;
    textfont_t font = { (char *)fontname, NULL, NULL, 10.0, 0, 0 };
    textspan_t span = { 0 };
    span.str = "Polku";
    span.font = &font;
    span.just = 'n';
    pthread_mutex_lock(&plugin_lock);
    plugin_layout(measuring, &span, NULL);
    if (span.layout && span.free_layout) span.free_layout(span.layout);
    pthread_mutex_unlock(&plugin_lock);
}

// The text between `from` and `to` as Graphviz reads it from a label: XML's entities decoded
// (the named five and numeric ones), control characters dropped. 0 for what this does not
// read exactly as Graphviz would (a backslash, which Graphviz reads as an escape; an entity
// it does not know), or when it does not fit.
static size_t label_text(const char *from, const char *to, char *out, size_t room) {
    size_t n = 0;
    for (const char *p = from; p < to;) {
        unsigned long code;
        if (*p == '\\') return 0;
        if (*p == '&') {
            const char *end = memchr(p, ';', (size_t)(to - p));
            if (!end) return 0;
            size_t length = (size_t)(end - p) + 1;
            if (length == 5 && memcmp(p, "&amp;", 5) == 0) code = '&';
            else if (length == 4 && memcmp(p, "&lt;", 4) == 0) code = '<';
            else if (length == 4 && memcmp(p, "&gt;", 4) == 0) code = '>';
            else if (length == 6 && memcmp(p, "&quot;", 6) == 0) code = '"';
            else if (length == 6 && memcmp(p, "&apos;", 6) == 0) code = '\'';
            else if (length > 3 && p[1] == '#' && p[2] != 'x' && p[2] != 'X') {
                char *stop;
                code = strtoul(p + 2, &stop, 10);
                if (stop != end || code == 0 || code > 0x7F) return 0;
            } else {
                return 0;
            }
            p += length;
            if (code < ' ') continue;
            if (n + 1 >= room) return 0;
            out[n++] = (char)code;
            continue;
        }
        if ((unsigned char)*p < ' ') { p++; continue; }
        if (n + 1 >= room) return 0;
        out[n++] = *p++;
    }
    out[n] = '\0';
    return n;
}

void polku_graphviz_measure_ahead(const char *dot, const char *fontname, int until_laid_out) {
    if (!plugin_layout || !measuring || !dot || !fontname) return;
    // The plugin keeps a pointer to the last font name it was given: this one stays.
    static char *name;
    if (!name || strcmp(name, fontname) != 0) {
        char *copy = strdup(fontname);
        if (!copy) return;
        name = copy;
    }
    static const char open[] = "<FONT POINT-SIZE=\"";
    char text[1024];
    for (const char *p = dot; (p = strstr(p, open));) {
        p += sizeof(open) - 1;
        char *end;
        double size = strtod(p, &end);
        if (end == p || *end != '"') continue;
        const char *close = strchr(end, '>');
        if (!close) return;
        p = close + 1;
        unsigned flags = 0;
        for (;;) {
            if (strncmp(p, "<I>", 3) == 0) flags |= HTML_IF;
            else if (strncmp(p, "<B>", 3) == 0) flags |= HTML_BF;
            else break;
            p += 3;
        }
        const char *stop = strchr(p, '<');
        if (!stop) return;
        size_t length = label_text(p, stop, text, sizeof(text));
        p = stop;
        if (length == 0) continue;
        textfont_t font = { name, NULL, NULL, size, flags, 0 };
        textspan_t span = { 0 };
        span.str = text;
        span.font = &font;
        span.just = 'n';
        char stack[512];
        size_t n;
        char *key = make_key(&font, text, stack, sizeof(stack), &n);
        if (!key) continue;
        int ended;
        recall_or_measure(&span, key, n, until_laid_out, &ended);
        if (key != stack) free(key);
        if (ended) return;
    }
}

void polku_graphviz_end_ahead(void) {
    pthread_mutex_lock(&plugin_lock);
    ahead_ended = 1;
    pthread_mutex_unlock(&plugin_lock);
}

void polku_remember_text(int on) {
    remembering = on;
}

int polku_graphviz_remembers(const char *fontname, double size, int flags, const char *text) {
    textfont_t font = { (char *)fontname, NULL, NULL, size, (unsigned)flags, 0 };
    textspan_t span = { 0 };
    char stack[512];
    size_t n;
    char *key = make_key(&font, text, stack, sizeof(stack), &n);
    if (!key) return 0;
    int measured = 0;
    int known = recall(&span, key, n, key_hash(key, n), &measured);
    if (key != stack) free(key);
    return known;
}

void polku_graphviz_forget_texts(void) {
    pthread_mutex_lock(&table_lock);
    forget_all();
    pthread_mutex_unlock(&table_lock);
}
