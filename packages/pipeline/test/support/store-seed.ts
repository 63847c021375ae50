import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Article, articleText, type Event, type ExtractionResult } from '@vnevents/schema';
import { openStore } from '@vnevents/store';

export const EXTRACTOR = { name: 'vnevents-rules', version: '0.1.0', lexiconVersion: 'lex-test' };

/** The span of the first match of `re` in `text`, from the match itself (RegExp `d` flag). */
function span(text: string, re: RegExp): [number, number] {
  const m = new RegExp(re.source, 'd').exec(text);
  const i = m?.indices?.[0];
  if (!i) throw new Error(`seed: ${re} not in text`);
  return [i[0], i[1]];
}

export interface SeedArticle {
  slug: string;
  site: string;
  title: string;
  publishedAt: string;
  body: string;
  event: {
    type: Event['type'];
    date: string | null;
    lead: RegExp;
    leadTitle: string;
    unit: RegExp;
    target: RegExp;
    province: string;
    directive?: { ref: string; at: RegExp; alias: string };
    result?: RegExp;
  } | null;
}

export const SEED: SeedArticle[] = [
  {
    slug: 'muong-ang',
    site: 'baodienbienphu.info.vn',
    title: 'Kiểm tra thực hiện Kết luận 114 tại Mường Ảng',
    publishedAt: '2024-10-21T11:32:00+07:00',
    body: 'Ngày 20/10, Đoàn kiểm tra của Ban Dân vận Trung ương do đồng chí Đặng Hữu Ngọ, Vụ trưởng Vụ Dân tộc làm trưởng đoàn đã làm việc với Ban Thường vụ Huyện ủy Mường Ảng về thực hiện Kết luận số 114-KL/TW. Huyện đã vận động nhân dân hiến đất làm 56 dự án, "đường về bản" rộng 5 m.',
    event: {
      type: 'inspection',
      date: '2024-10-20',
      lead: /Đặng Hữu Ngọ/,
      leadTitle: 'Vụ trưởng Vụ Dân tộc',
      unit: /Ban Dân vận Trung ương/,
      target: /Ban Thường vụ Huyện ủy Mường Ảng/,
      province: 'Điện Biên',
      directive: { ref: '114-KL/TW', at: /114-KL\/TW/, alias: 'Kết luận 114' },
      result: /Huyện đã vận động nhân dân hiến đất làm 56 dự án, "đường về bản" rộng 5 m\./,
    },
  },
  {
    slug: 'lung-cu',
    site: 'baohagiang.vn',
    title: 'Giám sát tại Lũng Cú',
    publishedAt: '2023-03-06T08:00:00+07:00',
    body: 'Ngày 5/3/2023, Đoàn giám sát của Tỉnh ủy Hà Giang do đồng chí Dang Huu Ngo dẫn đầu đã giám sát Đảng ủy xã Lũng Cú về thực hiện Kết luận 114-KL/TƯ.',
    event: {
      type: 'supervision',
      date: '2023-03-05',
      lead: /Dang Huu Ngo/,
      leadTitle: 'Phó Bí thư Tỉnh ủy',
      unit: /Tỉnh ủy Hà Giang/,
      target: /Đảng ủy xã Lũng Cú/,
      province: 'Hà Giang',
      directive: { ref: '114-KL/TƯ', at: /114-KL\/TƯ/, alias: 'Kết luận 114' },
    },
  },
  {
    slug: 'dam-ha',
    site: 'baoquangninh.vn',
    title: 'Làm việc với huyện Đầm Hà',
    publishedAt: '2024-06-08T10:00:00+07:00',
    body: 'Ngày 8/6/2024, đồng chí Phạm Văn Bốn, Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Đầm Hà về Nghị quyết 17-NQ/TU.',
    event: {
      type: 'working_session',
      date: '2024-06-08',
      lead: /Phạm Văn Bốn/,
      leadTitle: 'Bí thư Tỉnh ủy',
      unit: /Tỉnh ủy/,
      target: /Ban Thường vụ Huyện ủy Đầm Hà/,
      province: 'Quảng Ninh',
      directive: { ref: '17-NQ/TU', at: /17-NQ\/TU/, alias: 'Nghị quyết 17' },
    },
  },
  {
    slug: 'bong-da',
    site: 'baodienbienphu.info.vn',
    title: 'Giải bóng đá thiếu niên',
    publishedAt: '2024-09-01T07:00:00+07:00',
    body: 'Đội bóng xã Thanh Xương vô địch giải bóng đá thiếu niên.',
    event: null,
  },
];

export function seedArticle(s: SeedArticle): Article {
  const url = `https://${s.site}/${s.slug}.html`;
  return {
    url,
    canonicalUrl: url,
    site: s.site,
    title: s.title,
    publishedAt: s.publishedAt,
    modifiedAt: null,
    author: null,
    lead: null,
    paragraphs: [s.body],
    captions: [],
    breadcrumb: [],
    lang: 'vie',
    dateSource: 'meta',
  };
}

export function seedResult(s: SeedArticle, extractor = EXTRACTOR, change?: (e: Event) => void): ExtractionResult {
  const article = seedArticle(s);
  const text = articleText(article);
  const events: Event[] = [];
  if (s.event) {
    const e = s.event;
    const name = (re: RegExp) => {
      const sp = span(text, re);
      return { name: text.slice(sp[0], sp[1]), span: sp };
    };
    const ev: Event = {
      type: e.type,
      date: e.date,
      dateBasis: e.date ? 'text' : null,
      leadOfficial: { ...name(e.lead), title: e.leadTitle },
      officials: [{ ...name(e.lead), title: e.leadTitle, role: 'lead' }],
      leadUnit: name(e.unit),
      targetUnits: [name(e.target)],
      location: { province: e.province, district: null, commune: null },
      directives: e.directive
        ? [
            {
              ref: e.directive.ref,
              number: e.directive.ref.split('-')[0] ?? '',
              kind: e.directive.ref.split(/[-/]/)[1] ?? '',
              kindName: null,
              issuer: e.directive.ref.split('/')[1] ?? null,
              date: null,
              title: null,
              aliases: [e.directive.alias],
              spans: [span(text, e.directive.at)],
            },
          ]
        : [],
      results: e.result ? [{ text: text.slice(...span(text, e.result)), span: span(text, e.result), metrics: [] }] : [],
      limitations: [],
      recommendations: [],
      proposals: [],
      confidence: 0.8,
    };
    change?.(ev);
    events.push(ev);
  }
  return {
    schemaVersion: 1,
    source: {
      id: article.canonicalUrl,
      url: article.url,
      path: null,
      title: article.title,
      publishedAt: article.publishedAt,
      lang: 'vie',
      site: article.site,
    },
    extractor,
    text,
    events,
  };
}

/** A SQLite store in a fresh folder with the seed articles and one finished run of their events. */
export async function seedStore(): Promise<{ file: string; dir: string; articleIds: number[]; runId: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'vnevents-cli-'));
  const file = join(dir, 'vnevents.db');
  const store = await openStore({ url: file });
  const articleIds: number[] = [];
  for (const s of SEED) articleIds.push(await store.saveArticle(null, seedArticle(s)));
  const runId = await store.startRun({ extractor: EXTRACTOR, note: 'seed' });
  const r = await store.saveExtractions(
    runId,
    SEED.map((s, i) => ({ articleId: articleIds[i] as number, result: seedResult(s) })),
  );
  if (r.rejected.length) throw r.rejected[0];
  await store.finishRun(runId, { articles: SEED.length, events: 3, errors: 0 });
  await store.close();
  return { file, dir, articleIds, runId };
}
