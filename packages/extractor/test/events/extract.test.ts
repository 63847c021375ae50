import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { validateExtractionResult } from '@vnevents/schema';
import fc from 'fast-check';
import { extract } from '../../src/events/extract.js';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const fixtureText = join(repo, 'fixtures', 'articles', 'text');
const fixtureGold = join(repo, 'fixtures', 'articles', 'gold');

const read = (name: string) => readFileSync(join(fixtureText, `${name}.txt`), 'utf8');
const gold = (name: string) => JSON.parse(readFileSync(join(fixtureGold, `${name}.json`), 'utf8'));

describe('extract() over the fixture articles', () => {
  const names = readdirSync(fixtureText)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''));

  it.each(names)('%s: a valid record whose every span is evidence', (name) => {
    const r = extract({ text: read(name), site: gold(name).site ?? null });
    const v = validateExtractionResult(r);
    if (!v.ok) throw new Error(JSON.stringify(v.issues.slice(0, 3)));
    for (const e of r.events) {
      if (e.leadOfficial) expect(r.text.slice(...e.leadOfficial.span)).toBe(e.leadOfficial.name);
      for (const o of e.officials) expect(r.text.slice(...o.span)).toBe(o.name);
      if (e.leadUnit) expect(r.text.slice(...e.leadUnit.span)).toBe(e.leadUnit.name);
      for (const u of e.targetUnits) expect(r.text.slice(...u.span)).toBe(u.name);
      for (const m of e.results.flatMap((x) => x.metrics)) expect(r.text.slice(...m.span)).toBe(m.text);
      for (const it of [...e.results, ...e.limitations, ...e.recommendations, ...e.proposals])
        expect(it.rule).toMatch(/^item\./);
    }
    expect(r.events.length > 0).toBe(gold(name).events.length > 0);
  });
});

describe('extract() on written cases', () => {
  it('reads an inspection: type, day from the dateline year, lead, host, unit, target, directive, items', () => {
    const text = [
      'Đoàn kiểm tra của Ban Dân vận Tỉnh ủy làm việc với Huyện ủy Tủa Chùa',
      '09:15 - Thứ Ba, 08/10/2024',
      'Ngày 7/10, Đoàn kiểm tra của Ban Dân vận Tỉnh ủy do đồng chí Lò Văn Phương, Phó Trưởng Ban Dân vận Tỉnh ủy làm trưởng đoàn đã có buổi làm việc với Ban Thường vụ Huyện ủy Tủa Chùa về việc thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.',
      'Dự và làm việc với đoàn có đồng chí Vàng A Súa, Bí thư Huyện ủy Tủa Chùa.',
      'Qua kiểm tra cho thấy, huyện đã vận động Nhân dân hiến 12,5 ha đất làm đường; 100% thôn, bản có tổ hòa giải.',
      'Tuy nhiên, công tác tuyên truyền ở một số xã chưa thường xuyên; việc đối thoại với Nhân dân còn hình thức.',
      'Đồng chí Lò Văn Phương đề nghị huyện tiếp tục quán triệt Kết luận 114 đến chi bộ; nâng cao chất lượng tiếp công dân.',
      'Tin, ảnh: Minh Anh',
    ].join('\n\n');
    const r = extract({ text });
    const e = r.events[0]!;
    expect(e.type).toBe('inspection');
    expect(e).toMatchObject({ date: '2024-10-07', dateBasis: 'text' });
    expect(e.leadOfficial).toMatchObject({ name: 'Lò Văn Phương', title: 'Phó Trưởng Ban Dân vận Tỉnh ủy' });
    expect(e.officials.map((o) => [o.name, o.role])).toEqual([
      ['Lò Văn Phương', 'lead'],
      ['Vàng A Súa', 'host'],
    ]);
    expect(e.leadUnit?.name).toBe('Ban Dân vận Tỉnh ủy');
    expect(e.targetUnits.map((u) => u.name)).toEqual(['Ban Thường vụ Huyện ủy Tủa Chùa']);
    expect(e.location).toMatchObject({ province: 'Điện Biên', district: 'Tủa Chùa' });
    expect(e.directives.map((d) => [d.ref, d.date])).toEqual([['114-KL/TW', '2015-07-14']]);
    expect(e.directives[0]!.spans.length).toBe(2);
    expect(e.results.flatMap((x) => x.metrics).map((m) => [m.value, m.unit])).toEqual([
      [12.5, 'ha'],
      [100, '%'],
    ]);
    expect(e.limitations.map((x) => x.text)).toEqual([
      'công tác tuyên truyền ở một số xã chưa thường xuyên',
      'việc đối thoại với Nhân dân còn hình thức',
    ]);
    expect(e.recommendations.map((x) => x.by)).toEqual(['Lò Văn Phương', 'Lò Văn Phương']);
    expect(r.text).not.toContain('Tin, ảnh');
  });

  it('returns no event for a report on an accident', () => {
    const text =
      'Tai nạn giao thông trên Quốc lộ 6 làm hai người bị thương\n\nChiều 5/3, tại km 12 Quốc lộ 6 đã xảy ra va chạm giữa xe tải và xe máy. Lực lượng chức năng đang điều tra nguyên nhân vụ tai nạn.';
    expect(extract({ text }).events).toEqual([]);
  });

  it('never throws and keeps every span inside its text on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const r = extract({ text: s });
        expect(validateExtractionResult(r).ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
