import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { matchKey, tokens } from '../../src/text/index.js';

const show = (t: string, from?: number, to?: number) => tokens(t, from, to).map((k) => `${k.text}/${k.kind}`);

describe('tokens', () => {
  it('splits words at spaces and punctuation, keeping punctuation tokens', () => {
    expect(show('Tin, ảnh: Quang Long')).toEqual([
      'Tin/word',
      ',/punct',
      'ảnh/word',
      ':/punct',
      'Quang/word',
      'Long/word',
    ]);
  });

  it('keeps numbers whole: 83,2 / 20.000 / 1.234,5 / 11.09.2019 / 18:11:27 / 21/10/2024', () => {
    expect(show('83,2ha 20.000 1.234,5 11.09.2019 18:11:27 21/10/2024.')).toEqual([
      '83,2/number',
      'ha/word',
      '20.000/number',
      '1.234,5/number',
      '11.09.2019/number',
      '18:11:27/number',
      '21/10/2024/number',
      './punct',
    ]);
  });

  it('keeps document references whole as "ref"', () => {
    expect(
      show('Kết luận số 114-KL/TW, Đề án số 06-ĐA/TU; 12/2020/NĐ-CP, 1234/QĐ-UBND, quý I/2024 (QH15) 2020-2025.'),
    ).toEqual([
      'Kết/word',
      'luận/word',
      'số/word',
      '114-KL/TW/ref',
      ',/punct',
      'Đề/word',
      'án/word',
      'số/word',
      '06-ĐA/TU/ref',
      ';/punct',
      '12/2020/NĐ-CP/ref',
      ',/punct',
      '1234/QĐ-UBND/ref',
      ',/punct',
      'quý/word',
      'I/2024/ref',
      '(/punct',
      'QH15/ref',
      ')/punct',
      '2020-2025/ref',
      './punct',
    ]);
  });

  it('splits letter-only hyphenations, keeps "..." as one token, and "./." as three', () => {
    expect(show('KT-XH... đơn vị./.')).toEqual([
      'KT/word',
      '-/punct',
      'XH/word',
      '.../punct',
      'đơn/word',
      'vị/word',
      './punct',
      '//punct',
      './punct',
    ]);
  });

  it('carries the match key of each token', () => {
    const ts = tokens('Tỉnh ủy Thái Bình, hoà giải');
    expect(ts.map((t) => t.key)).toEqual(['tỉnh', 'uỷ', 'thái', 'bình', ',', 'hoà', 'giải']);
    for (const t of ts) expect(t.key).toBe(matchKey(t.text));
  });

  it('gives offsets into the whole text when given a range', () => {
    const t = 'Câu một. Trưởng đoàn Hoà phát biểu.';
    const ts = tokens(t, 9, 34);
    expect(ts.map((k) => k.text)).toEqual(['Trưởng', 'đoàn', 'Hoà', 'phát', 'biểu']);
    for (const k of ts) expect(t.slice(k.start, k.end)).toBe(k.text);
  });

  it('cuts a token at the range when the range ends inside a word, with the key of the piece', () => {
    const t = 'hoàng hôn';
    const [first] = tokens(t, 0, 3);
    expect(first).toEqual({ start: 0, end: 3, text: 'hoà', key: matchKey('hoà'), kind: 'word' });
  });
});

// The specification the scanner implements, as one regular expression (the first version of `tokens`): the two
// must agree on every input.
const L = String.raw`\p{L}\p{M}`;
const AN = String.raw`\p{L}\p{M}\p{Nd}`;
const SPEC = new RegExp(
  `([${L}]+(?![${AN}]|[-/][${AN}]))` +
    String.raw`|(\p{Nd}+(?:[.,:/]\p{Nd}+)*(?!\p{Nd}|[-/][${AN}]|[.,:]\p{Nd}))` +
    `|([${AN}]+(?:[-/][${AN}]+)*)` +
    String.raw`|(\.{2,}|\S)`,
  'gu',
);

function specTokens(text: string): string[] {
  const out: string[] = [];
  SPEC.lastIndex = 0;
  for (let m = SPEC.exec(text); m !== null; m = SPEC.exec(text)) {
    let end = m.index + m[0].length;
    let kind: string;
    if (m[1] !== undefined) kind = 'word';
    else if (m[2] !== undefined) kind = 'number';
    else if (m[3] !== undefined) {
      if (!/\p{Nd}/u.test(m[0])) {
        end = m.index + (new RegExp(`^[${L}]+`, 'u').exec(m[0])?.[0].length ?? 1);
        SPEC.lastIndex = end;
        kind = 'word';
      } else kind = /[\p{L}\p{M}-]/u.test(m[0]) ? 'ref' : 'number';
    } else kind = 'punct';
    out.push(`${m.index}:${text.slice(m.index, end)}/${kind}`);
  }
  return out;
}

describe('tokens agree with their regular-expression specification', () => {
  const pieces = [
    '114',
    '-',
    '/',
    'KL',
    'TW',
    '83',
    ',',
    '2',
    'ha',
    '.',
    '...',
    ':',
    'Đ',
    'ủy',
    ' ',
    '𝟘',
    '𐐀',
    'x',
    '“',
    '\n',
  ];
  it('on code-like and number-like strings', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (ps) => {
        const t = ps.join('');
        expect(tokens(t).map((k) => `${k.start}:${k.text}/${k.kind}`)).toEqual(specTokens(t));
      }),
      { numRuns: 500 },
    );
  });
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (t) => {
        expect(tokens(t).map((k) => `${k.start}:${k.text}/${k.kind}`)).toEqual(specTokens(t));
      }),
      { numRuns: 300 },
    );
  });
});
