import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { foldKey, hasDiacritics, lowerKey } from '../fold.js';

/** A person's name as written, with the keys used to decide whether two spellings are one person. */
export interface NameForm {
  /** NFC, single spaces, as written. */
  alias: string;
  /** lowerKey(alias): one spelling, any case. Unique per alias row. */
  lower: string;
  /** foldKey(alias): without diacritics. */
  folded: string;
  /** First word folded (họ, the family name). */
  surnameKey: string;
  /** Last word folded (tên, the given name). */
  givenKey: string;
  /** Last word lower-cased with its diacritics (Hùng ≠ Hưng). */
  givenLower: string;
  hasDiacritics: boolean;
}

const forms = new Map<string, NameForm>();

/** The keys of a written name (remembered: the same names recur in every batch). */
export function nameForm(written: string): NameForm {
  let f = forms.get(written);
  if (!f) {
    if (forms.size >= 100_000) forms.clear();
    f = computeNameForm(written);
    forms.set(written, f);
  }
  return f;
}

function computeNameForm(written: string): NameForm {
  const alias = written.normalize('NFC').replace(/\s+/g, ' ').trim();
  const lower = lowerKey(alias);
  const folded = foldKey(alias);
  const words = folded.split(' ');
  const lowerWords = lower.split(' ');
  return {
    alias,
    lower,
    folded,
    surnameKey: words[0] ?? '',
    givenKey: words[words.length - 1] ?? '',
    givenLower: lowerWords[lowerWords.length - 1] ?? '',
    hasDiacritics: hasDiacritics(alias),
  };
}

/** Jaro-Winkler similarity (natural's implementation; 1 = equal). */
export function similarity(a: string, b: string): number {
  return jaroWinkler(a, b);
}

/** Default Jaro-Winkler threshold on folded names for a near match. */
export const NAME_THRESHOLD = 0.9;

/**
 * Whether two written names are one person, and how sure (0 = no). Vietnamese full names share family
 * and middle names heavily ("Nguyễn Văn An" / "Nguyễn Văn Anh" score 0.98 on Jaro-Winkler), so the
 * given name (last word) guards the fuzzy match:
 *  - the same spelling (case and spacing aside) is the same person;
 *  - family names (first word, folded) must be equal;
 *  - given names must be equal: with diacritics when both spellings carry them (Hùng ≠ Hưng),
 *    folded when one is written without (Ngo = Ngọ);
 *  - then folded-name equality ("Dang Huu Ngo" = "Đặng Hữu Ngọ") or Jaro-Winkler ≥ threshold
 *    on the folded names (a middle name misspelt or left out).
 */
export function samePersonScore(a: NameForm, b: NameForm, threshold = NAME_THRESHOLD): number {
  if (a.lower === b.lower) return 1;
  if (!a.surnameKey || a.surnameKey !== b.surnameKey) return 0;
  if (a.folded.split(' ').length < 2 || b.folded.split(' ').length < 2) return 0;
  const givenEqual = a.hasDiacritics && b.hasDiacritics ? a.givenLower === b.givenLower : a.givenKey === b.givenKey;
  if (!givenEqual) return 0;
  if (a.folded === b.folded) return 0.99;
  const s = similarity(a.folded, b.folded);
  return s >= threshold ? s : 0;
}
