/** Lexicon lookups over one document, computed once per document by `lexiconIndex` (see lexicon-index.ts). */
export interface DocLexicon {
  /** Whether a capitalised syllable is a known surname. */
  isSurname(syllable: string): boolean;
  /** End of the official title that starts exactly at `pos`, or -1. */
  titleEndAt(pos: number): number;
  /** End of the body/unit name (lexicon head only) that starts exactly at `pos`, or -1. */
  unitEndAt(pos: number): number;
  /** Whether a name is an administrative unit's bare name ("Tủa Chùa", "Lâm Hà"). */
  isPlace(name: string): boolean;
  /** Title matches that start inside [from, to). */
  titlesIn(from: number, to: number): { start: number; end: number }[];
  /** Unit matches that start inside [from, to). */
  unitsIn(from: number, to: number): { start: number; end: number }[];
}
