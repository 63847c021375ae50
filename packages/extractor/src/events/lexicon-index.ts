import { type Lexicons, loadLexicons, surfacesOf } from '../lexicon/load.js';
import { lexiconMatchers } from '../lexicon/matchers.js';
import type { DocLexicon } from './doc-lexicon.js';
import { placeIndex } from './place-index.js';

let surnameSet: Set<string> | undefined;
let packaged: Lexicons | undefined;
/** The package's lexicons (loadLexicons caches them, but resolves their directory's URL on every call). */
const lexiconsOf = () => {
  packaged ??= loadLexicons();
  return packaged;
};

/** The lexicon version recorded in every ExtractionResult. */
export function lexiconVersion(): string {
  return lexiconsOf().version;
}

/**
 * Title and unit matches of one document, computed in one scan each. Scope words ("tỉnh", "huyện") are not units by
 * themselves here: a place unit ("huyện Đầm Hà") is recognised by the unit phrase reader.
 */
export function lexiconIndex(text: string): DocLexicon {
  const lexicons = lexiconsOf();
  const m = lexiconMatchers(lexicons);
  if (!surnameSet) surnameSet = new Set(lexicons.surnames.flatMap((s) => surfacesOf(s)));
  const names = surnameSet;
  const titles = m.titles.findAll(text);
  const units = m.units.findAll(text).filter((u) => u.entry.kind !== 'scope');
  const abbreviations = m.abbreviations.findAll(text).filter((a) => isUnitAbbreviation(a.entry));
  const unitSpans = [...units, ...abbreviations].sort((a, b) => a.start - b.start);
  const titleEnd = new Map(titles.map((t) => [t.start, t.end]));
  const unitEnd = new Map<number, number>();
  for (const u of unitSpans) unitEnd.set(u.start, Math.max(u.end, unitEnd.get(u.start) ?? -1));
  const inRange = (list: { start: number; end: number }[], from: number, to: number) =>
    list.filter((x) => x.start >= from && x.start < to).map((x) => ({ start: x.start, end: x.end }));
  return {
    isSurname: (s) => names.has(s),
    isPlace: (s) => placeIndex().isPlace(s),
    titleEndAt: (pos) => titleEnd.get(pos) ?? -1,
    unitEndAt: (pos) => unitEnd.get(pos) ?? -1,
    titlesIn: (from, to) => inRange(titles, from, to),
    unitsIn: (from, to) => inRange(unitSpans, from, to),
  };
}

function isUnitAbbreviation(entry: { category: string }): boolean {
  return entry.category === 'body';
}
