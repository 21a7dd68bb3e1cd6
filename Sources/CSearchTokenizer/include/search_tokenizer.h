#ifndef ARTEL_SEARCH_TOKENIZER_H
#define ARTEL_SEARCH_TOKENIZER_H

#include <sqlite3.h>

/// Registers the `artel_words` FTS5 tokenizer on a connection; every connection that reads or
/// writes a full-text index made with `tokenize = 'artel_words'` needs it. Returns an SQLite
/// result code.
///
/// `artel_words` splits and folds text exactly as `unicode61 remove_diacritics 2` does, and folds
/// the Cyrillic ё and Ё to е as well. It asks `unicode61` once per code point the first time a page
/// of 256 code points is met, keeps the answers for the life of the process, and from then on reads
/// text with a table look-up a code point instead of `unicode61`'s category search. Bytes that are
/// not UTF-8 are left to `unicode61` from the word they fall in.
int artel_search_tokenizer_register(sqlite3 *db);

#endif
