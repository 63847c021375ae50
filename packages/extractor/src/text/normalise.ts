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
const CHARS_TEST = new RegExp(CHARS.re.source);
const D_ALWAYS = new Map(D_LOOKALIKES.filter(([, , when]) => when === 'always').map(([c, to]) => [c, to]));
const D_WORD_START = new Map(D_LOOKALIKES.filter(([, , when]) => when === 'word-start').map(([c, to]) => [c, to]));
const D_ANY = new RegExp(`[${D_LOOKALIKES.map(([c]) => c).join('')}]`, 'u');

const LINE_BREAKS = /\r\n?|[\u000b\u000c\u2028\u2029]/g;
const COMBINING = /[\u0300-\u036f]/g;
const SPACES_TO_FOLD = /^ | {2,}| $/;
const SOFT_HYPHEN = /\u00ad/g;
const LETTER = /\p{L}/u;

function foldSpaces(line: string): string {
  return SPACES_TO_FOLD.test(line) ? line.replace(/ {2,}/g, ' ').trim() : line;
}

function mapDLookalikes(line: string): string {
  if (!D_ANY.test(line)) return line;
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

/** The last per-line steps (idempotent): soft hyphens out, Đ look-alikes, spaces folded, NFC. */
function finish(line: string): string {
  let s = line.includes('\u00ad') ? line.replace(SOFT_HYPHEN, '') : line;
  s = foldSpaces(mapDLookalikes(s));
  return s.normalize('NFC');
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
      const out = finish(decodeLegacy(cand, ev.encoding));
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
  let t = raw.replace(LINE_BREAKS, (b) => (b === '\u2029' ? '\n\n' : '\n'));
  const marks = t.search(COMBINING) >= 0 ? countCombining(t) : 0;
  t = t.normalize('NFC');
  const decomposed = marks > 0 && countCombining(t) < marks;
  if (CHARS_TEST.test(t)) t = t.replace(CHARS.re, (ch) => CHARS.map.get(ch) ?? ch).normalize('NFC');

  const lines: Line[] = t.split('\n').map((l) => {
    const pre = foldSpaces(l);
    return { pre, fin: finish(pre) };
  });
  // Strict pass: lines legacy-encoded on their own evidence. Enough of them make the document lenient for that
  // encoding, so that a short line ("Hµ Néi") in a TCVN3 document converts too.
  const strictLines = new Map<LegacyEncoding, number>();
  for (const line of lines) {
    const ev = detectLine(line.pre, STRICT)[0] ?? detectLine(line.fin, STRICT)[0];
    if (ev) strictLines.set(ev.encoding, (strictLines.get(ev.encoding) ?? 0) + 1);
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

  let conversion: Conversion = decomposed ? 'decomposed' : 'none';
  let best = 0;
  for (const [enc, n] of decodedBy) {
    if (n > best) {
      best = n;
      conversion = enc;
    }
  }
  return { text: out.join('\n'), conversion };
}
