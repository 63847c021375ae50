/**
 * Every page under fixtures/sites parses to its expected.json, field for field (title, dates, author, lead,
 * body paragraphs, captions apart, breadcrumb, language). After a deliberate parser change, regenerate with
 * packages/crawler/scripts/regen-site-fixtures.ts and review the diff it prints.
 */
import { describe, expect, it } from '@jest/globals';
import { type Article, ArticleSchema, articleText, NotArticleSchema } from '@vnevents/schema';
import { isChromeLine, isCutOff } from '../../src/parse/clutter.js';
import { isNotArticle, parse } from '../../src/parse/index.js';
import { loadSiteFixtures, type SiteFixture } from './site-fixtures.js';

const fixtures = loadSiteFixtures();
const articles = fixtures.filter((f) => f.expected && !isNotArticle(f.expected));

describe('the golden set', () => {
  it('covers at least 8 template families with at least 2 articles each', () => {
    const perFamily = new Map<string, number>();
    for (const f of articles) perFamily.set(f.template, (perFamily.get(f.template) ?? 0) + 1);
    expect(perFamily.size).toBeGreaterThanOrEqual(8);
    for (const [family, n] of perFamily) expect([family, n >= 2]).toEqual([family, true]);
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  it('has two listing pages, two soft 404s and an English page among the fixtures', () => {
    const kinds = fixtures.map((f) => (f.expected && isNotArticle(f.expected) ? f.expected.notArticle : 'article'));
    expect(kinds.filter((k) => k === 'listing').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'soft-404').length).toBeGreaterThanOrEqual(2);
    expect(articles.some((f) => (f.expected as Article).lang === 'eng')).toBe(true);
  });

  it('has an expected.json for every page', () => {
    expect(fixtures.filter((f) => f.expected === null).map((f) => f.dir)).toEqual([]);
  });
});

describe.each(fixtures.map((f): [string, SiteFixture] => [`${f.template}/${f.slug}`, f]))('%s', (_name, f) => {
  const expected = f.expected!;

  it('expected.json is a valid Article or NotArticle', () => {
    const schema = isNotArticle(expected) ? NotArticleSchema : ArticleSchema;
    expect(schema.safeParse(expected).error?.issues ?? []).toEqual([]);
  });

  it('parses to expected.json', () => {
    expect(parse(f.html, f.url)).toEqual(expected);
  });

  if (isNotArticle(expected)) return;

  it('keeps the title, lead, captions and byline out of the body paragraphs', () => {
    const body = new Set(expected.paragraphs);
    if (expected.title) expect(body.has(expected.title)).toBe(false);
    if (expected.lead) expect(body.has(expected.lead)).toBe(false);
    for (const c of expected.captions) expect(body.has(c)).toBe(false);
    if (expected.author) expect(expected.paragraphs.some((p) => p.endsWith(expected.author!))).toBe(false);
  });

  it('has no clutter phrase as a paragraph or as a trailing line of one', () => {
    for (const p of expected.paragraphs) {
      expect([p, isChromeLine(p) || isCutOff(p)]).toEqual([p, false]);
      expect(p).not.toMatch(
        /(?:Lượt xem|In bài viết|Cỡ chữ|Back To Top|Về đầu trang|Tiếng Việt \| English)\s*:?\s*[\d.]*$/,
      );
    }
  });

  it('gives articleText as title, lead and paragraphs, each once', () => {
    const text = articleText(expected);
    const parts = text.split('\n\n');
    expect(parts[0]).toBe(expected.title);
    if (expected.lead) expect(parts[1]).toBe(expected.lead);
    expect(parts.slice(expected.lead ? 2 : 1)).toEqual(expected.paragraphs);
    expect(parts.every((p) => p.trim() === p && p.length > 0)).toBe(true);
  });
});
