/**
 * Language of the article, ISO 639-3 as franc reports it.
 *
 * Rule: when the body (lead + paragraphs) has at least MIN_LANG_CHARS characters, franc decides, among the
 * languages a Vietnamese provincial site can plausibly publish in (LANG_CANDIDATES; restricting the set
 * makes franc both faster and steadier on short texts). Below that length franc's trigram guesses are
 * unreliable, so the page's own declaration decides (<html lang>, Content-Language, og:locale, JSON-LD
 * inLanguage, mapped to ISO 639-3); with no declaration the answer is 'und'. franc also reads at most the
 * first FRANC_SAMPLE characters, which bounds its cost on long articles.
 *
 * Two shortcuts skip franc where the answer is not in doubt (franc costs about 0.5 ms a call, as much as
 * the rest of a page parse):
 *  - a sample whose letters are at least VIETNAMESE_SHARE Vietnamese-only letters (the tone-marked vowels of
 *    U+1EA0–U+1EF9 and ă, ơ, ư, đ — letters no other candidate language writes) is 'vie';
 *  - a sample with no Vietnamese-only letter whose words are at least ENGLISH_SHARE English function words
 *    (the, of, and, to, in …; no other candidate language uses them at that density) is 'eng'.
 * Every other sample goes to franc. test/parse/lang.test.ts checks that franc gives the same answer on the
 * fixtures the shortcuts decide.
 */
import { franc } from 'franc';

export const MIN_LANG_CHARS = 100;
const FRANC_SAMPLE = 300;
export const LANG_CANDIDATES = [
  'vie',
  'eng',
  'fra',
  'deu',
  'spa',
  'por',
  'ita',
  'nld',
  'rus',
  'cmn',
  'jpn',
  'kor',
  'khm',
  'lao',
  'tha',
  'ind',
];

const ISO_639_1: Record<string, string> = {
  vi: 'vie',
  en: 'eng',
  fr: 'fra',
  de: 'deu',
  es: 'spa',
  pt: 'por',
  it: 'ita',
  nl: 'nld',
  ru: 'rus',
  zh: 'cmn',
  ja: 'jpn',
  ko: 'kor',
  km: 'khm',
  lo: 'lao',
  th: 'tha',
  id: 'ind',
};

/** "vi", "vi-VN", "vi_VN", "vie", "en-US" → ISO 639-3, or null when unknown. */
export function toIso6393(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary =
    tag
      .trim()
      .toLowerCase()
      .split(/[-_,;\s]/)[0] ?? '';
  if (primary.length === 3 && /^[a-z]{3}$/.test(primary)) return primary;
  return ISO_639_1[primary] ?? null;
}

export const VIETNAMESE_SHARE = 0.03;

/** ă Ă đ Đ ơ Ơ ư Ư and the tone-marked vowels U+1EA0–U+1EF9. */
function vietnameseOnly(c: number): boolean {
  return (
    (c >= 0x1ea0 && c <= 0x1ef9) ||
    c === 0x0102 ||
    c === 0x0103 ||
    c === 0x0110 ||
    c === 0x0111 ||
    c === 0x01a0 ||
    c === 0x01a1 ||
    c === 0x01af ||
    c === 0x01b0
  );
}

/** Share of letters in `sample` that only Vietnamese writes (NFC text; non-letters ignored). */
export function vietnameseShare(sample: string): number {
  let letters = 0;
  let vi = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) letters++;
    else if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || (c >= 0x3040 && c < 0xfe00))) {
      letters++;
      if (vietnameseOnly(c)) vi++;
    }
  }
  return letters === 0 ? 0 : vi / letters;
}

export const ENGLISH_SHARE = 0.15;
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in a an is are was were be been for on with that this by as at from it its has have had which their will not or but'.split(
    ' ',
  ),
);

/** Share of the words of `sample` that are English function words. */
export function englishShare(sample: string): number {
  const words = sample.toLowerCase().match(/[a-z]+/g);
  if (!words || words.length === 0) return 0;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length;
}

/** franc on a bounded sample, restricted to LANG_CANDIDATES. */
export function francLang(sample: string): string {
  return franc(sample.slice(0, FRANC_SAMPLE), { only: LANG_CANDIDATES, minLength: MIN_LANG_CHARS });
}

/** The first `n` characters of lead + paragraphs, without joining the whole body. */
export function langSample(parts: (string | null)[], n = FRANC_SAMPLE + MIN_LANG_CHARS): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    out = out ? `${out}\n${p}` : p;
    if (out.length >= n) break;
  }
  return out;
}

export function detectLang(text: string, declared: (string | null | undefined)[]): string {
  const decl = declared.map(toIso6393).find((x): x is string => x !== null) ?? null;
  if (text.length >= MIN_LANG_CHARS) {
    const sample = text.slice(0, FRANC_SAMPLE);
    const vi = vietnameseShare(sample);
    if (vi >= VIETNAMESE_SHARE) return 'vie';
    if (vi === 0 && englishShare(sample) >= ENGLISH_SHARE) return 'eng';
    const guess = francLang(sample);
    if (guess !== 'und') return guess;
  }
  return decl ?? 'und';
}
