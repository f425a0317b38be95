#include "polku_graphviz_text.h"
#include <dlfcn.h>
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

static boolean remembered_layout(textspan_t *span, char **fontpath) {
    textfont_t *font = span->font;
    // Verbose runs (fontpath) and text without a font go straight to the plugin.
    if (!remembering || fontpath || !font || !font->name || !span->str) {
        return plugin_layout(measuring, span, fontpath) != 0;
    }
    size_t name_length = strlen(font->name), text_length = strlen(span->str);
    size_t n = 1 + sizeof(double) + name_length + 1 + text_length;
    char stack[512];
    char *key = n <= sizeof(stack) ? stack : malloc(n);
    if (!key) return plugin_layout(measuring, span, fontpath) != 0;
    key[0] = (char)font->flags;
    memcpy(key + 1, &font->size, sizeof(double));
    memcpy(key + 1 + sizeof(double), font->name, name_length + 1);
    memcpy(key + 1 + sizeof(double) + name_length + 1, span->str, text_length);
    uint64_t hash = fnv1a((const unsigned char *)key, n, 14695981039346656037ULL);

    entry_t *found = capacity ? slot(entries, capacity, key, n, hash) : NULL;
    if (found && found->key) {
        if (key != stack) free(key);
        span->size = found->size;
        span->yoffset_layout = found->yoffset_layout;
        span->yoffset_centerline = found->yoffset_centerline;
        // SVG does not draw through the plugin's layout object: none is made.
        span->layout = NULL;
        span->free_layout = NULL;
        return found->measured != 0;
    }
    int measured = plugin_layout(measuring, span, fontpath) != 0;
    if (count >= largest) forget_all();
    if ((count + 1) * 2 > capacity && !grow()) {
        if (key != stack) free(key);
        return measured;
    }
    char *kept = malloc(n);
    if (kept) {
        memcpy(kept, key, n);
        entry_t *e = slot(entries, capacity, key, n, hash);
        *e = (entry_t){ kept, n, hash, span->size, span->yoffset_layout, span->yoffset_centerline, measured };
        count++;
    }
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

void polku_graphviz_warm_up(const char *fontname) {
    if (!plugin_layout || !measuring || !fontname) return;
    textfont_t font = { (char *)fontname, NULL, NULL, 10.0, 0, 0 };
    textspan_t span = { 0 };
    span.str = "Polku";
    span.font = &font;
    span.just = 'n';
    plugin_layout(measuring, &span, NULL);
    if (span.layout && span.free_layout) span.free_layout(span.layout);
}

void polku_remember_text(int on) {
    remembering = on;
}
