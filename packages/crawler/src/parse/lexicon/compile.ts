import { fold } from '../text.js';
import { CLASS_ROLES, type ClassRoleName } from './class-roles.js';
import { CLUTTER_PHRASES } from './clutter-phrases.js';

/** A lexicon entry that cannot be compiled; the message names the list and the entry. */
export class LexiconError extends Error {
  override readonly name = 'LexiconError';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Validates one list: non-empty entries, no stray spaces or characters, no duplicates after folding. */
export function checkList(listName: string, entries: readonly string[], allowed: RegExp): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const e of entries) {
    if (e.length === 0 || e !== e.trim() || /\s{2}/.test(e))
      throw new LexiconError(`${listName}: entry ${JSON.stringify(e)} is empty or has stray spaces; fix the entry`);
    if (!allowed.test(e))
      throw new LexiconError(
        `${listName}: entry ${JSON.stringify(e)} has characters outside ${allowed}; fix the entry`,
      );
    const key = fold(e);
    const prev = seen.get(key);
    if (prev !== undefined)
      throw new LexiconError(`${listName}: ${JSON.stringify(e)} duplicates ${JSON.stringify(prev)} (after folding)`);
    seen.set(key, e);
    out.push(key);
  }
  return out;
}

/** Alternation of folded phrases, longest first, bounded by non-letters. */
function phraseAlternation(folded: string[]): string {
  return [...folded]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, '\\s+'))
    .join('|');
}

export interface CompiledPhrases {
  /** Folded block text (trimmed, trailing ":" removed) that ends the article. */
  cutOff: ReadonlySet<string>;
  /** Every chrome phrase occurrence in folded text (global). */
  chrome: RegExp;
  /** A folded line that starts with a label and a colon. */
  label: RegExp;
}

const PHRASE_CHARS = /^[\p{L}\p{N} |]+$/u;

export function compilePhrases(src: typeof CLUTTER_PHRASES = CLUTTER_PHRASES): CompiledPhrases {
  const cutOff = checkList('clutter-phrases.cutOff', src.cutOff, PHRASE_CHARS);
  const chrome = checkList('clutter-phrases.chrome', src.chrome, PHRASE_CHARS);
  const labels = checkList('clutter-phrases.labels', src.labels, PHRASE_CHARS);
  return {
    cutOff: new Set(cutOff),
    chrome: new RegExp(`(?<![\\p{L}\\p{N}])(?:${phraseAlternation(chrome)})(?![\\p{L}\\p{N}])`, 'gu'),
    label: new RegExp(`^(?:${phraseAlternation(labels)})\\s*:`, 'u'),
  };
}

const CLASS_CHARS = /^[a-z0-9_-]+$/;

export type CompiledRoles = Record<ClassRoleName, RegExp>;

/** One regular expression per role, tested against one lower-case class token or id at a time. */
export function compileRoles(src: typeof CLASS_ROLES = CLASS_ROLES): CompiledRoles {
  const out = {} as Record<ClassRoleName, RegExp>;
  for (const role of Object.keys(src) as ClassRoleName[]) {
    const { parts, tokens, contains } = src[role];
    const p = checkList(`class-roles.${role}.parts`, parts, CLASS_CHARS);
    const t = checkList(`class-roles.${role}.tokens`, tokens, CLASS_CHARS);
    const c = checkList(`class-roles.${role}.contains`, contains, CLASS_CHARS);
    const alts: string[] = [];
    if (p.length > 0) alts.push(`(?:^|[-_])(?:${p.map(escapeRegExp).join('|')})(?=$|[-_])`);
    if (t.length > 0) alts.push(`^(?:${t.map(escapeRegExp).join('|')})$`);
    if (c.length > 0) alts.push(c.map(escapeRegExp).join('|'));
    out[role] = alts.length > 0 ? new RegExp(alts.join('|')) : /(?!)/;
  }
  return out;
}

/** Compiled once at module load: a broken lexicon fails the first import, loudly. */
export const PHRASES: CompiledPhrases = compilePhrases();
export const ROLES: CompiledRoles = compileRoles();
