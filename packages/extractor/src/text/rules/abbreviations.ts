/**
 * Abbreviations written with a full stop, as data: [abbreviation without its last dot, kind, meaning].
 * Matched case-insensitively against the letters (and inner dots) just before a full stop, so "TP", "Tp" and "tp"
 * are one entry; "PGS.TS" also matches "TS" alone when "TS" is listed. Compiled and checked by ../abbreviations.ts.
 *
 * Kinds: `title` and `place` never end a sentence (a name follows: "TS. Nguyễn Văn A", "TP. Hồ Chí Minh");
 * `list-end` ("v.v.") ends a sentence only when the next word is not lower case.
 * Single capital letters ("Nguyễn V. A", "Q. 1", "P. 5") are handled as initials by the sentence splitter.
 */
export type AbbreviationKind = 'title' | 'place' | 'list-end' | 'other';

export const ABBREVIATIONS: readonly (readonly [string, AbbreviationKind, string])[] = [
  ['tp', 'place', 'thành phố'],
  ['tx', 'place', 'thị xã'],
  ['tt', 'place', 'thị trấn'],
  ['ts', 'title', 'tiến sĩ'],
  ['tskh', 'title', 'tiến sĩ khoa học'],
  ['ths', 'title', 'thạc sĩ'],
  ['th.s', 'title', 'thạc sĩ'],
  ['gs', 'title', 'giáo sư'],
  ['pgs', 'title', 'phó giáo sư'],
  ['pgs.ts', 'title', 'phó giáo sư, tiến sĩ'],
  ['gs.ts', 'title', 'giáo sư, tiến sĩ'],
  ['gs.tskh', 'title', 'giáo sư, tiến sĩ khoa học'],
  ['bs', 'title', 'bác sĩ'],
  ['bsck', 'title', 'bác sĩ chuyên khoa'],
  ['bscki', 'title', 'bác sĩ chuyên khoa I'],
  ['bsckii', 'title', 'bác sĩ chuyên khoa II'],
  ['ks', 'title', 'kỹ sư'],
  ['ls', 'title', 'luật sư'],
  ['ncs', 'title', 'nghiên cứu sinh'],
  ['nxb', 'other', 'nhà xuất bản'],
  ['tr', 'other', 'trang'],
  ['mr', 'title', 'Mister'],
  ['mrs', 'title', 'Mistress'],
  ['ms', 'title', 'Miss'],
  ['dr', 'title', 'Doctor'],
  ['st', 'title', 'Saint'],
  ['v.v', 'list-end', 'vân vân (et cetera)'],
  ['etc', 'list-end', 'et cetera'],
];
