import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import {
  defaultGazetteerFile,
  findPlaces,
  LexiconError,
  loadGazetteer,
  mapToNew,
  resolvePlace,
} from '../../src/lexicon/index.js';

const g = loadGazetteer();

describe('the gazetteer data', () => {
  it('holds both eras', () => {
    expect(g.counts).toEqual({
      'pre-province': 63,
      'pre-district': 696,
      'pre-commune': 10035,
      'post-province': 34,
      'post-commune': 3321,
    });
    expect(g.all({ era: 'post-2025', level: 'province' }).map((p) => p.name)).toContain('Tỉnh Tây Ninh');
  });

  const sources = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../shared/data');
  (existsSync(sources) ? it : it.skip)('is what the build script makes of the reference data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnevents-gazetteer-'));
    try {
      const out = join(dir, 'gazetteer.json');
      const script = fileURLToPath(new URL('../../scripts/build-gazetteer.ts', import.meta.url));
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--out', out], { encoding: 'utf8' });
      expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
      expect(run.stdout).toContain('10035 old communes mapped, 0 unmapped');
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(defaultGazetteerFile(), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed file with a LexiconError that says to regenerate it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnevents-gazetteer-'));
    try {
      const data = JSON.parse(readFileSync(defaultGazetteerFile(), 'utf8'));
      data.pre.communeDistrict[5] = 99999;
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(data));
      expect(() => loadGazetteer(join(dir, 'bad.json'))).toThrow(LexiconError);
      expect(() => loadGazetteer(join(dir, 'bad.json'))).toThrow(
        /bad\.json: pre\.communeDistrict\[5\] = 99999 is out of range .*build-gazetteer\.ts/,
      );
      delete data.post;
      writeFileSync(join(dir, 'worse.json'), JSON.stringify(data));
      expect(() => loadGazetteer(join(dir, 'worse.json'))).toThrow(/worse\.json: post: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('resolvePlace', () => {
  const where = (name: string, options = {}) => {
    const r = resolvePlace(name, options);
    return r.best ? [r.best.level, r.best.name, r.best.province, r.best.era] : r.status;
  };

  it('resolves the districts of the dev articles to their provinces', () => {
    expect(where('Đầm Hà')).toEqual(['district', 'Huyện Đầm Hà', 'Tỉnh Quảng Ninh', 'pre-2025']);
    expect(where('huyện Đầm Hà')).toEqual(['district', 'Huyện Đầm Hà', 'Tỉnh Quảng Ninh', 'pre-2025']);
    expect(where('Mường Ảng')).toEqual(['district', 'Huyện Mường Ảng', 'Tỉnh Điện Biên', 'pre-2025']);
    expect(where('Quỳnh Phụ')).toEqual(['district', 'Huyện Quỳnh Phụ', 'Tỉnh Thái Bình', 'pre-2025']);
    const r = resolvePlace('Đầm Hà');
    expect(r.best?.bareName).toBe('Đầm Hà');
    expect(r.best?.parents).toEqual(['Tỉnh Quảng Ninh']);
    // The same name at lower levels and in the other era is kept, ranked below.
    expect(r.others.map((c) => `${c.name} (${c.era})`)).toEqual(
      expect.arrayContaining(['Thị trấn Đầm Hà (pre-2025)', 'Xã Đầm Hà (post-2025)']),
    );
  });

  it('reports Châu Thành as ambiguous until the province is given', () => {
    const r = resolvePlace('Châu Thành');
    expect(r.status).toBe('ambiguous');
    expect(r.best).toBeNull();
    expect(r.candidates.length).toBeGreaterThan(5);
    expect(r.candidates.every((c) => c.level === 'district')).toBe(true);
    expect(where('Châu Thành', { province: 'Long An' })).toEqual([
      'district',
      'Huyện Châu Thành',
      'Tỉnh Long An',
      'pre-2025',
    ]);
    expect(where('huyện Châu Thành', { province: 'tỉnh Long An' })).toEqual([
      'district',
      'Huyện Châu Thành',
      'Tỉnh Long An',
      'pre-2025',
    ]);
  });

  it('ignores case, tone placement, level words and (for a query without them) diacritics', () => {
    for (const q of ['tỉnh Long An', 'Long An', 'TỈNH LONG AN', 'long an', 'tinh Long An'])
      expect(where(q)).toEqual(['province', 'Tỉnh Long An', 'Tỉnh Long An', 'pre-2025']);
    for (const q of ['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TP.HCM', 'Hồ Chí Minh', 'tp ho chi minh'])
      expect(where(q)).toEqual(['province', 'Thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'pre-2025']);
    expect(where('Hòa Bình')).toEqual(where('Hoà Bình'));
    expect(where('dam ha')).toEqual(['district', 'Huyện Đầm Hà', 'Tỉnh Quảng Ninh', 'pre-2025']);
    // "Quan Sơn" is a name, not "quận Sơn".
    expect(where('Quan Sơn')).toEqual(['district', 'Huyện Quan Sơn', 'Tỉnh Thanh Hóa', 'pre-2025']);
    expect(where('Bà Rịa Vũng Tàu')).toEqual([
      'province',
      'Tỉnh Bà Rịa - Vũng Tàu',
      'Tỉnh Bà Rịa - Vũng Tàu',
      'pre-2025',
    ]);
    expect(resolvePlace('Atlantis').status).toBe('not-found');
  });

  it('resolves in the era asked for', () => {
    // After the reform there is no province Long An, only a ward named after it in Tây Ninh.
    expect(where('Long An', { era: 'post-2025' })).toEqual(['commune', 'Phường Long An', 'Tỉnh Tây Ninh', 'post-2025']);
    expect(where('Tây Ninh', { era: 'post-2025' })).toEqual([
      'province',
      'Tỉnh Tây Ninh',
      'Tỉnh Tây Ninh',
      'post-2025',
    ]);
    expect(where('xã Tân Bình', { province: 'Quảng Ninh', era: 'pre-2025' })).toEqual([
      'commune',
      'Xã Tân Bình',
      'Tỉnh Quảng Ninh',
      'pre-2025',
    ]);
    expect(resolvePlace('xã Tân Bình', { province: 'Quảng Ninh', era: 'pre-2025' }).best?.district).toBe(
      'Huyện Đầm Hà',
    );
  });
});

describe('mapToNew', () => {
  it('maps an old commune to its post-2025 commune and province', () => {
    const m = mapToNew('xã Tân Bình', 'huyện Đầm Hà', 'tỉnh Quảng Ninh');
    expect(m.status).toBe('mapped');
    expect(m.from.map((c) => c.name)).toEqual(['Xã Tân Bình']);
    expect(m.targets.map((t) => [t.commune.name, t.province.name, t.whole])).toEqual([
      ['Xã Đầm Hà', 'Tỉnh Quảng Ninh', true],
    ]);
    const hanoi = mapToNew('Phường Trúc Bạch', 'Ba Đình', 'Hà Nội');
    expect(hanoi.targets.map((t) => [t.commune.name, t.province.name])).toEqual([
      ['Phường Ba Đình', 'Thành phố Hà Nội'],
    ]);
  });

  it('follows a commune into a merged province', () => {
    const m = mapToNew('Thị trấn Tầm Vu', 'Châu Thành', 'Long An');
    expect(m.status).toBe('mapped');
    expect(m.targets[0]?.province.name).toBe('Tỉnh Tây Ninh');
    expect(m.targets[0]?.commune.era).toBe('post-2025');
    expect(g.newProvincesOf('Long An').map((p) => p.name)).toEqual(['Tỉnh Tây Ninh']);
  });

  it('lists every part of a split commune, and says when the old commune is ambiguous or unknown', () => {
    const split = g.all({ era: 'pre-2025', level: 'commune' }).find((c) => {
      const m = mapToNew(c.name, c.district ?? undefined, c.province);
      return m.status === 'mapped' && m.targets.length > 1;
    });
    expect(split).toBeDefined();
    const m = mapToNew(split!.name, split!.district ?? undefined, split!.province);
    expect(m.targets.some((t) => !t.whole)).toBe(true);
    expect(mapToNew('Tân Bình').status).toBe('ambiguous');
    expect(mapToNew('Xã Không Có').status).toBe('not-found');
  });

  it('maps an island district without communes to its special zone', () => {
    const m = mapToNew('Côn Đảo');
    expect(m.targets.map((t) => [t.commune.name, t.province.name])).toEqual([
      ['Đặc khu Côn Đảo', 'Thành phố Hồ Chí Minh'],
    ]);
  });
});

describe('findPlaces', () => {
  const found = (text: string, options = {}) =>
    findPlaces(text, options).map((p) => [
      text.slice(p.start, p.end),
      text.slice(p.nameStart, p.end),
      p.levelWord,
      p.candidates.length,
    ]);

  it('finds places introduced by level words and party committees', () => {
    const t = 'đối với Ban Thường vụ Huyện ủy Châu Thành, tỉnh Long An.';
    expect(found(t)).toEqual([
      ['Huyện ủy Châu Thành', 'Châu Thành', 'huyện', 10],
      ['tỉnh Long An', 'Long An', 'tỉnh', 1],
    ]);
    const [district, province] = findPlaces(t);
    expect(g.narrow(district!.candidates, { province: province!.candidates[0]!.bareName }).best?.province).toBe(
      'Tỉnh Long An',
    );
    expect(found('Đoàn giám sát của Ban Dân vận tỉnh ủy làm việc với huyện Đầm Hà')).toEqual([
      ['huyện Đầm Hà', 'Đầm Hà', 'huyện', 1],
    ]);
    expect(found('trao đổi kinh nghiệm tại TP. Hồ Chí Minh và thị xã Sa Pa')).toEqual([
      ['TP. Hồ Chí Minh', 'Hồ Chí Minh', 'thành phố', 2],
      ['thị xã Sa Pa', 'Sa Pa', 'thị xã', 1],
    ]);
  });

  it('finds bare province names and unique district names, capitalised', () => {
    expect(found('Thường trực Huyện ủy Mường Ảng cho biết; Thành ủy Bắc Kạn; tỉnh Bắc Kạn')).toEqual([
      ['Huyện ủy Mường Ảng', 'Mường Ảng', 'huyện', 1],
      ['Thành ủy Bắc Kạn', 'Bắc Kạn', 'thành phố', 1],
      ['tỉnh Bắc Kạn', 'Bắc Kạn', 'tỉnh', 1],
    ]);
    expect(found('giải phóng mặt bằng tuyến cao tốc Vân Đồn – Móng Cái')).toEqual([
      ['Vân Đồn', 'Vân Đồn', null, 1],
      ['Móng Cái', 'Móng Cái', null, 1],
    ]);
    // Not a commune "Hội", not the city in "phong cách Hồ Chí Minh", not a lower-case phrase.
    expect(found('các tổ chức chính trị - xã hội; phong cách Hồ Chí Minh; mường ảng')).toEqual([]);
  });

  it('keeps only the era asked for, and can fold diacritics', () => {
    expect(found('xã Đầm Hà', { era: 'post-2025' })).toEqual([['xã Đầm Hà', 'Đầm Hà', 'xã', 1]]);
    expect(found('tỉnh Long An', { era: 'post-2025' })).toEqual([]);
    expect(found('huyen Dam Ha', { foldDiacritics: true })).toEqual([['huyen Dam Ha', 'Dam Ha', 'huyện', 1]]);
  });
});
