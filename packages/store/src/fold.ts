/**
 * Folding for diacritics-insensitive matching. Vietnamese letters lose their tone and vowel marks and
 * đ becomes d (đ has no Unicode decomposition, so NFD alone keeps it), then everything is lower-cased.
 * Folding happens in JavaScript for both backends, so SQLite and PostgreSQL agree without `unaccent`.
 */
const MARKS = /\p{M}+/gu;

const NON_ASCII = /[^\u0000-\u007f]/g;
const folded = new Map<string, string>();

function foldChar(ch: string): string {
  let v = folded.get(ch);
  if (v === undefined) {
    v = ch.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
    folded.set(ch, v);
  }
  return v;
}

/**
 * Lower-case text without diacritics, đ → d. Per character through a cache (a regex over the NFD form of
 * a whole article costs ~10x more); combining marks of decomposed input fold to nothing.
 */
export function foldText(text: string): string {
  return text.toLowerCase().replace(NON_ASCII, foldChar);
}

/** Short strings (names, units, places) repeat across millions of events: their keys are remembered. */
const MEMO_MAX_LENGTH = 120;
const MEMO_MAX_ENTRIES = 200_000;
const keys = new Map<string, string>();

/** A matching key: folded, every run of non-letters/digits collapsed to one space, trimmed. */
export function foldKey(text: string): string {
  const short = text.length <= MEMO_MAX_LENGTH;
  if (short) {
    const k = keys.get(text);
    if (k !== undefined) return k;
  }
  const k = foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (short) {
    if (keys.size >= MEMO_MAX_ENTRIES) keys.clear();
    keys.set(text, k);
  }
  return k;
}

/** Lower-cased NFC with single spaces: two spellings equal under this differ only in case or spacing. */
export function lowerKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when the text carries Vietnamese diacritics (or đ). */
export function hasDiacritics(text: string): boolean {
  return foldText(text) !== text.toLowerCase();
}

/**
 * The canonical key of a document reference: upper-case, no spaces, TƯ = TW (Trung ương), then folded
 * (QĐ = QD). `114-KL/TW`, `114 - KL/TƯ` and `114-kl/tw` share the key `114-KL/TW`.
 */
export function directiveKey(ref: string): string {
  const upper = ref.normalize('NFC').toUpperCase().replace(/\s+/g, '').replace(/TƯ/g, 'TW');
  return foldText(upper).toUpperCase();
}

/** The key of a short mention such as "Kết luận 114": folded words. */
export function directiveAliasKey(alias: string): string {
  return foldKey(alias);
}

/** Words of a full-text query after folding: letters and digits only, so they are safe in FTS5 and tsquery. */
export function foldedWords(text: string): string[] {
  return foldKey(text).split(' ').filter(Boolean);
}

/** Escapes LIKE wildcards; use with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
