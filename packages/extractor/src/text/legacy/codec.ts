import { TCVN3_TABLE } from './tcvn3-table.js';
import { VIQR_MODIFIERS, VIQR_TONES, VIQR_VOWELS } from './viqr-table.js';
import { VNI_PAIRS, VNI_SINGLES } from './vni-table.js';

/** The legacy Vietnamese encodings `normalise` recognises. */
export type LegacyEncoding = 'tcvn3' | 'vni' | 'viqr';

/**
 * A legacy-encoding table is malformed (a duplicate code, a result that is not one NFC letter …). Thrown when the
 * module loads, so a broken table never reaches an article: fix the named table file.
 */
export class LegacyTableError extends Error {
  override readonly name = 'LegacyTableError';
  constructor(table: string, problem: string) {
    super(`legacy table ${table}: ${problem}. Fix packages/extractor/src/text/legacy/${table}.ts.`);
  }
}

/** What decoding one white-space-delimited chunk did: the evidence the detector scores. */
export interface ChunkMarks {
  /** Something in the chunk was decoded. */
  hit: boolean;
  /** Something decoded that ordinary Unicode or English text practically never contains. */
  strong: boolean;
  /** VIQR only: a modifier mark ( ^ + or a "dd" was decoded. */
  modifier: boolean;
  /** A strong decoding with letters on both sides, inside a word: nh©n, chaøo, Vie^.t (not ¬p, Brand®). */
  inner: boolean;
  /**
   * Something decoded that Unicode Vietnamese would not write that way (Hµ, chaøo — but not "khác", whose á is a
   * TCVN3 code too): needed in lenient mode, so a Unicode line of a mostly-TCVN3 page stays as it is.
   */
  foreign: boolean;
}

/** Latin-1 letters that Unicode Vietnamese text uses as themselves. */
const UNICODE_VIETNAMESE_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');

const isLetterAt = (s: string, i: number) => i >= 0 && i < s.length && /\p{L}/u.test(s[i]!);

function oneLetter(table: string, s: string, what: string): number {
  if (s.length !== 1 || s.normalize('NFC') !== s || !/^\p{L}$/u.test(s)) {
    throw new LegacyTableError(table, `${what} "${s}" is not a single NFC letter`);
  }
  return s.charCodeAt(0);
}

// ---- TCVN3 ---------------------------------------------------------------------------------------------------

const TCVN3_DECODE = new Uint16Array(256); // 0: not a TCVN3 code
const TCVN3_STRONG = new Uint8Array(256); // a code whose Latin-1 reading is a symbol, not a letter (©, ¬, ®, ­ …)
const TCVN3_ENCODE = new Map<number, number>();
for (const [byte, ch] of TCVN3_TABLE) {
  if (!Number.isInteger(byte) || byte < 0xa1 || byte > 0xfe) {
    throw new LegacyTableError('tcvn3-table', `byte ${byte} is outside 0xA1–0xFE`);
  }
  if (TCVN3_DECODE[byte] !== 0)
    throw new LegacyTableError('tcvn3-table', `byte 0x${byte.toString(16)} is listed twice`);
  const c = oneLetter('tcvn3-table', ch, 'result');
  if (TCVN3_ENCODE.has(c)) throw new LegacyTableError('tcvn3-table', `letter "${ch}" is listed twice`);
  TCVN3_DECODE[byte] = c;
  TCVN3_ENCODE.set(c, byte);
  if (!/\p{L}/u.test(String.fromCharCode(byte))) TCVN3_STRONG[byte] = 1;
}

/** Is the code unit a TCVN3 code (as read through Latin-1)? */
export function isTcvn3Code(c: number): boolean {
  return c < 256 && TCVN3_DECODE[c] !== 0;
}

function decodeTcvn3Chunk(s: string, marks: ChunkMarks | undefined): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = c < 256 ? TCVN3_DECODE[c]! : 0;
    if (d === 0) continue;
    out += s.slice(from, i) + String.fromCharCode(d);
    from = i + 1;
    if (marks) {
      marks.hit = true;
      if (!UNICODE_VIETNAMESE_LATIN1.has(s[i]!)) marks.foreign = true;
      if (TCVN3_STRONG[c] === 1) {
        marks.strong = true;
        if (isLetterAt(s, i - 1) && (isLetterAt(s, i + 1) || isTcvn3Code(s.charCodeAt(i + 1)))) marks.inner = true;
      }
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Unicode → TCVN3 (as Latin-1 characters). Capital toned letters have no VN3 code and are written with the
 * lower-case code, as the .VnTimeH fonts expect. Meant for tests and fixtures.
 */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = ch.charCodeAt(0);
    const byte = TCVN3_ENCODE.get(c) ?? TCVN3_ENCODE.get(ch.toLowerCase().charCodeAt(0));
    out += byte === undefined ? ch : String.fromCharCode(byte);
  }
  return out;
}

// ---- VNI -----------------------------------------------------------------------------------------------------

const VNI_PAIR = new Map<number, number>(); // base << 16 | modifier → letter
const VNI_WEAK_PAIR = new Set<number>(); // pairs that are also plain Unicode spellings (oà in "hoà")
const VNI_SINGLE = new Map<number, number>();
const VNI_ENCODE = new Map<number, string>();
const VNI_MODIFIER_CHARS = new Set<string>();

function addVniPair(base: string, mod: string, result: string): void {
  const key = (base.charCodeAt(0) << 16) | mod.charCodeAt(0);
  if (VNI_PAIR.has(key)) throw new LegacyTableError('vni-table', `sequence "${base}${mod}" is listed twice`);
  VNI_PAIR.set(key, oneLetter('vni-table', result, 'result'));
  // o + à/á/ã is also how Unicode text spells hoà, hoá: evidence, but weak evidence.
  if ((base === 'o' || base === 'O') && 'àáãÀÁÃ'.includes(mod)) VNI_WEAK_PAIR.add(key);
}

for (const [base, mod, result] of VNI_PAIRS) {
  const upper = result.toUpperCase();
  oneLetter('vni-table', base, 'base');
  oneLetter('vni-table', mod, 'modifier');
  addVniPair(base, mod, result);
  addVniPair(base, mod.toUpperCase(), result);
  addVniPair(base.toUpperCase(), mod, upper);
  addVniPair(base.toUpperCase(), mod.toUpperCase(), upper);
  VNI_MODIFIER_CHARS.add(mod).add(mod.toUpperCase());
  const code = result.charCodeAt(0);
  if (VNI_ENCODE.has(code)) throw new LegacyTableError('vni-table', `letter "${result}" is listed twice`);
  VNI_ENCODE.set(code, base + mod);
  VNI_ENCODE.set(upper.charCodeAt(0), base.toUpperCase() + mod.toUpperCase());
}
for (const [byte, result] of VNI_SINGLES) {
  for (const [b, r] of [
    [byte, result],
    [byte.toUpperCase(), result.toUpperCase()],
  ] as const) {
    const c = oneLetter('vni-table', b, 'single byte');
    if (VNI_SINGLE.has(c)) throw new LegacyTableError('vni-table', `single byte "${b}" is listed twice`);
    if (VNI_MODIFIER_CHARS.has(b)) throw new LegacyTableError('vni-table', `"${b}" is both a modifier and a letter`);
    const rc = oneLetter('vni-table', r, 'result');
    if (VNI_ENCODE.has(rc)) throw new LegacyTableError('vni-table', `letter "${r}" is listed twice`);
    VNI_SINGLE.set(c, rc);
    VNI_ENCODE.set(rc, b);
  }
}

function decodeVniChunk(s: string, marks: ChunkMarks | undefined): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (i + 1 < s.length) {
      const key = (c << 16) | s.charCodeAt(i + 1);
      const r = VNI_PAIR.get(key);
      if (r !== undefined) {
        out += s.slice(from, i) + String.fromCharCode(r);
        from = i + 2;
        if (marks) {
          marks.hit = true;
          if (!VNI_WEAK_PAIR.has(key)) {
            marks.strong = marks.foreign = true;
            if (isLetterAt(s, i - 1) && isLetterAt(s, i + 2)) marks.inner = true;
          }
        }
        i++;
        continue;
      }
    }
    const r = VNI_SINGLE.get(c);
    if (r === undefined) continue;
    out += s.slice(from, i) + String.fromCharCode(r);
    from = i + 1;
    if (marks) {
      marks.hit = true;
      if (!UNICODE_VIETNAMESE_LATIN1.has(s[i]!)) marks.foreign = true;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Unicode → VNI Windows (as Windows-1252 characters). Meant for tests and fixtures. */
export function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += VNI_ENCODE.get(ch.charCodeAt(0)) ?? ch;
  return out;
}

// ---- VIQR ----------------------------------------------------------------------------------------------------

const VIQR_MOD = new Map<string, { mark: string; vowels: string }>();
const VIQR_TONE = new Map<string, string>();
for (const [m, mark, vowels] of VIQR_MODIFIERS) {
  if (VIQR_MOD.has(m)) throw new LegacyTableError('viqr-table', `modifier "${m}" is listed twice`);
  VIQR_MOD.set(m, { mark, vowels });
}
for (const [t, mark] of VIQR_TONES) {
  if (VIQR_TONE.has(t) || VIQR_MOD.has(t)) throw new LegacyTableError('viqr-table', `mark "${t}" is listed twice`);
  VIQR_TONE.set(t, mark);
}
const isAsciiLetter = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);
const isViqrVowel = (c: string) => VIQR_VOWELS.includes(c.toLowerCase());

/**
 * Decodes one chunk (no white space inside). A tone mark after a vowel is a tone when the word goes on after it,
 * or for ' ` ~ at the end of a word; ? and . at the end of a word are tones only when the next word starts in
 * lower case or with a digit (a sentence does not end there: "phu.c vu. 56 du+. a'n") — otherwise punctuation.
 * A syllable takes one tone; a backslash makes a mark literal ("ba\\.").
 */
function decodeViqrChunk(s: string, nextLower: boolean, marks: ChunkMarks | undefined): string {
  let out = '';
  let toned = false;
  let changed = false;
  for (let i = 0; i < s.length; ) {
    const ch = s[i]!;
    if (ch === '\\' && i + 1 < s.length && (VIQR_MOD.has(s[i + 1]!) || VIQR_TONE.has(s[i + 1]!) || s[i + 1] === '\\')) {
      out += s[i + 1];
      i += 2;
      changed = true;
      continue;
    }
    if ((ch === 'd' || ch === 'D') && (s[i + 1] === 'd' || s[i + 1] === 'D') && !isAsciiLetter(s[i - 1])) {
      out += ch === 'D' ? 'Đ' : 'đ';
      i += 2;
      changed = true;
      if (marks) marks.hit = marks.strong = marks.modifier = marks.foreign = true;
      continue;
    }
    if (!isViqrVowel(ch)) {
      if (!isAsciiLetter(ch)) toned = false;
      out += ch;
      i++;
      continue;
    }
    let letter = ch;
    let j = i + 1;
    const mod = VIQR_MOD.get(s[j] ?? '');
    if (mod?.vowels.includes(ch.toLowerCase())) {
      letter += mod.mark;
      j++;
      if (marks) {
        marks.hit = marks.strong = marks.modifier = marks.foreign = true;
        if (
          isAsciiLetter(s[i - 1]) &&
          (isAsciiLetter(s[j]) || (VIQR_TONE.has(s[j] ?? '') && isAsciiLetter(s[j + 1])))
        ) {
          marks.inner = true;
        }
      }
    }
    const t = s[j];
    const tone = t === undefined || toned ? undefined : VIQR_TONE.get(t);
    if (tone !== undefined) {
      const after = s[j + 1];
      const midWord = isAsciiLetter(after);
      const atEnd = j + 1 === s.length;
      const endsWord = t === "'" || t === '`' || t === '~';
      const beforeComma = t === '.' && (after === ',' || after === ';' || after === ':'); // "nghi.:" is nghị:
      if (midWord || endsWord || beforeComma || (atEnd && nextLower)) {
        letter += tone;
        j++;
        toned = true;
        if (marks) {
          marks.hit = marks.foreign = true;
          if (midWord) marks.strong = true;
        }
      }
    }
    if (j > i + 1) changed = true;
    out += letter.normalize('NFC');
    i = j;
  }
  return changed ? out : s;
}

/** Unicode → VIQR. Meant for tests and fixtures. */
export function encodeViqr(text: string): string {
  let out = '';
  let afterVowel = false;
  for (const ch of text.normalize('NFC')) {
    if (ch === 'đ' || ch === 'Đ') {
      out += ch === 'Đ' ? 'DD' : 'dd';
      afterVowel = false;
      continue;
    }
    if (afterVowel && (VIQR_MOD.has(ch) || VIQR_TONE.has(ch))) {
      out += `\\${ch}`; // a literal mark after a vowel is escaped (RFC 1456)
      afterVowel = false;
      continue;
    }
    const d = ch.normalize('NFD');
    const base = d[0]!;
    afterVowel = isViqrVowel(base);
    if (d.length === 1 || !afterVowel) {
      out += ch;
      continue;
    }
    let s = base;
    for (const [m, mark] of VIQR_MODIFIERS) if (d.includes(mark)) s += m;
    for (const [t, mark] of VIQR_TONES) if (d.includes(mark)) s += t;
    out += s;
  }
  return out;
}

// ---- shared --------------------------------------------------------------------------------------------------

/** Decodes one white-space-free chunk; `nextLower`: the next chunk starts in lower case or with a digit (VIQR). */
export function decodeChunk(enc: LegacyEncoding, chunk: string, nextLower: boolean, marks?: ChunkMarks): string {
  if (enc === 'tcvn3') return decodeTcvn3Chunk(chunk, marks);
  if (enc === 'vni') return decodeVniChunk(chunk, marks);
  return decodeViqrChunk(chunk, nextLower, marks);
}

const CHUNK = /\S+/g;
const STARTS_LOWER = /^\s*[\p{Ll}\p{Nd}]/u;

/** Decodes a whole text from a legacy encoding to NFC Unicode (no detection: the caller knows the encoding). */
export function decodeLegacy(text: string, enc: LegacyEncoding): string {
  return text
    .replace(CHUNK, (chunk: string, offset: number) =>
      decodeChunk(enc, chunk, STARTS_LOWER.test(text.slice(offset + chunk.length, offset + chunk.length + 8))),
    )
    .normalize('NFC');
}

/** Encodes NFC Unicode into a legacy encoding (lossy where the encoding has no code). For tests and fixtures. */
export function encodeLegacy(text: string, enc: LegacyEncoding): string {
  if (enc === 'tcvn3') return encodeTcvn3(text);
  if (enc === 'vni') return encodeVni(text);
  return encodeViqr(text);
}
