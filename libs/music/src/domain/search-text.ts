/** Combining diacritical marks left behind by NFKD (é → e + U+0301). */
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;

/** Zero-width and BOM code points found in some catalogue fields. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

const WHITESPACE = /\s+/g;

/** Printable ASCII needs no Unicode normalisation: the import's fast path. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * Folds text for accent- and case-insensitive matching. Only Latin-style
 * diacritics are stripped: marks in other scripts (kana voicing, Indic vowel
 * signs) change the word, so they are kept.
 */
export function foldText(text: string): string {
  if (PLAIN_ASCII.test(text)) {
    return text.toLowerCase().replace(WHITESPACE, ' ').trim();
  }

  return text
    .normalize('NFKD')
    .replace(LATIN_DIACRITICS, '')
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(WHITESPACE, ' ')
    .trim();
}

/** The searchable text of a track: title, artists, album and genre, folded. */
export function buildSearchText(parts: readonly string[]): string {
  return foldText(parts.join(' '));
}
