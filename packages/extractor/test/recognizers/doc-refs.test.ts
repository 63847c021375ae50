import { describe, expect, it } from '@jest/globals';
import { type DocRef, findDocRefs } from '../../src/recognizers/index.js';
import { devArticles } from './corpus.js';

/** Every span of every DocRef is checked against the text; returns the surfaces of the spans. */
function surfaces(text: string, d: DocRef): string[] {
  for (const [s, e] of d.spans) expect(e).toBeGreaterThan(s);
  if (d.dateSpan) expect(text.slice(...d.dateSpan)).toMatch(/\d{4}$/);
  if (d.titleSpan) expect(text.slice(...d.titleSpan)).toBe(d.title);
  if (d.issuedBySpan) expect(text.slice(...d.issuedBySpan)).toBe(d.issuedBy);
  return d.spans.map((s) => text.slice(...s));
}

const one = (text: string): DocRef => {
  const refs = findDocRefs(text);
  expect(refs).toHaveLength(1);
  return refs[0]!;
};

describe('findDocRefs: Party numbers', () => {
  it.each([
    ['thực hiện Kết luận số 114-KL/TW của Ban Bí thư', '114-KL/TW', 'KL', 'Kết luận', 'TW'],
    ['sơ kết Đề án số 06-ĐA/TU', '06-ĐA/TU', 'ĐA', 'Đề án', 'TU'],
    ['Quyết định số 290-QĐ/TW', '290-QĐ/TW', 'QĐ', 'Quyết định', 'TW'],
    ['Quy định số 22-QĐ/TW', '22-QĐ/TW', 'QĐ', 'Quy định', 'TW'],
    ['Quy chế 09-QC/TU', '09-QC/TU', 'QC', 'Quy chế', 'TU'],
    ['Nghị quyết số 17-NQ/TU', '17-NQ/TU', 'NQ', 'Nghị quyết', 'TU'],
    ['Chỉ thị số 35-CT/TƯ của Bộ Chính trị', '35-CT/TW', 'CT', 'Chỉ thị', 'TW'],
    ['Quy định số 11-QĐi/TW', '11-QĐi/TW', 'QĐi', 'Quy định', 'TW'],
    ['Quy định số 11-QyĐ/TU', '11-QyĐ/TU', 'QyĐ', 'Quy định', 'TU'],
    ['Kế hoạch số 28-KH/BCĐ', '28-KH/BCĐ', 'KH', 'Kế hoạch', 'BCĐ'],
    ['Hướng dẫn số 01-HD/BDVTW', '01-HD/BDVTW', 'HD', 'Hướng dẫn', 'BDVTW'],
    ['Chương trình hành động số 15-CTr/TU', '15-CTr/TU', 'CTr', 'Chương trình', 'TU'],
    ['theo số 05-NQ/ĐU', '05-NQ/ĐU', 'NQ', 'Nghị quyết', 'ĐU'],
  ])('%s', (text, ref, kind, kindName, issuer) => {
    const d = one(text);
    expect([d.ref, d.kind, d.kindName, d.issuer]).toEqual([ref, kind, kindName, issuer]);
  });
});

describe('findDocRefs: State numbers', () => {
  it.each([
    ['Nghị định số 12/2020/NĐ-CP', '12/2020/NĐ-CP', 'NĐ', 'Nghị định', 'CP', 2020],
    ['Quyết định số 1234/QĐ-UBND', '1234/QĐ-UBND', 'QĐ', 'Quyết định', 'UBND', null],
    [
      'Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP',
      '55/2005/TTLT-BNV-VPCP',
      'TTLT',
      'Thông tư liên tịch',
      'BNV-VPCP',
      2005,
    ],
    ['Quyết định 439/QĐ-TTg', '439/QĐ-TTg', 'QĐ', 'Quyết định', 'TTg', null],
    ['Nghị quyết số 30/2021/QH15', '30/2021/QH15', 'NQ', 'Nghị quyết', 'QH15', 2021],
    ['Thông tư số 05/2023/TT-BNV', '05/2023/TT-BNV', 'TT', 'Thông tư', 'BNV', 2023],
    ['Công văn số 1234/UBND-VX', '1234/UBND-VX', 'CV', 'Công văn', 'UBND-VX', null],
  ])('%s', (text, ref, kind, kindName, issuer, year) => {
    const d = one(text);
    expect([d.ref, d.kind, d.kindName, d.issuer, d.year]).toEqual([ref, kind, kindName, issuer, year]);
  });

  it('takes a law title from the name written before its number', () => {
    const text =
      'kiểm tra việc triển khai Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và Nghị định số 59/2023/NĐ-CP';
    const [law, decree] = findDocRefs(text);
    expect([law!.ref, law!.kind, law!.title, surfaces(text, law!)[0]]).toEqual([
      '10/2022/QH15',
      'L',
      'Luật Thực hiện dân chủ ở cơ sở',
      'Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15',
    ]);
    expect(decree!.ref).toBe('59/2023/NĐ-CP');
  });
});

describe('findDocRefs: date, issuer and title after the number', () => {
  it('reads the seed-00 citation', () => {
    const text =
      'về việc thực hiện Kết luận số 114-KL/TW, ngày 14/7/2015 của Ban Bí thư về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp (gọi tắt là Kết luận 114).';
    const d = one(text);
    expect(d).toMatchObject({
      ref: '114-KL/TW',
      number: '114',
      date: '2015-07-14',
      issuedBy: 'Ban Bí thư',
      title: 'về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước các cấp',
      aliases: ['Kết luận 114'],
    });
    expect(text.slice(...d.dateSpan!)).toBe('ngày 14/7/2015');
    expect(surfaces(text, d)).toEqual(['Kết luận số 114-KL/TW', 'Kết luận 114']);
  });

  it('gives a quoted title without quotes and without "về"', () => {
    const text =
      'Đề án số 06-ĐA/TU ngày 03/02/2023 của Ban Thường vụ Tỉnh ủy về “Nâng cao chất lượng, hiệu quả hoạt động của khối dân vận cơ sở trên địa bàn tỉnh, giai đoạn 2023 – 2025”. Các đồng chí';
    const d = one(text);
    expect([d.date, d.issuedBy, d.title]).toEqual([
      '2023-02-03',
      'Ban Thường vụ Tỉnh ủy',
      'Nâng cao chất lượng, hiệu quả hoạt động của khối dân vận cơ sở trên địa bàn tỉnh, giai đoạn 2023 – 2025',
    ]);
    surfaces(text, d);
  });

  it('keeps a quote that starts with "về" whole', () => {
    const d = one(
      'Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư “về nâng cao hiệu quả công tác dân vận” (viết tắt là Kết luận 114).',
    );
    expect(d.title).toBe('về nâng cao hiệu quả công tác dân vận');
  });

  it('keeps the term of the issuing body', () => {
    const text =
      'Quyết định số 290-QĐ/TW của Bộ Chính trị (Khóa X) về “Quy chế công tác dân vận của hệ thống chính trị”; Quyết';
    const d = one(text);
    expect([d.issuedBy, d.title, d.date]).toEqual([
      'Bộ Chính trị (Khóa X)',
      'Quy chế công tác dân vận của hệ thống chính trị',
      null,
    ]);
    expect(
      findDocRefs(
        'Nghị quyết số 24-NQ/TW ngày 12/3/2003 của Ban Chấp hành Trung ương Đảng khóa IX về công tác dân tộc (Nghị quyết 24)',
      )[0]!.issuedBy,
    ).toBe('Ban Chấp hành Trung ương Đảng khóa IX');
  });

  it('ends an unquoted title before the body it is applied to', () => {
    const d = one(
      'thực hiện Quy chế 09-QC/TU, ngày 28/01/2022 của Ban Thường vụ Tỉnh ủy về công tác dân vận của hệ thống chính trị đối với Ban Thường vụ Huyện ủy Châu Thành, tỉnh Long An.',
    );
    expect([d.date, d.title]).toEqual(['2022-01-28', 'về công tác dân vận của hệ thống chính trị']);
  });

  it('keeps "đối với" and "tại" inside a title when no name follows', () => {
    expect(
      one(
        'Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương (khóa XI) về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới. Hội nghị',
      ).title,
    ).toBe('về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới');
    expect(
      one(
        'Chỉ thị số 03/CT-UBND ngày 10/3/2025 của UBND Thành phố về tăng cường công tác phòng cháy, chữa cháy tại các cơ sở lưu trú, khu du lịch.',
      ).title,
    ).toBe('về tăng cường công tác phòng cháy, chữa cháy tại các cơ sở lưu trú, khu du lịch');
  });

  it('keeps titles that start with other introducers, as the gold does', () => {
    const text =
      'Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025 tại UBND huyện Trần Đề.';
    const d = one(text);
    expect([d.issuedBy, d.title]).toEqual([
      'Thủ tướng Chính phủ',
      'phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025',
    ]);
    expect(one('Nghị định số 107/2021/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định 16.').title).toBe(
      'sửa đổi, bổ sung một số điều của Nghị định 16',
    );
  });

  it('stops a title at the next coordinated document and at a clause cue', () => {
    const text =
      'Nghị quyết số 05-NQ/ĐU ngày 10/01/2023 của Đảng ủy xã về phát triển du lịch cộng đồng gắn với Đề án số 03-ĐA/HU ngày 15/8/2021 của Ban Thường vụ Huyện ủy về phát triển du lịch huyện giai đoạn 2021 - 2025 (gọi tắt là Đề án 03); Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị và Quy định số 144-QĐ/TW ngày 09/5/2024 của Bộ Chính trị.';
    expect(findDocRefs(text).map((d) => [d.ref, d.date, d.issuedBy, d.title, d.aliases])).toEqual([
      ['05-NQ/ĐU', '2023-01-10', 'Đảng ủy xã', 'về phát triển du lịch cộng đồng', []],
      [
        '03-ĐA/HU',
        '2021-08-15',
        'Ban Thường vụ Huyện ủy',
        'về phát triển du lịch huyện giai đoạn 2021 - 2025',
        ['Đề án 03'],
      ],
      [
        '21-KL/TW',
        '2021-10-25',
        'Ban Chấp hành Trung ương khóa XIII',
        'về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
        [],
      ],
      ['144-QĐ/TW', '2024-05-09', 'Bộ Chính trị', null, []],
    ]);
  });

  it('does not take the implementing body for the issuer', () => {
    const d = one('triển khai Quy chế 09-QC/TU của Ban Thường vụ Huyện ủy Châu Thành.');
    expect(d.issuedBy).toBeNull();
  });
});

describe('findDocRefs: aliases', () => {
  it('merges later short mentions into the full one', () => {
    const text =
      'Quyết định số 290-QĐ/TW của Bộ Chính trị (Khóa X) về “Quy chế”; Quyết định số 40-QĐ/TU ngày 5/11/2010 gắn với. Sau 10 năm thực hiện Quyết định số 290 của Bộ Chính trị, Quyết định số 40 gắn với việc.';
    const refs = findDocRefs(text);
    expect(refs.map((d) => [d.ref, d.aliases, surfaces(text, d)])).toEqual([
      ['290-QĐ/TW', ['Quyết định số 290'], ['Quyết định số 290-QĐ/TW', 'Quyết định số 290']],
      ['40-QĐ/TU', ['Quyết định số 40'], ['Quyết định số 40-QĐ/TU', 'Quyết định số 40']],
    ]);
  });

  it('takes a declared short name even of another kind', () => {
    const text =
      'Việc triển khai Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ (Đề án 06) đạt kết quả. Đề án 06 được triển khai.';
    const d = one(text);
    expect([d.aliases, surfaces(text, d)]).toEqual([['Đề án 06'], ['Quyết định số 06/QĐ-TTg', 'Đề án 06', 'Đề án 06']]);
  });

  it('puts the fullest mention first and merges TƯ with TW', () => {
    const text =
      'Hội nghị quán triệt Chỉ thị số 35-CT/TƯ của Bộ Chính trị\n\nNgày 12/7, triển khai Chỉ thị số 35-CT/TƯ ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp. Chỉ thị 35 yêu cầu';
    const d = one(text);
    expect([d.ref, d.date, d.aliases]).toEqual(['35-CT/TW', '2024-06-14', ['Chỉ thị 35']]);
    expect(d.spans[0]![0]).toBeGreaterThan(d.spans[1]![0]);
    expect(surfaces(text, d)).toEqual(['Chỉ thị số 35-CT/TƯ', 'Chỉ thị số 35-CT/TƯ', 'Chỉ thị 35']);
  });

  it('ignores a short mention with no full reference', () => {
    expect(findDocRefs('thực hiện Quyết định số 40 và Kết luận 114')).toEqual([]);
  });
});

describe('findDocRefs: what is not a document reference', () => {
  it.each([
    'Kiểm tra việc thực hiện “ năm dân vận chính quyền 2019”',
    'phong trào thi đua “Dân vận khéo”',
    'mục tiêu Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020-2025 đề ra',
    'Luật Thực hiện dân chủ ở cơ sở năm 2022',
    'Giấy phép số 123/GP-BTTTT',
    'có 3/5 xã đạt chuẩn, KT-XH phát triển, TT&VH',
    'ngày 14/7/2015 lúc 18:11:27',
  ])('%s', (text) => {
    expect(findDocRefs(text)).toEqual([]);
  });
});

describe('findDocRefs on the dev corpus', () => {
  const articles = devArticles();
  it.each(articles.map((a) => [a.name, a] as const))('%s: every gold directive with its date and title', (_, a) => {
    const gold = new Map<string, { date: string | null; title: string | null }>();
    for (const ev of a.gold.events)
      for (const d of ev.directives) if (!gold.has(d.ref) || d.title !== null) gold.set(d.ref, d);
    const found = findDocRefs(a.text);
    for (const d of found) surfaces(a.text, d);
    expect(found.map((d) => [d.ref, d.date, d.title])).toEqual([...gold].map(([ref, g]) => [ref, g.date, g.title]));
  });

  it('seed-00: "Kết luận 114" is an alias, not a new reference', () => {
    const a = articles.find((x) => x.name === 'seed-00')!;
    const [d] = findDocRefs(a.text);
    expect([d!.aliases, d!.spans.length]).toEqual([['Kết luận 114'], 4]);
  });

  it('seed-03: the second supervision repeats the three documents', () => {
    const a = articles.find((x) => x.name === 'seed-03')!;
    expect(findDocRefs(a.text).map((d) => [d.ref, d.issuedBy, d.aliases])).toEqual([
      ['290-QĐ/TW', 'Bộ Chính trị (Khóa X)', ['Quyết định số 290']],
      ['40-QĐ/TU', null, ['Quyết định số 40']],
      ['17-NQ/TU', 'Ban Thường vụ Tỉnh ủy', []],
    ]);
  });
});
