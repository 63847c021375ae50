import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compileMatcher, lexiconMatchers, type SyllableMatcher } from '../../src/lexicon/index.js';
import { lexiconKey } from '../../src/lexicon/key.js';

const spans = <T>(m: SyllableMatcher<T>, text: string) => m.findAll(text).map((x) => text.slice(x.start, x.end));

describe('the lexicon matchers on phrasing from real articles', () => {
  const m = lexiconMatchers();

  it('find multi-syllable units as units', () => {
    const t = 'có buổi làm việc với Ban Thường vụ Huyện ủy Mường Ảng về việc thực hiện Kết luận số 114-KL/TW';
    expect(spans(m.units, t)).toEqual(['Ban Thường vụ', 'Huyện ủy', 'TW']);
    expect(m.units.findAll(t).map((x) => x.entry.kind)).toEqual(['committee', 'party', 'scope']);
    expect(
      spans(m.units, 'Qua làm việc với Huyện ủy Quỳnh Phụ, Sở Tài nguyên và Môi trường và Thanh tra tỉnh Thái Bình'),
    ).toEqual(['Huyện ủy', 'Sở Tài nguyên và Môi trường', 'Thanh tra', 'tỉnh']);
    expect(spans(m.units, 'Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị – xã hội tỉnh')).toEqual([
      'Ủy ban Mặt trận Tổ quốc',
      'xã',
      'tỉnh',
    ]);
    expect(spans(m.units, 'Sở Văn hóa, Thể thao và Du lịch; Sở Lao động – Thương binh và Xã hội')).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Lao động – Thương binh và Xã hội',
    ]);
  });

  it('find titles, longest first, whatever the case of "Trưởng ban"', () => {
    const t =
      'Các đồng chí Phương Thị Thanh, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh; Ma Từ Đông Điền, Ủy viên Ban Thường vụ, Trưởng ban Dân vận Tỉnh ủy';
    expect(spans(m.titles, t)).toEqual([
      'Phó Bí thư Thường trực',
      'Chủ tịch Hội đồng nhân dân',
      'Ủy viên Ban Thường vụ',
      'Trưởng ban Dân vận',
    ]);
    expect(spans(m.titles, 'đồng chí Vũ Ngọc Tuấn – Phó trưởng Ban Dân vận Tỉnh ủy làm trưởng đoàn')).toEqual([
      'Phó trưởng Ban Dân vận',
      'trưởng đoàn',
    ]);
    const vu =
      'đồng chí Đặng Hữu Ngọ, Vụ trưởng vụ Ban Dân vận các cơ quan Nhà nước, Ban Dân vận Trung ương làm trưởng đoàn';
    expect(spans(m.titles, vu)).toEqual(['Vụ trưởng', 'trưởng đoàn']);
    expect(spans(m.units, vu)).toEqual(['Ban Dân vận', 'Ban Dân vận', 'Trung ương']);
    expect(m.titles.findAll('Phó Bí thư Thường trực Tỉnh ủy')[0]?.entry).toMatchObject({
      category: 'party',
      rank: 'deputy',
    });
  });

  it('read "Uỷ" and "Ủy" alike, but not a typo such as "Huyên ủy" unless diacritics are folded', () => {
    expect(spans(m.units, 'Ban Thường vụ Huyện uỷ Châu Thành')).toEqual(['Ban Thường vụ', 'Huyện uỷ']);
    expect(spans(m.titles, 'Uỷ viên Ban Thường vụ Tỉnh uỷ')).toEqual(['Uỷ viên Ban Thường vụ']);
    const typo = 'Ban Thường vụ Huyên ủy Châu Thành';
    expect(spans(m.units, typo)).toEqual(['Ban Thường vụ']);
    expect(spans(lexiconMatchers(undefined, { foldDiacritics: true }).units, typo)).toEqual([
      'Ban Thường vụ',
      'Huyên ủy',
    ]);
  });

  it('match at syllable boundaries only', () => {
    const ban = compileMatcher([{ surface: 'Ban', value: 1 }]);
    expect(spans(ban, 'Bang Ban Băng Bàn ban')).toEqual(['Ban', 'ban']);
    expect(spans(m.units, 'Tỉnh ủy viên')).toEqual(['Tỉnh ủy']);
    expect(spans(m.titles, 'Tỉnh ủy viên')).toEqual(['Tỉnh ủy viên']);
  });

  it('respect case rules: abbreviations exactly, surnames with a capital', () => {
    expect(spans(m.abbreviations, 'Đề án số 06-ĐA/TU; tu bổ; KT-XH; kt-xh; UBND tỉnh')).toEqual([
      'TU',
      'KT-XH',
      'UBND',
    ]);
    expect(m.abbreviations.findAll('UBND')[0]?.entry.expansion).toBe('Ủy ban nhân dân');
    expect(spans(m.surnames, 'đồng chí Ma Từ Đông Điền; ma túy; Lò Văn Pâng, lò gạch')).toEqual([
      'Ma',
      'Từ',
      'Lò',
      'Văn',
    ]);
    expect(spans(m.units, 'thường trực Huyện ủy; Thường trực Huyện ủy')).toEqual([
      'Huyện ủy',
      'Thường trực',
      'Huyện ủy',
    ]);
  });

  it('finds cues, triggers and clutter', () => {
    const t = 'Tuy nhiên vẫn còn một số hạn chế như công tác hòa giải cơ sở chưa được đề cao';
    expect(m.cues.findAll(t).map((x) => [t.slice(x.start, x.end), x.entry.category])).toEqual([
      ['Tuy nhiên', 'limitation'],
      ['vẫn còn một số hạn chế như', 'limitation'],
      ['chưa được', 'limitation'],
    ]);
    const title = 'Đoàn giám sát của Ban Dân vận tỉnh ủy làm việc với huyện Đầm Hà';
    expect(m.triggers.findAll(title).map((x) => x.entry)).toEqual([
      expect.objectContaining({ surface: 'đoàn giám sát', type: 'supervision' }),
      expect.objectContaining({ surface: 'làm việc với', type: 'working_session' }),
    ]);
    expect(spans(m.cues, 'Bài trướcNâng cao chất lượng, hiệu quả công tác tuyên giáo')).toEqual([
      'Bài trước',
      'hiệu quả',
    ]);
    expect(m.cues.findAll('Tiếng Việt | English')[0]?.entry).toMatchObject({ category: 'clutter', position: 'line' });
    expect(m.triggers.findAll('một vụ tai nạn giao thông nghiêm trọng')[0]?.entry).toMatchObject({ kind: 'negative' });
  });

  it('restricts the scan to [from, to) without cutting a syllable', () => {
    const t = 'Ban Thường vụ Huyện ủy';
    expect(m.units.findAll(t, 4).map((x) => t.slice(x.start, x.end))).toEqual(['Huyện ủy']);
    // "Huyện" is cut by `to`, so it is not a syllable of the range; "vụ" is cut at 12, so nothing matches.
    expect(m.units.findAll(t, 0, 'Ban Thường vụ Huy'.length).map((x) => t.slice(x.start, x.end))).toEqual([
      'Ban Thường vụ',
    ]);
    expect(m.units.findAll(t, 0, 12)).toEqual([]);
    expect(m.units.findAll(t, 1).map((x) => t.slice(x.start, x.end))).toEqual(['Huyện ủy']);
    expect(m.units.matchAt(t, 14)?.entry.surface).toBe('Huyện ủy');
    expect(m.units.matchAt(t, 15)).toBeUndefined();
  });
});

describe('spans (property)', () => {
  const entries = [
    'Ban',
    'Ban Thường vụ',
    'Huyện ủy',
    'Phó Bí thư',
    'Phó Bí thư Thường trực',
    'Sở Tài nguyên và Môi trường',
    'KT-XH',
  ];
  const matcher = compileMatcher(entries.map((surface) => ({ surface, value: surface })));
  const piece = fc.oneof(
    fc.constantFrom(...entries, 'Bang', 'uỷ', 'và', 'Môi', ',', ' – ', '\n', '  ', 'Thường trực'),
    fc.string({ maxLength: 4 }),
  );
  const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(' '));

  it('every match is text.slice(start, end) of an entry, at syllable boundaries, sorted and not overlapping', () => {
    const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
    const syllables = (s: string) => lexiconKey(s).match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
    fc.assert(
      fc.property(text, (t) => {
        let last = 0;
        for (const m of matcher.findAll(t)) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          last = m.end;
          const s = t.slice(m.start, m.end);
          expect(
            syllables(s)
              .join(' ')
              .replace(/[‐‑‒–—−]/g, '-'),
          ).toBe(syllables(m.entry).join(' '));
          expect(isWord(t[m.start - 1]) && isWord(t[m.start])).toBe(false);
          expect(isWord(t[m.end - 1]) && isWord(t[m.end])).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds every entry written alone in a sentence', () => {
    fc.assert(
      fc.property(fc.constantFrom(...entries), fc.constantFrom('', 'Đồng chí ', '(', '“'), (e, before) => {
        const t = `${before}${e}, tỉnh`;
        const found = matcher.findAll(t);
        expect(found.map((m) => [m.start, t.slice(m.start, m.end)])).toEqual([[before.length, e]]);
      }),
    );
  });
});
