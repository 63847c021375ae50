import { decodeLegacy, type LegacyEncoding } from './legacy/codec.js';
import { DETECTION, detectLine, LEGACY_ENCODINGS, looksLegacy } from './legacy/detect.js';
import { CHARACTER_RULES, D_LOOKALIKES } from './rules/characters.js';

/**
 * What `normalise` had to undo, besides white space and invisible characters:
 * - `none`: the text was Unicode already (it may still have been re-composed into NFC);
 * - `tcvn3`, `vni`, `viqr`: lines in that legacy encoding were decoded (the most frequent one when several);
 * - `decomposed`: the text was in decomposed form — base letters followed by combining tone marks, as produced by
 *   decoding windows-1258 or by NFD — and was composed by NFC.
 */
export type Conversion = 'none' | LegacyEncoding | 'decomposed';

export interface NormaliseResult {
  /** The normalised text every span points into. */
  text: string;
  conversion: Conversion;
}

/** A rule in rules/characters.ts is malformed: fix the data file. */
export class CharacterRuleError extends Error {
  override readonly name = 'CharacterRuleError';
  constructor(rule: string, problem: string) {
    super(`character rule "${rule}": ${problem}. Fix packages/extractor/src/text/rules/characters.ts.`);
  }
}

function compileCharacterRules(): { re: RegExp; map: Map<string, string> } {
  const map = new Map<string, string>();
  for (const [points, to, what] of CHARACTER_RULES) {
    const m = /^([0-9A-F]{4})(?:-([0-9A-F]{4}))?$/.exec(points);
    if (m === null)
      throw new CharacterRuleError(points, `"${points}" is not a BMP code point or range (e.g. 200B-200D)`);
    const from = Number.parseInt(m[1]!, 16);
    const last = m[2] === undefined ? from : Number.parseInt(m[2], 16);
    if (last < from) throw new CharacterRuleError(points, 'the range ends before it starts');
    for (let c = from; c <= last; c++) {
      const ch = String.fromCharCode(c);
      if (ch === '\n' || ch === '\r')
        throw new CharacterRuleError(points, 'line breaks are handled by normalise itself');
      if (map.has(ch)) throw new CharacterRuleError(points, `U+${c.toString(16)} (${what}) has two rules`);
      map.set(ch, to);
    }
  }
  const cls = [...map.keys()].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return { re: new RegExp(`[${cls}]`, 'g'), map };
}

const CHARS = compileCharacterRules();
const D_ALWAYS = new Map(D_LOOKALIKES.filter(([, , when]) => when === 'always').map(([c, to]) => [c, to]));
const D_WORD_START = new Map(D_LOOKALIKES.filter(([, , when]) => when === 'word-start').map(([c, to]) => [c, to]));

// What one scan of the text found, so that later steps run only when they have something to do.
const F_RULE = 1; // a character of rules/characters.ts
const F_BREAK = 2; // CR, VT, FF, U+2028, U+2029
const F_D = 4; // a Đ look-alike
const F_SHY = 8; // soft hyphen
const F_LEGACY = 16; // Latin-1 U+00A1–U+00FF or a VIQR modifier ( ^ + ` ~: legacy decoding may apply
const F_MARK = 32; // a combining mark U+0300–U+036F
const F_SPACES = 64; // spaces to fold or trim, 3+ line breaks, blank lines at either end
const SCAN = new Uint8Array(0x10000);
for (const ch of CHARS.map.keys()) SCAN[ch.charCodeAt(0)]! |= F_RULE;
for (const c of [0x0d, 0x0b, 0x0c, 0x2028, 0x2029]) SCAN[c]! |= F_BREAK;
for (const [ch] of D_LOOKALIKES) SCAN[ch.charCodeAt(0)]! |= F_D;
SCAN[0xad]! |= F_SHY;
for (let c = 0xa1; c <= 0xff; c++) SCAN[c]! |= F_LEGACY;
for (const ch of '(^+`~') SCAN[ch.charCodeAt(0)]! |= F_LEGACY;
for (let c = 0x300; c <= 0x36f; c++) SCAN[c]! |= F_MARK;

const F_NFC = 128; // a character NFC may change or compose with what precedes it (lazily classified)
const NFC_STATE = new Uint8Array(0x10000); // 0 unknown, 1 stable, 2 may change under NFC
const MARK = /\p{M}/u;

function nfcState(c: number): number {
  const ch = String.fromCharCode(c);
  const unsafe =
    (c >= 0xd800 && c <= 0xdfff) || (c >= 0x1100 && c <= 0x11ff) || MARK.test(ch) || ch.normalize('NFC') !== ch;
  NFC_STATE[c] = unsafe ? 2 : 1;
  return NFC_STATE[c]!;
}

/** The F_ flags of the characters of `t` (one pass). */
function scan(t: string): number {
  let flags = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    flags |= SCAN[c]!;
    if (c >= 0x300) {
      let q = NFC_STATE[c]!;
      if (q === 0) q = nfcState(c);
      if (q === 2) flags |= F_NFC;
    }
  }
  return flags | spaceFlags(t);
}

/** F_SPACES when `t` has spaces to fold or trim, 3+ line breaks in a row, or a blank line at either end. */
function spaceFlags(t: string): number {
  const n = t.length;
  if (n === 0) return 0;
  const first = t.charCodeAt(0);
  const last = t.charCodeAt(n - 1);
  const untidy =
    first === 0x20 ||
    first === 0x0a ||
    last === 0x20 ||
    last === 0x0a ||
    t.includes('  ') ||
    t.includes(' \n') ||
    t.includes('\n ') ||
    t.includes('\n\n\n');
  return untidy ? F_SPACES : 0;
}

const LINE_BREAKS = /\r\n?|[\u000b\u000c\u2028\u2029]/g;
const COMBINING = /[\u0300-\u036f]/g;
const SOFT_HYPHEN = /\u00ad/g;
const LETTER = /\p{L}/u;

function foldSpaces(line: string): string {
  const n = line.length;
  if (n === 0 || (line.charCodeAt(0) !== 0x20 && line.charCodeAt(n - 1) !== 0x20 && !line.includes('  '))) return line;
  return line.replace(/ {2,}/g, ' ').trim();
}

function mapDLookalikes(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const always = D_ALWAYS.get(ch);
    if (always !== undefined) out += always;
    else {
      const atStart = D_WORD_START.get(ch);
      out += atStart !== undefined && (i === 0 || !LETTER.test(line[i - 1]!)) ? atStart : ch;
    }
  }
  return out;
}

/**
 * The last per-line steps (idempotent): soft hyphens out (then NFC: a soft hyphen may have kept a mark from its
 * letter), Đ look-alikes, spaces folded. `flags` says which of them can have anything to do.
 */
function finish(line: string, flags: number): string {
  let s = line;
  if ((flags & F_SHY) !== 0 && s.includes('\u00ad')) s = s.replace(SOFT_HYPHEN, '').normalize('NFC');
  if ((flags & F_D) !== 0) s = mapDLookalikes(s);
  return foldSpaces(s);
}

function countCombining(s: string): number {
  COMBINING.lastIndex = 0;
  let n = 0;
  while (COMBINING.exec(s) !== null) n++;
  return n;
}

interface Line {
  pre: string;
  fin: string;
}

const STRICT: ReadonlySet<LegacyEncoding> = new Set();

/**
 * The line decoded by the first accepted reading whose result no longer looks encoded; null when none.
 * The candidates are the line as it is and the line after `finish` (soft hyphens out, Đ look-alikes mapped): the
 * second is what a second run of `normalise` would see, so trying it here keeps `normalise` idempotent.
 */
function decodeLine(line: Line, lenient: ReadonlySet<LegacyEncoding>): { text: string; enc: LegacyEncoding } | null {
  for (const cand of line.pre === line.fin ? [line.pre] : [line.pre, line.fin]) {
    for (const ev of detectLine(cand, lenient)) {
      const out = finish(decodeLegacy(cand, ev.encoding), F_SHY | F_D);
      if (!looksLegacy(out)) return { text: out, enc: ev.encoding };
    }
  }
  return null;
}

/**
 * Normalises an article body into the text that spans point into. Steps, in order:
 * 1. line breaks (CR LF, CR, U+2028/2029, VT, FF) → "\n"; C1 controls → their Windows-1252 characters;
 * 2. Unicode NFC (flagged `decomposed` when combining marks were composed, e.g. windows-1258 input);
 * 3. the character rules of rules/characters.ts: odd spaces → " ", invisible characters removed, hyphen-like → "-";
 * 4. per line: legacy encodings (TCVN3, VNI, VIQR) detected by a conservative score and decoded
 *    (see legacy/detect.ts); then soft hyphens removed, Ð/Ɖ → Đ and word-initial ð → đ; runs of spaces folded to
 *    one, leading and trailing spaces removed; NFC again;
 * 5. runs of blank lines → one blank line; blank lines at the start and end removed.
 * Quotes and en/em dashes are kept as written. The result is stable: normalise(normalise(x).text).text equals
 * normalise(x).text.
 */
export function normalise(raw: string): NormaliseResult {
  let flags = scan(raw);
  let t = (flags & F_BREAK) !== 0 ? raw.replace(LINE_BREAKS, (b) => (b === '\u2029' ? '\n\n' : '\n')) : raw;
  const marks = (flags & F_MARK) !== 0 ? countCombining(t) : 0;
  let composed = false;
  if ((flags & F_NFC) !== 0) {
    const before = t;
    t = t.normalize('NFC');
    composed = t !== before;
  }
  const decomposed = marks > 0 && countCombining(t) < marks;
  if ((flags & F_RULE) !== 0) {
    t = t.replace(CHARS.re, (ch) => CHARS.map.get(ch) ?? ch);
    if ((flags & F_NFC) !== 0) t = t.normalize('NFC'); // a removed character may have kept a mark apart
  }
  // Composition may bring in flagged letters (u + U+0300 → ù); the character rules do not (they map to spaces, "-",
  // "—" and Windows-1252 punctuation), but they may leave spaces to fold.
  if (composed) flags |= scan(t);
  else if (t !== raw) flags |= spaceFlags(t);
  const conversionOf = (): Conversion => (decomposed ? 'decomposed' : 'none');
  if ((flags & (F_SPACES | F_D | F_SHY | F_LEGACY)) === 0 && !t.includes('dd') && !t.includes('DD')) {
    return { text: t, conversion: conversionOf() };
  }

  const lines: Line[] = t.split('\n').map((l) => {
    const pre = (flags & F_SPACES) !== 0 ? foldSpaces(l) : l;
    return { pre, fin: finish(pre, flags) };
  });
  // Strict pass: lines legacy-encoded on their own evidence. Enough of them make the document lenient for that
  // encoding, so that a short line ("Hµ Néi") in a TCVN3 document converts too.
  const strictLines = new Map<LegacyEncoding, number>();
  if ((flags & F_LEGACY) !== 0 || t.includes('dd') || t.includes('DD')) {
    for (const line of lines) {
      const ev =
        detectLine(line.pre, STRICT)[0] ?? (line.fin !== line.pre ? detectLine(line.fin, STRICT)[0] : undefined);
      if (ev) strictLines.set(ev.encoding, (strictLines.get(ev.encoding) ?? 0) + 1);
    }
  }
  const lenient = new Set(LEGACY_ENCODINGS.filter((e) => (strictLines.get(e) ?? 0) >= DETECTION.documentLines));
  const decodedBy = new Map<LegacyEncoding, number>();
  const out: string[] = [];
  for (const line of lines) {
    let result = line.fin;
    if (strictLines.size > 0) {
      const decoded = decodeLine(line, lenient);
      if (decoded !== null) {
        result = decoded.text;
        decodedBy.set(decoded.enc, (decodedBy.get(decoded.enc) ?? 0) + 1);
      }
    }
    if (result === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(result);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();

  let conversion = conversionOf();
  let best = 0;
  for (const [enc, n] of decodedBy) {
    if (n > best) {
      best = n;
      conversion = enc;
    }
  }
  return { text: out.join('\n'), conversion };
}
