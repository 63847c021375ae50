import { describe, expect, it } from '@jest/globals';
import {
  type ExtractionResult,
  jsonSchemas,
  validateArticle,
  validateExtractionResult,
  validateSiteRegistry,
} from '../src/index.js';

const text = 'Sáng 21/10, Đoàn kiểm tra làm việc với Huyện ủy Mường Ảng. Kết quả đạt 56 dự án.';
const at = (s: string): [number, number] => {
  const i = text.indexOf(s);
  return [i, i + s.length];
};

export function sample(): ExtractionResult {
  return {
    schemaVersion: 1,
    source: {
      id: 'abc',
      url: 'https://baodienbienphu.info.vn/tin/1',
      path: null,
      title: 'Đoàn kiểm tra',
      publishedAt: '2024-10-21T11:32:00+07:00',
      lang: 'vie',
      site: 'baodienbienphu.info.vn',
    },
    extractor: { name: 'vnevents-rules', version: '0.1.0', lexiconVersion: '2024.1' },
    text,
    events: [
      {
        type: 'inspection',
        date: '2024-10-21',
        dateBasis: 'text',
        leadOfficial: null,
        officials: [],
        leadUnit: null,
        targetUnits: [{ name: 'Huyện ủy Mường Ảng', span: at('Huyện ủy Mường Ảng'), rule: 'target.lam-viec-voi' }],
        location: { province: 'Điện Biên', district: 'Mường Ảng', commune: null },
        directives: [],
        results: [
          {
            text: 'Kết quả đạt 56 dự án',
            span: at('Kết quả đạt 56 dự án'),
            metrics: [{ value: 56, unit: 'dự án', qualifier: 'đạt', text: '56 dự án', span: at('56 dự án') }],
          },
        ],
        limitations: [],
        recommendations: [],
        proposals: [],
        confidence: 0.8,
      },
    ],
  };
}

describe('validateExtractionResult', () => {
  it('accepts a record written as the spec describes', () => {
    const r = validateExtractionResult(sample());
    expect(r.ok).toBe(true);
  });

  it('names the path and the rule of a wrong type', () => {
    const bad = sample() as unknown as { events: { type: string }[] };
    bad.events[0]!.type = 'party';
    const r = validateExtractionResult(bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toContainEqual(expect.objectContaining({ path: 'events[0].type', rule: 'invalid_value' }));
  });

  it('rejects a span outside the text and an item whose text is not its span', () => {
    const bad = sample();
    bad.events[0]!.targetUnits[0]!.span = [0, 10_000];
    bad.events[0]!.results[0]!.text = 'something else';
    const r = validateExtractionResult(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toContainEqual(
        expect.objectContaining({ path: 'events[0].targetUnits[0].span', rule: 'span-in-text' }),
      );
      expect(r.issues).toContainEqual(
        expect.objectContaining({ path: 'events[0].results[0].text', rule: 'span-equals-surface' }),
      );
    }
  });

  it('rejects a reversed span, a bad day and a missing field', () => {
    const bad = sample() as unknown as Record<string, unknown> & ExtractionResult;
    bad.events[0]!.results[0]!.metrics[0]!.span = [5, 2];
    bad.events[0]!.date = '21/10/2024';
    delete (bad as Record<string, unknown>)['extractor'];
    const r = validateExtractionResult(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining(['events[0].results[0].metrics[0].span', 'events[0].date', 'extractor']),
      );
    }
  });
});

describe('other records', () => {
  it('validates an article and a sites registry with defaults', () => {
    expect(
      validateArticle({
        url: 'https://a.vn/x',
        canonicalUrl: 'https://a.vn/x',
        site: 'a.vn',
        title: 't',
        publishedAt: null,
        modifiedAt: null,
        author: null,
        lead: null,
        paragraphs: ['p'],
        captions: [],
        breadcrumb: [],
        lang: 'vie',
        dateSource: null,
      }).ok,
    ).toBe(true);
    const reg = validateSiteRegistry({
      sites: [
        {
          id: 'a.vn',
          name: 'A',
          baseUrl: 'https://a.vn',
          kind: 'portal',
          province: null,
          startUrls: ['https://a.vn/'],
        },
      ],
    });
    expect(reg.ok).toBe(true);
    if (reg.ok) expect(reg.value.sites[0]?.politeness).toEqual({ delayMs: 1000, concurrency: 1 });
  });

  it('rejects duplicate site ids and bad patterns by path', () => {
    const site = {
      id: 'a.vn',
      name: 'A',
      baseUrl: 'https://a.vn',
      kind: 'portal',
      province: null,
      startUrls: ['https://a.vn/'],
    };
    const r = validateSiteRegistry({ sites: [site, { ...site, include: ['(['] }] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['sites[1].id', 'sites[1].include[0]']));
  });

  it('exports JSON Schemas with the spec fields', () => {
    const s = jsonSchemas()['extraction-result'] as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(s.properties)).toEqual(['schemaVersion', 'source', 'extractor', 'text', 'events']);
    expect(s.required).toContain('events');
  });
});
