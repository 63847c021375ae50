/**
 * Language of the article, ISO 639-3 as franc reports it.
 *
 * Rule: when the body (lead + paragraphs) has at least MIN_LANG_CHARS characters, franc decides, among the
 * languages a Vietnamese provincial site can plausibly publish in (LANG_CANDIDATES; restricting the set
 * makes franc both faster and steadier on short texts). Below that length franc's trigram guesses are
 * unreliable, so the page's own declaration decides (<html lang>, Content-Language, og:locale, JSON-LD
 * inLanguage, mapped to ISO 639-3); with no declaration the answer is 'und'. franc also reads at most the
 * first FRANC_SAMPLE characters, which bounds its cost on long articles.
 */
import { franc } from 'franc';

export const MIN_LANG_CHARS = 100;
const FRANC_SAMPLE = 1_000;
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

export function detectLang(text: string, declared: (string | null | undefined)[]): string {
  const decl = declared.map(toIso6393).find((x): x is string => x !== null) ?? null;
  if (text.length >= MIN_LANG_CHARS) {
    const guess = franc(text.slice(0, FRANC_SAMPLE), { only: LANG_CANDIDATES, minLength: MIN_LANG_CHARS });
    if (guess !== 'und') return guess;
  }
  return decl ?? 'und';
}
