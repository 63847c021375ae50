import { describe, expect, it } from '@jest/globals';
import { matchKey } from '../../src/text/index.js';

describe('matchKey', () => {
  it('is lower case and char for char the same length', () => {
    const s = 'Ban Thường vụ Huyện ủy Mường Ảng, HĐND huyện';
    const k = matchKey(s);
    expect(k).toBe('ban thường vụ huyện uỷ mường ảng, hđnd huyện');
    expect(k).toHaveLength(s.length);
  });

  it.each([
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['uỷ', 'ủy'],
    ['Ủy ban', 'uỷ ban'],
    ['khoẻ', 'khỏe'],
    ['hoá', 'hóa'],
    ['quý', 'quí'],
    ['quy định', 'qui định'],
    ['kỹ thuật', 'kĩ thuật'],
    ['lý do', 'lí do'],
    ['bác sỹ', 'bác sĩ'],
    ['tỷ đồng', 'tỉ đồng'],
    ['cụ thể hóa, thể chế hóa', 'cụ thể hoá, thể chế hoá'],
    ['Tỉnh ủy', 'Tỉnh uỷ'],
    ['công tác hòa giải', 'công tác hoà giải'],
  ])('folds the spelling variants %s / %s to one key', (a, b) => {
    expect(matchKey(a)).toBe(matchKey(b));
  });

  it('moves misplaced tones to their vowel (qúa → quá, gìa → già, họach → hoạch)', () => {
    expect(matchKey('qúa')).toBe('quá');
    expect(matchKey('gìa')).toBe('già');
    expect(matchKey('họach')).toBe('hoạch');
    expect(matchKey('hòan thành')).toBe(matchKey('hoàn thành'));
  });

  it('keeps different words apart', () => {
    expect(matchKey('mùa')).toBe('mùa');
    expect(matchKey('tai')).not.toBe(matchKey('tay'));
    expect(matchKey('huy')).not.toBe(matchKey('hui'));
    expect(matchKey('gì')).toBe('gì'); // gi- is an onset, not an i/y variant
    expect(matchKey('người')).toBe('người');
    expect(matchKey('thuở')).toBe('thuở');
  });

  it('leaves non-Vietnamese words with accents as they are (only lower-cased)', () => {
    expect(matchKey('Café Élysée')).toBe('café élysée');
  });

  it('folds diacritics on request: đ → d, ấ → a', () => {
    expect(matchKey('Đầm Hà', { foldDiacritics: true })).toBe('dam ha');
    expect(matchKey('Ủy ban nhân dân', { foldDiacritics: true })).toBe('uy ban nhan dan');
    expect(matchKey('quí', { foldDiacritics: true })).toBe(matchKey('Quý', { foldDiacritics: true }));
    expect(matchKey('Kết luận số 114-KL/TW', { foldDiacritics: true })).toBe('ket luan so 114-kl/tw');
  });

  it('keeps letters whose lower case has another length (İ) and lower-cases astral letters in place', () => {
    expect(matchKey('İstanbul')).toHaveLength('İstanbul'.length);
    expect(matchKey('𐐀x')).toBe('𐐨x');
  });

  it('gives the same key for a long text (cached) as for its pieces', () => {
    const s = 'Thực hiện Đề án hỗ trợ làm nhà đại đoàn kết cho hộ nghèo, huyện đã vận động Nhân dân. '.repeat(10);
    const k = matchKey(s);
    expect(matchKey(s)).toBe(k);
    expect(k.slice(0, 10)).toBe(matchKey(s.slice(0, 10)));
  });
});
