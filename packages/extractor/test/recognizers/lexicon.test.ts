import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { findDates, findDocRefs, RecognizerLexiconError } from '../../src/recognizers/index.js';
import { loadLexicon, lookupKey, phraseSource, toneVariants } from '../../src/recognizers/lexicon.js';

describe('tone placement', () => {
  it.each([
    ['ủy', ['ủy', 'uỷ']],
    ['hoà', ['hoà', 'hòa']],
    ['khóa', ['khóa', 'khoá']],
    ['Thuỷ', ['Thuỷ', 'Thủy']],
    ['quý', ['quý', 'quí']],
    ['hoàng', ['hoàng']],
    ['luận', ['luận']],
    ['Huyện', ['Huyện']],
  ])('%s', (syllable, variants) => {
    expect(toneVariants(syllable)).toEqual(variants);
  });

  it('folds both placements to one lookup key', () => {
    expect(lookupKey('Ban Thường vụ Tỉnh uỷ')).toBe(lookupKey('ban  thường vụ tỉnh ủy'));
    expect(new RegExp(`^${phraseSource('Tỉnh ủy')}$`, 'iu').test('tỉnh uỷ')).toBe(true);
  });

  it('lets the recognizers read old-style spellings', () => {
    expect(findDates('quí III/2024')[0]?.quarter).toBe(3);
    const [d] = findDocRefs('Kế hoạch số 95-KH/HU ngày 20/02/2019 của Ban Thường vụ Huyện uỷ, các cơ quan');
    expect(d?.issuedBy).toBe('Ban Thường vụ Huyện uỷ');
  });
});

describe('loadLexicon', () => {
  const schema = z.object({ words: z.array(z.string()) }).strict();
  const load = (data: unknown) => loadLexicon('test.json', schema, data, (v) => ({ words: v.words }));

  it('returns valid data', () => {
    expect(load({ words: ['ngày', 'hôm'] })).toEqual({ words: ['ngày', 'hôm'] });
  });

  it.each([
    [{ words: 'ngày' }, /test\.json: words: .*fix this entry/u],
    [{ words: ['ngày'], extra: 1 }, /test\.json/u],
    [{ words: ['ngày', 'Ngày'] }, /duplicate phrase "Ngày"/u],
    [{ words: ['nga\u0300y'] }, /not in Unicode NFC/u],
    [{ words: ['ngày  hôm'] }, /stray whitespace/u],
    [{ words: [' ngày'] }, /stray whitespace/u],
    [{ words: [''] }, /empty phrase/u],
  ])('rejects %j', (data, message) => {
    expect(() => load(data)).toThrow(RecognizerLexiconError);
    expect(() => load(data)).toThrow(message);
  });
});
