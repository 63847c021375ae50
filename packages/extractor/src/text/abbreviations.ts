import { ABBREVIATIONS, type AbbreviationKind } from './rules/abbreviations.js';

/** An entry of rules/abbreviations.ts is malformed or duplicated: fix the data file. */
export class AbbreviationDataError extends Error {
  override readonly name = 'AbbreviationDataError';
  constructor(entry: string, problem: string) {
    super(`abbreviation "${entry}": ${problem}. Fix packages/extractor/src/text/rules/abbreviations.ts.`);
  }
}

const WELL_FORMED = /^\p{Ll}+(?:\.\p{Ll}+)*$/u;

function compile(): Map<string, AbbreviationKind> {
  const out = new Map<string, AbbreviationKind>();
  for (const [abbr, kind] of ABBREVIATIONS) {
    if (!WELL_FORMED.test(abbr)) {
      throw new AbbreviationDataError(
        abbr,
        'write it in lower case, letters and inner dots only, without the last dot',
      );
    }
    if (out.has(abbr)) throw new AbbreviationDataError(abbr, 'listed twice');
    out.set(abbr, kind);
  }
  return out;
}

const TABLE = compile();

/**
 * The kind of abbreviation that `word` (the letters and inner dots before a full stop, e.g. "PGS.TS", "vận.v.v")
 * ends with, or undefined. Longer endings win: "PGS.TS" is looked up before "TS".
 */
export function abbreviationKind(word: string): AbbreviationKind | undefined {
  const lower = word.toLowerCase();
  let at = 0;
  while (at >= 0 && at < lower.length) {
    const kind = TABLE.get(lower.slice(at));
    if (kind !== undefined) return kind;
    at = lower.indexOf('.', at);
    if (at >= 0) at++;
  }
  return undefined;
}
