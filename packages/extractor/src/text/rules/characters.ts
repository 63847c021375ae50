/**
 * The single characters `normalise` rewrites, as data: [code point(s), replacement, what it is].
 * A range "A-B" covers every code point from A to B. Compiled and checked by ../normalise.ts.
 *
 * Choices: typographic quotes (“ ” ‘ ’ « ») and the en/em dashes (– —) are KEPT — gold annotations quote the surface;
 * the other hyphen-like characters become ASCII "-" so that "114‐KL/TW" and "114-KL/TW" are one spelling.
 */
export type CharRule = readonly [codePoints: string, replacement: string, what: string];

export const CHARACTER_RULES: readonly CharRule[] = [
  // spaces → one ASCII space (runs are folded afterwards)
  ['0009', ' ', 'tab'],
  ['00A0', ' ', 'no-break space'],
  ['1680', ' ', 'ogham space mark'],
  ['2000-200A', ' ', 'en quad … hair space'],
  ['202F', ' ', 'narrow no-break space'],
  ['205F', ' ', 'medium mathematical space'],
  ['3000', ' ', 'ideographic space'],
  // invisible characters → removed (U+00AD soft hyphen is removed later, per line: in TCVN3 it is the letter ư)
  ['0000-0008', '', 'C0 controls'],
  ['000E-001F', '', 'C0 controls'],
  ['007F', '', 'delete'],
  ['180E', '', 'Mongolian vowel separator'],
  ['200B', '', 'zero width space'],
  ['200C', '', 'zero width non-joiner'],
  ['200D', '', 'zero width joiner'],
  ['200E-200F', '', 'left-to-right / right-to-left mark'],
  ['202A-202E', '', 'bidirectional embeddings and overrides'],
  ['2060-2064', '', 'word joiner, invisible operators'],
  ['2066-2069', '', 'bidirectional isolates'],
  ['FEFF', '', 'byte order mark / zero width no-break space'],
  // hyphen-like → "-"; en dash, em dash kept; horizontal bar → em dash
  ['2010', '-', 'hyphen'],
  ['2011', '-', 'non-breaking hyphen'],
  ['2012', '-', 'figure dash'],
  ['2212', '-', 'minus sign'],
  ['FE63', '-', 'small hyphen-minus'],
  ['FF0D', '-', 'fullwidth hyphen-minus'],
  ['2015', '\u2014', 'horizontal bar'],
  // C1 controls come only from reading Windows-1252 bytes as ISO-8859-1: give back the Windows-1252 character
  ['0080', '€', 'cp1252 0x80'],
  ['0081', '', 'cp1252 0x81 (undefined)'],
  ['0082', '‚', 'cp1252 0x82'],
  ['0083', 'ƒ', 'cp1252 0x83'],
  ['0084', '„', 'cp1252 0x84'],
  ['0085', '…', 'cp1252 0x85'],
  ['0086', '†', 'cp1252 0x86'],
  ['0087', '‡', 'cp1252 0x87'],
  ['0088', 'ˆ', 'cp1252 0x88'],
  ['0089', '‰', 'cp1252 0x89'],
  ['008A', 'Š', 'cp1252 0x8A'],
  ['008B', '‹', 'cp1252 0x8B'],
  ['008C', 'Œ', 'cp1252 0x8C'],
  ['008D', '', 'cp1252 0x8D (undefined)'],
  ['008E', 'Ž', 'cp1252 0x8E'],
  ['008F-0090', '', 'cp1252 0x8F, 0x90 (undefined)'],
  ['0091', '‘', 'cp1252 0x91'],
  ['0092', '’', 'cp1252 0x92'],
  ['0093', '“', 'cp1252 0x93'],
  ['0094', '”', 'cp1252 0x94'],
  ['0095', '•', 'cp1252 0x95'],
  ['0096', '–', 'cp1252 0x96'],
  ['0097', '—', 'cp1252 0x97'],
  ['0098', '˜', 'cp1252 0x98'],
  ['0099', '™', 'cp1252 0x99'],
  ['009A', 'š', 'cp1252 0x9A'],
  ['009B', '›', 'cp1252 0x9B'],
  ['009C', 'œ', 'cp1252 0x9C'],
  ['009D', '', 'cp1252 0x9D (undefined)'],
  ['009E', 'ž', 'cp1252 0x9E'],
  ['009F', 'Ÿ', 'cp1252 0x9F'],
];

/**
 * Look-alikes of Đ/đ, rewritten per line after legacy decoding: [character, replacement, when].
 * "always": wherever it stands. "word-start": only at the start of a word — Vietnamese đ only ever begins a
 * syllable, while Icelandic/Faroese ð sits inside words (Guðmundsson) and is left alone.
 */
export const D_LOOKALIKES: readonly (readonly [string, string, 'always' | 'word-start'])[] = [
  ['\u00d0', 'Đ', 'always'], // Ð eth, capital (also inside acronyms: HÐND → HĐND)
  ['\u0189', 'Đ', 'always'], // Ɖ African D
  ['\u00f0', 'đ', 'word-start'], // ð eth
];
