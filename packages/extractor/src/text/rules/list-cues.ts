/**
 * How lists are introduced and marked, as data. Used by ../list-items.ts.
 */

/**
 * Words that end a lead-in WITHOUT a colon, when semicolons split what follows ("còn một số hạn chế như công
 * tác …; việc …"). Any colon (not in a time such as 18:11) ends a lead-in as well ("như:", "gồm:", "sau:", "là:").
 */
export const COLONLESS_LEAD_INS: readonly string[] = ['như', 'gồm', 'bao gồm', 'gồm có'];

/** A word before a colon-less cue that makes it a comparison, not a lead-in ("cũng như", "giống như"). */
export const NOT_A_LEAD_IN_AFTER: readonly string[] = ['cũng', 'giống', 'chẳng hạn', 'hầu'];

/** Symbols that open a bullet line; "-", "+" and "*" need a space after them (they are signs too). */
export const BULLET_SYMBOLS: readonly string[] = [
  '•',
  '·',
  '▪',
  '▫',
  '►',
  '▶',
  '●',
  '○',
  '◦',
  '■',
  '□',
  '✓',
  '✔',
  '❖',
  '➢',
  '➤',
];
export const SPACED_BULLET_SYMBOLS: readonly string[] = ['-', '+', '*', '–', '—'];
