/** What the extractor needs from the gazetteer (implemented over src/lexicon's gazetteer in place-index.ts). */
export interface PlaceIndex {
  /** The province's bare name ("Điện Biên", "Hồ Chí Minh") when `name` names one, in either era. */
  province(name: string): string | null;
  /** Districts (before July 2025) with this bare name, with their province's bare name. */
  districts(name: string): { name: string; province: string }[];
  /** Communes with this bare name, with district (pre-2025) and province (either era). */
  communes(name: string): { name: string; district: string | null; province: string }[];
  /** Whether the name is the bare name of any unit of either era. */
  isPlace(name: string): boolean;
  /** Bare names of all provinces of both eras, for matching site host names. */
  provinceNames(): string[];
}
