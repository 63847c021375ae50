/** Language: franc on the body, the two shortcuts (checked against franc), and the rule for short texts. */
import { describe, expect, it } from '@jest/globals';
import type { Article } from '@vnevents/schema';
import {
  detectLang,
  ENGLISH_SHARE,
  englishShare,
  francLang,
  isNotArticle,
  MIN_LANG_CHARS,
  parse,
  toIso6393,
  VIETNAMESE_SHARE,
  vietnameseShare,
} from '../../src/parse/index.js';
import { loadSiteFixtures } from './site-fixtures.js';

const articles = loadSiteFixtures()
  .map((f) => f.expected)
  .filter((e): e is Article => e !== null && !isNotArticle(e));

describe('language of the golden pages', () => {
  it('finds the English page English and the others Vietnamese', () => {
    const langs = new Set(articles.map((a) => a.lang));
    expect([...langs].sort()).toEqual(['eng', 'vie']);
  });

  it('agrees with franc wherever a shortcut decides', () => {
    for (const a of articles) {
      const sample = [a.lead, ...a.paragraphs].filter(Boolean).join('\n').slice(0, 300);
      const vi = vietnameseShare(sample);
      if (vi >= VIETNAMESE_SHARE) expect([a.url, francLang(sample)]).toEqual([a.url, 'vie']);
      else if (vi === 0 && englishShare(sample) >= ENGLISH_SHARE)
        expect([a.url, francLang(sample)]).toEqual([a.url, 'eng']);
    }
  });
});

describe('detectLang', () => {
  const french =
    "La délégation provinciale a inspecté les travaux de la route express et a demandé aux entreprises d'accélérer le chantier avant la saison des pluies.";
  const vietnamese =
    'Đoàn kiểm tra đã làm việc với Đảng ủy xã về việc thực hiện dân chủ ở cơ sở, đối thoại trực tiếp với nhân dân.';

  it('asks franc for text no shortcut decides', () => {
    expect(vietnameseShare(french)).toBe(0);
    expect(englishShare(french)).toBeLessThan(ENGLISH_SHARE);
    expect(detectLang(french, [])).toBe('fra');
  });

  it(`answers 'und' for text shorter than ${MIN_LANG_CHARS} characters with no declaration`, () => {
    expect(detectLang('Thông báo lịch tiếp công dân.', [])).toBe('und');
  });

  it('uses the declared language for short text: <html lang>, Content-Language, og:locale', () => {
    expect(detectLang('Notice of citizen reception.', ['en-US'])).toBe('eng');
    expect(detectLang('Thông báo lịch tiếp công dân.', [null, 'vi_VN'])).toBe('vie');
  });

  it('trusts the text over a wrong declaration when the text is long enough', () => {
    expect(vietnamese.length).toBeGreaterThanOrEqual(MIN_LANG_CHARS);
    expect(detectLang(vietnamese, ['en'])).toBe('vie');
  });

  it.each([
    ['vi', 'vie'],
    ['vi-VN', 'vie'],
    ['en_US', 'eng'],
    ['vie', 'vie'],
    ['zh-CN', 'cmn'],
    ['xx', null],
    ['', null],
  ])('maps %j to %j', (tag, iso) => {
    expect(toIso6393(tag)).toBe(iso);
  });

  it('reads the declaration of a short page from <html lang>', () => {
    const r = parse(
      '<html lang="en"><body><h1>Notice of citizen reception</h1><p>The chairman receives citizens every Monday.</p></body></html>',
      'https://x.gov.vn/en/notice',
    );
    expect(isNotArticle(r) ? r.notArticle : r.lang).toBe('eng');
  });
});
