#include "search_tokenizer.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/// What a code point is to `unicode61`.
enum Kind {
    /// Not known: the text is handed to `unicode61` from the word it falls in.
    UNKNOWN = 0,
    /// Ends a word, or is skipped between words.
    SEPARATOR,
    /// A letter or digit: starts a word or continues one.
    STARTS,
    /// A combining mark: continues a word, but is skipped where no word has started.
    CONTINUES,
};

/// A code point as `unicode61 remove_diacritics 2` reads it: its kind, and what it is folded to
/// inside a word (none, when a diacritic is removed).
typedef struct {
    unsigned char kind;
    unsigned char length;
    unsigned char folded[4];
} Letter;

enum { PAGE_BITS = 8, PAGE_SIZE = 1 << PAGE_BITS, PAGES = 0x110000 >> PAGE_BITS };

typedef struct {
    Letter letters[PAGE_SIZE];
} Page;

/// The letters of each page of 256 code points, made the first time the page is met, by any
/// connection of the process, and kept for its life.
static _Atomic(Page *) pages[PAGES];

/// A connection's tokenizer: the `unicode61` it asks about new code points and hands bytes that are
/// not UTF-8 to.
typedef struct {
    fts5_tokenizer unicode61;
    Fts5Tokenizer *reference;
} Tokenizer;

typedef int (*TokenCallback)(void *context, int flags, const char *token, int length, int start, int end);

static int encode(unsigned code, unsigned char *bytes) {
    if (code < 0x80) {
        bytes[0] = (unsigned char)code;
        return 1;
    }
    if (code < 0x800) {
        bytes[0] = (unsigned char)(0xC0 | (code >> 6));
        bytes[1] = (unsigned char)(0x80 | (code & 0x3F));
        return 2;
    }
    if (code < 0x10000) {
        bytes[0] = (unsigned char)(0xE0 | (code >> 12));
        bytes[1] = (unsigned char)(0x80 | ((code >> 6) & 0x3F));
        bytes[2] = (unsigned char)(0x80 | (code & 0x3F));
        return 3;
    }
    bytes[0] = (unsigned char)(0xF0 | (code >> 18));
    bytes[1] = (unsigned char)(0x80 | ((code >> 12) & 0x3F));
    bytes[2] = (unsigned char)(0x80 | ((code >> 6) & 0x3F));
    bytes[3] = (unsigned char)(0x80 | (code & 0x3F));
    return 4;
}

/// The first word `unicode61` finds in a probe, and how many it finds.
typedef struct {
    int words;
    int start;
    int length;
    unsigned char word[8];
} Probe;

static int collect(void *context, int flags, const char *token, int length, int start, int end) {
    (void)flags;
    (void)end;
    Probe *probe = context;
    if (probe->words++ == 0) {
        probe->start = start;
        probe->length = length;
        if (length <= (int)sizeof probe->word) memcpy(probe->word, token, (size_t)length);
    }
    return SQLITE_OK;
}

static int run(Tokenizer *self, Probe *probe, const unsigned char *text, int length) {
    memset(probe, 0, sizeof *probe);
    return self->unicode61.xTokenize(
        self->reference, probe, FTS5_TOKENIZE_DOCUMENT, (const char *)text, length, collect
    );
}

/// Asks `unicode61` what a code point is: inside a word ("a", the code point, "a": one word or two,
/// and what the code point became) and at a word's start (where the word begins).
static Letter ask(Tokenizer *self, unsigned code) {
    Letter letter = {UNKNOWN, 0, {0}};
    if (code >= 0xD800 && code <= 0xDFFF) return letter; // not UTF-8: never asked for
    unsigned char text[6] = {'a'};
    int width = encode(code, text + 1);
    text[width + 1] = 'a';
    Probe inside;
    if (run(self, &inside, text, width + 2) != SQLITE_OK) return letter;
    if (inside.words == 2) {
        letter.kind = SEPARATOR;
        return letter;
    }
    if (inside.words != 1 || inside.length < 2 || inside.length > 6) return letter;
    if (inside.word[0] != 'a' || inside.word[inside.length - 1] != 'a') return letter;
    Probe first;
    if (run(self, &first, text + 1, width + 1) != SQLITE_OK || first.words != 1) return letter;
    letter.kind = first.start == 0 ? STARTS : CONTINUES;
    letter.length = (unsigned char)(inside.length - 2);
    memcpy(letter.folded, inside.word + 1, letter.length);
    if (code == 0x401 || code == 0x451) { // Ё and ё: Russian writes е as often as not
        letter.length = 2;
        letter.folded[0] = 0xD0;
        letter.folded[1] = 0xB5;
    }
    return letter;
}

static Page *page(Tokenizer *self, unsigned index) {
    Page *known = atomic_load_explicit(&pages[index], memory_order_acquire);
    if (known) return known;
    Page *made = malloc(sizeof *made);
    if (!made) return NULL;
    for (unsigned low = 0; low < PAGE_SIZE; low++) made->letters[low] = ask(self, (index << PAGE_BITS) | low);
    Page *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(
            &pages[index], &expected, made, memory_order_acq_rel, memory_order_acquire
        )) {
        return made;
    }
    free(made); // another connection made it first
    return expected;
}

/// Reads the code point at `at` into `letter` and its end into `next`; 0 when the bytes there are
/// not UTF-8 (where `unicode61` may read them otherwise) or the code point is not known.
static int read_letter(Tokenizer *self, const unsigned char *bytes, int length, int at, Letter *letter, int *next) {
    unsigned code = bytes[at];
    int width;
    if (code < 0x80) {
        width = 1;
    } else if (code >= 0xC2 && code < 0xE0) {
        if (at + 1 >= length || (bytes[at + 1] & 0xC0) != 0x80) return 0;
        code = ((code & 0x1F) << 6) | (bytes[at + 1] & 0x3F);
        width = 2;
    } else if (code >= 0xE0 && code < 0xF0) {
        if (at + 2 >= length || (bytes[at + 1] & 0xC0) != 0x80 || (bytes[at + 2] & 0xC0) != 0x80) return 0;
        code = ((code & 0x0F) << 12) | ((bytes[at + 1] & 0x3Fu) << 6) | (bytes[at + 2] & 0x3F);
        if (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF)) return 0;
        width = 3;
    } else if (code >= 0xF0 && code < 0xF5) {
        if (at + 3 >= length || (bytes[at + 1] & 0xC0) != 0x80 || (bytes[at + 2] & 0xC0) != 0x80
            || (bytes[at + 3] & 0xC0) != 0x80) {
            return 0;
        }
        code = ((code & 0x07) << 18) | ((bytes[at + 1] & 0x3Fu) << 12) | ((bytes[at + 2] & 0x3Fu) << 6)
            | (bytes[at + 3] & 0x3F);
        if (code < 0x10000 || code > 0x10FFFF) return 0;
        width = 4;
    } else {
        return 0;
    }
    // unicode61 reads continuation bytes after a code point as part of it.
    if (width > 1 && at + width < length && (bytes[at + width] & 0xC0) == 0x80) return 0;
    Page *letters = page(self, code >> PAGE_BITS);
    if (!letters) return 0;
    *letter = letters->letters[code & (PAGE_SIZE - 1)];
    *next = at + width;
    return letter->kind != UNKNOWN;
}

typedef struct {
    void *context;
    TokenCallback emit;
    int offset;
} Shifted;

static int shift(void *context, int flags, const char *token, int length, int start, int end) {
    Shifted *shifted = context;
    return shifted->emit(shifted->context, flags, token, length, start + shifted->offset, end + shifted->offset);
}

/// Hands the text from `from` on to `unicode61`, which starts afresh at a word's start as this
/// tokenizer does.
static int delegate(
    Tokenizer *self, void *context, int flags, const char *text, int from, int length, TokenCallback emit
) {
    Shifted shifted = {context, emit, from};
    return self->unicode61.xTokenize(self->reference, &shifted, flags, text + from, length - from, shift);
}

static int tokenize(
    Fts5Tokenizer *instance, void *context, int flags, const char *text, int length, TokenCallback emit
) {
    Tokenizer *self = (Tokenizer *)instance;
    const unsigned char *bytes = (const unsigned char *)text;
    unsigned char inline_word[256];
    unsigned char *word = inline_word;
    int capacity = (int)sizeof inline_word;
    int rc = SQLITE_OK;
    int at = 0;
    while (at < length && rc == SQLITE_OK) {
        Letter letter;
        int next;
        if (!read_letter(self, bytes, length, at, &letter, &next)) {
            rc = delegate(self, context, flags, text, at, length, emit);
            break;
        }
        if (letter.kind != STARTS) {
            at = next;
            continue;
        }
        int start = at;
        int used = 0;
        for (;;) {
            if (used + 4 > capacity) {
                unsigned char *grown = sqlite3_malloc(capacity * 2);
                if (!grown) {
                    rc = SQLITE_NOMEM;
                    goto done;
                }
                memcpy(grown, word, (size_t)used);
                if (word != inline_word) sqlite3_free(word);
                word = grown;
                capacity *= 2;
            }
            memcpy(word + used, letter.folded, letter.length);
            used += letter.length;
            at = next;
            if (at >= length) break;
            if (!read_letter(self, bytes, length, at, &letter, &next)) {
                rc = delegate(self, context, flags, text, start, length, emit);
                goto done;
            }
            if (letter.kind == SEPARATOR) break;
        }
        rc = emit(context, 0, (const char *)word, used, start, at);
    }
done:
    if (word != inline_word) sqlite3_free(word);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int create(void *api, const char **arguments, int count, Fts5Tokenizer **made) {
    (void)arguments;
    if (count != 0) return SQLITE_ERROR; // artel_words takes no options
    fts5_api *fts5 = api;
    Tokenizer *self = sqlite3_malloc(sizeof *self);
    if (!self) return SQLITE_NOMEM;
    void *unicode61_context = NULL;
    int rc = fts5->xFindTokenizer(fts5, "unicode61", &unicode61_context, &self->unicode61);
    if (rc == SQLITE_OK) {
        const char *options[] = {"remove_diacritics", "2"};
        rc = self->unicode61.xCreate(unicode61_context, options, 2, &self->reference);
    }
    if (rc != SQLITE_OK) {
        sqlite3_free(self);
        return rc;
    }
    *made = (Fts5Tokenizer *)self;
    return SQLITE_OK;
}

static void delete(Fts5Tokenizer *instance) {
    Tokenizer *self = (Tokenizer *)instance;
    self->unicode61.xDelete(self->reference);
    sqlite3_free(self);
}

int artel_search_tokenizer_register(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    fts5_tokenizer tokenizer = {create, delete, tokenize};
    return api->xCreateTokenizer(api, "artel_words", api, &tokenizer, NULL);
}
