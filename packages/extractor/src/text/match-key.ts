import { baseCode, isModifiedVowelCode, isVowelCode, toneOfCode, withToneCode } from './vietnamese.js';

export interface MatchKeyOptions {
  /** Also strip every diacritic: "Đầm Hà" and "Dam Ha" get the same key (đ → d, ấ → a …). */
  readonly foldDiacritics?: boolean;
}

/*
 * Per code unit tables, filled lazily the first time a code unit is seen (most articles touch a few hundred).
 * FLAGS[c] === 0 means "not classified yet".
 */
const CLASSIFIED = 1;
const LETTER = 2; // \p{L} or \p{M}: part of a word run
const TONED = 4; // lower-cases to a Vietnamese vowel with a tone
const I_OR_Y = 8; // lower-cases to i or y, with or without tone
const HIGH_SURROGATE = 16;
const VOWEL = 32; // lower-cases to a Vietnamese vowel letter
const MODIFIED = 64; // lower-cases to ă â ê ô ơ ư, with or without tone
const FLAGS = new Uint8Array(0x10000);
const LOWER = new Uint16Array(0x10000);
const FOLD = new Uint16Array(0x10000);
const LETTER_RE = /[\p{L}\p{M}]/u;
const LETTER_THEN_MARKS = /^\p{L}\p{M}+$/u;

function classify(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) {
    LOWER[c] = c;
    FOLD[c] = c;
    FLAGS[c] = CLASSIFIED | (c <= 0xdbff ? HIGH_SURROGATE : 0);
    return FLAGS[c]!;
  }
  const ch = String.fromCharCode(c);
  const lowered = ch.toLowerCase();
  // A lower-casing that changes the length (U+0130 İ → i + U+0307) would break offsets: keep the letter.
  const lower = lowered.length === 1 ? lowered.charCodeAt(0) : c;
  LOWER[c] = lower;
  let fold = lower;
  if (lower === 0x111)
    fold = 0x64; // đ → d
  else {
    const d = String.fromCharCode(lower).normalize('NFD');
    if (d.length > 1 && LETTER_THEN_MARKS.test(d)) fold = d.charCodeAt(0);
  }
  FOLD[c] = fold;
  let f = CLASSIFIED;
  if (LETTER_RE.test(ch)) f |= LETTER;
  if (toneOfCode(lower) !== 0) f |= TONED;
  if (isVowelCode(lower)) f |= VOWEL;
  if (isModifiedVowelCode(lower)) f |= MODIFIED;
  const b = baseCode(lower);
  if (b === 0x69 || b === 0x79) f |= I_OR_Y;
  FLAGS[c] = f;
  return f;
}

/**
 * Where the tone of a vowel cluster goes in the key, `out[a..b)` being the cluster (onset glides excluded).
 * The canonical placement is the one the lexicon files use ("new style"): the last of ă â ê ô ơ ư when the cluster
 * has one; the middle of three vowels; in two vowels, the second when a consonant follows or the cluster is
 * oa/oe/uy (hoà, khoẻ, thuỷ), else the first (mùa, tài, chịu).
 */
function tonePosition(out: Uint16Array, a: number, b: number, open: boolean): number {
  const len = b - a;
  if (len === 1) return a;
  for (let k = b - 1; k >= a; k--) if (isModifiedVowelCode(out[k]!)) return k;
  if (len === 3) return a + 1;
  if (!open) return a + 1;
  const v1 = baseCode(out[a]!);
  const v2 = baseCode(out[a + 1]!);
  if ((v1 === 0x6f && (v2 === 0x61 || v2 === 0x65)) || (v1 === 0x75 && v2 === 0x79)) return a + 1;
  return a;
}

/** Onsets after which i and y are spelling variants of one syllable: hi/hy, kĩ/kỹ, lí/lý, mĩ/mỹ, quí/quý, sĩ/sỹ, tỉ/tỷ. */
function isIyOnset(out: Uint16Array, s: number, nucleus: number): boolean {
  const n = nucleus - s;
  if (n === 1) {
    const c = out[s]!;
    return c === 0x68 || c === 0x6b || c === 0x6c || c === 0x6d || c === 0x73 || c === 0x74;
  }
  return n === 2 && out[s] === 0x71 && baseCode(out[s + 1]!) === 0x75;
}

/**
 * Rewrites one lower-cased word run `out[s..e)` in place to its canonical spelling, when it is one syllable.
 * Returns whether anything changed.
 */
function canonicalSyllable(out: Uint16Array, s: number, e: number, fold: boolean): boolean {
  let v = s;
  while (v < e && !isVowelCode(out[v]!)) v++;
  if (v === e) return false;
  let nucleus = v;
  // qu- and gi- before another vowel: the u / i belongs to the onset (quá, giữ), not to the vowel cluster.
  if (v === s + 1 && v + 1 < e && isVowelCode(out[v + 1]!)) {
    const first = out[s]!;
    const b = baseCode(out[v]!);
    if ((first === 0x71 && b === 0x75) || (first === 0x67 && b === 0x69)) nucleus++;
  }
  let end = nucleus;
  while (end < e && isVowelCode(out[end]!)) end++;
  for (let k = end; k < e; k++) if (isVowelCode(out[k]!)) return false; // two vowel groups: not a syllable
  const len = end - nucleus;
  if (len > 3) return false;
  let changed = false;
  const open = end === e;
  if (!fold) {
    let at = -1;
    let tone = 0;
    for (let k = v; k < end; k++) {
      const t = toneOfCode(out[k]!);
      if (t === 0) continue;
      if (at >= 0) return false; // two tones: leave the word as written
      at = k;
      tone = t;
    }
    if (at >= 0) {
      const target = tonePosition(out, nucleus, end, open);
      if (target !== at) {
        out[at] = baseCode(out[at]!);
        out[target] = withToneCode(out[target]!, tone);
        changed = true;
      }
    }
  }
  if (len === 1 && open && isIyOnset(out, s, nucleus)) {
    const c = out[nucleus]!;
    if (baseCode(c) === 0x69) {
      out[nucleus] = withToneCode(0x79, toneOfCode(c));
      changed = true;
    }
  }
  return changed;
}

let scratch = new Uint16Array(4096);
const UTF16 = new TextDecoder('utf-16le');

function codesToString(buf: Uint16Array, n: number, surrogates: boolean): string {
  // TextDecoder is fast but replaces lone surrogates: only use it when there are none.
  if (!surrogates) return UTF16.decode(buf.subarray(0, n));
  let s = '';
  for (let i = 0; i < n; i += 4096) {
    s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  }
  return s;
}

/** Does a word run need the syllable rules: a tone that may sit on the wrong vowel, or an i/y ending to fold? */
function needsRules(seen: number, vowels: number, lastFlags: number, len: number, fold: boolean): boolean {
  if (len < 2) return false;
  if (!fold && (seen & TONED) !== 0 && vowels >= 2) return true;
  return len <= 3 && (lastFlags & I_OR_Y) !== 0;
}

// Words seen recently → their canonical spelling, or '' when it is the word itself. Articles repeat their words.
const WORD_CACHE = new Map<string, string>();
const WORD_CACHE_MAX = 20_000;
let wordBuf = new Uint16Array(64);

function canonicalWord(word: string): string {
  let r = WORD_CACHE.get(word);
  if (r !== undefined) return r;
  const len = word.length;
  if (wordBuf.length < len) wordBuf = new Uint16Array(len * 2);
  for (let k = 0; k < len; k++) wordBuf[k] = word.charCodeAt(k);
  r = canonicalSyllable(wordBuf, 0, len, false) ? codesToString(wordBuf, len, false) : '';
  if (WORD_CACHE.size >= WORD_CACHE_MAX) WORD_CACHE.clear();
  WORD_CACHE.set(word, r);
  return r;
}

/**
 * Common case: `text.toLowerCase()` (native) has the same length and no context-dependent letter (final sigma), so
 * it is the lower-cased key; only the few words whose spelling the rules change are patched in. Null otherwise.
 */
function fromLowerCase(text: string): string | null {
  const lower = text.toLowerCase();
  const n = lower.length;
  if (n !== text.length || text.includes('\u03a3')) return null;
  let pieces: string[] | null = null;
  let copied = 0;
  let ws = -1;
  let vowels = 0;
  let tones = 0;
  let tonedAt = -1;
  let modifiedAt = -1;
  let lastFlags = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 0x20;
    let f = FLAGS[c]!;
    if (f === 0) f = classify(c);
    if ((f & LETTER) !== 0) {
      if (ws < 0) {
        ws = i;
        vowels = 0;
        tones = 0;
        modifiedAt = -1;
      }
      if ((f & VOWEL) !== 0) {
        vowels++;
        if ((f & TONED) !== 0) {
          tones++;
          tonedAt = i;
        }
        if ((f & MODIFIED) !== 0) modifiedAt = i;
      }
      lastFlags = f;
      continue;
    }
    if (ws < 0) continue;
    const len = i - ws;
    // Rules needed: a tone among several vowels, unless it already sits on the last of ă â ê ô ơ ư (người, việc,
    // huyện — most words); or a short word ending in i/y.
    const toneRule = tones > 0 && vowels >= 2 && !(tones === 1 && tonedAt === modifiedAt);
    if (len >= 2 && (toneRule || (len <= 3 && (lastFlags & I_OR_Y) !== 0))) {
      const canonical = canonicalWord(lower.slice(ws, i));
      if (canonical !== '') {
        pieces ??= [];
        pieces.push(lower.slice(copied, ws), canonical);
        copied = i;
      }
    }
    ws = -1;
  }
  if (pieces === null) return lower;
  pieces.push(lower.slice(copied));
  return pieces.join('');
}

/** General case, code unit by code unit through the tables (diacritic folding, İ, final sigma). */
function throughTables(text: string, fold: boolean): string {
  const n = text.length;
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  const out = scratch;
  const map = fold ? FOLD : LOWER;
  let surrogates = false;
  let ws = -1; // start of the current word run
  let seen = 0; // OR of the flags in the current run
  let vowels = 0;
  let lastFlags = 0; // flags of the run's last letter
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let f = FLAGS[c]!;
    if (f === 0) f = classify(c);
    if ((f & LETTER) !== 0) {
      out[i] = map[c]!;
      if (ws < 0) {
        ws = i;
        seen = 0;
        vowels = 0;
      }
      seen |= f;
      if ((f & VOWEL) !== 0) vowels++;
      lastFlags = f;
      continue;
    }
    if (ws >= 0) {
      if (needsRules(seen, vowels, lastFlags, i - ws, fold)) canonicalSyllable(out, ws, i, fold);
      ws = -1;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      surrogates = true;
      if ((f & HIGH_SURROGATE) !== 0 && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          const pair = text.slice(i, i + 2);
          const lower = pair.toLowerCase();
          const keep = lower.length === 2 ? lower : pair;
          out[i] = keep.charCodeAt(0);
          out[i + 1] = keep.charCodeAt(1);
          i++;
          continue;
        }
      }
    }
    out[i] = map[c]!;
  }
  if (ws >= 0 && needsRules(seen, vowels, lastFlags, n - ws, fold)) canonicalSyllable(out, ws, n, fold);
  return codesToString(out, n, surrogates);
}

function compute(text: string, fold: boolean): string {
  return (fold ? null : fromLowerCase(text)) ?? throughTables(text, fold);
}

// One-entry caches: several passes (tokens per sentence, lexicon matchers) key the same article.
const CACHE_MIN = 256;
let lastText: string | undefined;
let lastKey = '';
let lastFoldedText: string | undefined;
let lastFoldedKey = '';

/**
 * The matching key of `text`: a string of the SAME LENGTH, char for char, so an offset in the key is the same
 * offset in the text. Lower-cased (except the rare letters whose lower case has another length, kept as written);
 * within each word that is one Vietnamese syllable the tone is moved to its canonical vowel (hòa/hoà → hoà,
 * thủy/thuỷ → thuỷ, ủy/uỷ → uỷ, khỏe/khoẻ → khoẻ, hóa/hoá → hoá, also misplaced tones such as qúa → quá), and the
 * i/y spelling variants fold to y after h, k, l, m, qu, s, t (quí → quý, kĩ → kỹ, lí → lý, sĩ → sỹ, tỉ → tỷ;
 * "vi", "gì", "nghĩ" stay). With `foldDiacritics` every diacritic
 * is removed as well (đ → d, ấ → a).
 */
export function matchKey(text: string, opts?: MatchKeyOptions): string {
  const fold = opts?.foldDiacritics === true;
  if (text.length < CACHE_MIN) return compute(text, fold);
  if (fold) {
    if (text !== lastFoldedText) {
      lastFoldedKey = compute(text, true);
      lastFoldedText = text;
    }
    return lastFoldedKey;
  }
  if (text !== lastText) {
    lastKey = compute(text, false);
    lastText = text;
  }
  return lastKey;
}

/**
 * `matchKey` computed code unit by code unit through the tables only, never through the native lower-casing fast
 * path. Same result by contract; tests compare the two.
 */
export function matchKeyReference(text: string, opts?: MatchKeyOptions): string {
  return throughTables(text, opts?.foldDiacritics === true);
}
