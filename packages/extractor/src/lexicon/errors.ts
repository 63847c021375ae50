/** Where in a lexicon file a problem lies. */
export interface LexiconLocation {
  /** The file's path as it was given to the loader. */
  readonly file: string;
  /** 1-based line of the entry, when it could be located. */
  readonly line?: number;
  /** 0-based index of the entry in `entries`. */
  readonly index?: number;
  /** The entry's id, when it has one. */
  readonly id?: string;
}

/**
 * A lexicon or gazetteer data file is malformed. Not retryable: the data file must be fixed (see
 * packages/extractor/lexicons/README.md), or the gazetteer rebuilt with scripts/build-gazetteer.ts.
 */
export class LexiconError extends Error {
  override readonly name = 'LexiconError';
  readonly location: LexiconLocation;
  readonly problem: string;

  constructor(location: LexiconLocation, problem: string) {
    super(`${describe(location)}: ${problem}. Fix the data file (format: packages/extractor/lexicons/README.md).`);
    this.location = location;
    this.problem = problem;
  }
}

function describe(l: LexiconLocation): string {
  let s = l.file;
  if (l.line !== undefined) s += `:${l.line}`;
  if (l.index !== undefined) s += ` entry #${l.index}`;
  if (l.id !== undefined) s += ` (id "${l.id}")`;
  return s;
}
