// Synthetic but realistic data for bench/store.ts: 63 provinces, 7 event types, six years of dates,
// ~200 directives, ~5,000 officials, units, items with text. Deterministic (seeded PRNG).
// bench/ is outside the workspace packages: import their sources by path.
import type { Article, Event, ExtractionResult } from '../packages/schema/src/index.js';
import type { PlaceResolver } from '../packages/store/src/index.js';

export const PROVINCES = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bạc Liêu',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Định',
  'Bình Dương',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cần Thơ',
  'Cao Bằng',
  'Đà Nẵng',
  'Đắk Lắk',
  'Đắk Nông',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hà Nam',
  'Hà Nội',
  'Hà Tĩnh',
  'Hải Dương',
  'Hải Phòng',
  'Hậu Giang',
  'Hòa Bình',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lâm Đồng',
  'Lạng Sơn',
  'Lào Cai',
  'Long An',
  'Nam Định',
  'Nghệ An',
  'Ninh Bình',
  'Ninh Thuận',
  'Phú Thọ',
  'Phú Yên',
  'Quảng Bình',
  'Quảng Nam',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Thanh Hóa',
  'Thừa Thiên Huế',
  'Tiền Giang',
  'TP Hồ Chí Minh',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
];
const TYPES = ['inspection', 'supervision', 'working_session', 'briefing', 'review', 'conference', 'other'] as const;
const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Lò',
  'Giàng',
  'Hà',
  'Tạ',
];
const MIDDLES = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Quốc',
  'Thanh',
  'Ngọc',
  'Xuân',
  'Công',
  'Đình',
  'Thu',
  'Hồng',
  'Kim',
  'Bá',
];
const GIVENS = [
  'An',
  'Anh',
  'Bình',
  'Bốn',
  'Cường',
  'Dũng',
  'Dung',
  'Giang',
  'Hà',
  'Hải',
  'Hằng',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hưng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Ngọ',
  'Nga',
  'Phong',
  'Phúc',
  'Quang',
  'Sơn',
  'Tâm',
  'Thắng',
  'Thảo',
  'Thủy',
  'Tiến',
  'Trung',
  'Tuấn',
  'Vinh',
  'Xuân',
  'Yến',
  'Mười',
];
const TITLES = [
  'Bí thư Tỉnh ủy',
  'Phó Bí thư Thường trực Tỉnh ủy',
  'Chủ tịch UBND tỉnh',
  'Trưởng Ban Dân vận Tỉnh ủy',
  'Vụ trưởng Vụ Dân tộc',
  'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy',
  'Trưởng Ban Tuyên giáo Tỉnh ủy',
  'Phó Chủ tịch HĐND tỉnh',
];
const LEAD_UNITS = [
  'Ban Dân vận Trung ương',
  'Ban Tuyên giáo Trung ương',
  'Ủy ban Kiểm tra Trung ương',
  'Ban Thường vụ Tỉnh ủy',
  'Ủy ban Kiểm tra Tỉnh ủy',
  'Ban Dân vận Tỉnh ủy',
  'HĐND tỉnh',
  'UBND tỉnh',
];
const TARGET_KINDS = ['Ban Thường vụ Huyện ủy', 'Đảng ủy xã', 'UBND huyện', 'Đảng ủy Khối', 'Sở', 'Huyện ủy'];
const PLACES = [
  'Mường Ảng',
  'Đầm Hà',
  'Tam Đường',
  'Lũng Cú',
  'Thanh Xương',
  'Mường Chà',
  'Tuần Giáo',
  'Bảo Lâm',
  'Yên Minh',
  'Tiên Yên',
  'Bình Liêu',
  'Ba Chẽ',
  'Vân Đồn',
  'Cô Tô',
  'Hải Hà',
  'Mộc Châu',
  'Quỳnh Nhai',
  'Sìn Hồ',
  'Phong Thổ',
  'Than Uyên',
];
const KINDS = [
  ['KL', 'Kết luận'],
  ['NQ', 'Nghị quyết'],
  ['CT', 'Chỉ thị'],
  ['QĐ', 'Quyết định'],
  ['KH', 'Kế hoạch'],
  ['ĐA', 'Đề án'],
] as const;
const ISSUERS = ['TW', 'TU', 'HU', 'ĐU'];
const RESULTS = [
  'vận động nhân dân hiến đất làm',
  'hoàn thành xây dựng',
  'hỗ trợ kinh phí cho',
  'tổ chức tuyên truyền tại',
  'kiện toàn',
  'giải quyết dứt điểm',
];
const UNITS_OF = ['dự án', 'công trình', 'hộ', 'cuộc', 'tổ chức cơ sở đảng', 'km đường giao thông nông thôn'];
const LIMITS = [
  'Công tác tuyên truyền ở một số xã còn hạn chế.',
  'Việc giải ngân vốn đầu tư công còn chậm.',
  'Chất lượng sinh hoạt chi bộ chưa đồng đều.',
  'Một số cán bộ chưa sâu sát cơ sở.',
];
const RECS = [
  'đề nghị huyện tiếp tục quan tâm công tác dân vận.',
  'đề nghị tăng cường kiểm tra, giám sát.',
  'đề nghị đẩy mạnh cải cách hành chính.',
];
const PROPS = [
  'Huyện kiến nghị Trung ương hỗ trợ kinh phí.',
  'Địa phương đề xuất bổ sung biên chế.',
  'Xã kiến nghị sớm hoàn thiện hạ tầng.',
];
const VERBS: Record<(typeof TYPES)[number], string> = {
  inspection: 'Đoàn kiểm tra',
  supervision: 'Đoàn giám sát',
  working_session: 'Đoàn công tác làm việc',
  briefing: 'Hội nghị giao ban',
  review: 'Hội nghị sơ kết',
  conference: 'Hội nghị',
  other: 'Hoạt động',
};

/** mulberry32: small, fast, seeded. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}

export interface Official {
  name: string;
  title: string;
}
export interface DirectiveDef {
  ref: string;
  number: string;
  kind: string;
  kindName: string;
  issuer: string;
  alias: string;
}

export interface World {
  officials: Official[];
  directives: DirectiveDef[];
  provinces: string[];
}

export function makeWorld(seed = 7): World {
  const r = rng(seed);
  const names = new Set<string>();
  while (names.size < 5000) names.add(`${r.pick(SURNAMES)} ${r.pick(MIDDLES)} ${r.pick(MIDDLES)} ${r.pick(GIVENS)}`);
  const officials = [...names].map((name) => ({ name, title: r.pick(TITLES) }));
  const refs = new Map<string, DirectiveDef>();
  while (refs.size < 200) {
    const [kind, kindName] = r.pick(KINDS);
    const issuer = r.pick(ISSUERS);
    const number = String(1 + r.int(400)).padStart(2, '0');
    const ref = `${number}-${kind}/${issuer}`;
    refs.set(ref, { ref, number, kind, kindName, issuer, alias: `${kindName} ${number}` });
  }
  return { officials, directives: [...refs.values()], provinces: PROVINCES };
}

/** 63 → 34 provinces: a deterministic stand-in for the 2025 merger table (neighbours in the list merge). */
const NEW_NAME = new Map<string, string>();
{
  const first = new Map<number, string>();
  PROVINCES.forEach((p, i) => {
    const g = Math.floor((i * 34) / 63);
    if (!first.has(g)) first.set(g, p);
    NEW_NAME.set(p, first.get(g) as string);
  });
}

export const benchPlaceResolver: PlaceResolver = (w) => ({
  old: { ...w },
  new: { province: w.province ? (NEW_NAME.get(w.province) ?? w.province) : null, district: null, commune: w.commune },
});

/** Builds text piece by piece and records where each piece landed: spans come from construction. */
class TextBuilder {
  text = '';
  add(s: string): [number, number] {
    const start = this.text.length;
    this.text += s;
    return [start, this.text.length];
  }
}

const DAY0 = Date.UTC(2019, 0, 1);
const DAYS = 6 * 365;

export interface SynthArticle {
  article: Article;
  result: (articleText: string) => ExtractionResult;
  events: number;
}

/** Article number `n`, with 1–2 events (mean ≈ 1.6). */
export function makeArticle(world: World, n: number, extractor: ExtractionResult['extractor']): SynthArticle {
  const r = rng(n * 2654435761);
  const nEvents = r.next() < 0.6 ? 2 : 1;
  const province = r.pick(world.provinces);
  const site = `bao${province
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z]/g, '')}.vn`;
  const day = new Date(DAY0 + r.int(DAYS) * 86_400_000).toISOString().slice(0, 10);
  const b = new TextBuilder();
  const title = `${VERBS[r.pick(TYPES)]} tại ${province} (${n})`;
  b.add(`${title}\n\n`);
  const events: Event[] = [];
  for (let k = 0; k < nEvents; k++) {
    const type = r.pick(TYPES);
    const lead = r.pick(world.officials);
    const other = r.pick(world.officials);
    const unit = r.pick(LEAD_UNITS);
    const target = `${r.pick(TARGET_KINDS)} ${r.pick(PLACES)}`;
    const dir = r.pick(world.directives);
    const [y, m, d] = day.split('-');
    b.add(`Ngày ${Number(d)}/${Number(m)}/${y}, ${VERBS[type]} của `);
    const unitSpan = b.add(unit);
    b.add(' do đồng chí ');
    const leadSpan = b.add(lead.name);
    b.add(`, ${lead.title} làm trưởng đoàn đã làm việc với `);
    const targetSpan = b.add(target);
    b.add(' về việc thực hiện ');
    const dirSpan = b.add(`${dir.kindName} số ${dir.ref}`);
    b.add('. Cùng dự có đồng chí ');
    const otherSpan = b.add(other.name);
    b.add(`, ${other.title}. `);
    const metricValue = 1 + r.int(200);
    const metricUnit = r.pick(UNITS_OF);
    const resultText = `Thời gian qua, địa phương đã ${r.pick(RESULTS)} ${metricValue} ${metricUnit}.`;
    const resultSpan = b.add(resultText);
    const metricStart = resultSpan[0] + resultText.lastIndexOf(`${metricValue} ${metricUnit}`);
    b.add(' ');
    const limText = r.pick(LIMITS);
    const limSpan = b.add(limText);
    b.add(' Đồng chí ');
    const recText = `${lead.name} ${r.pick(RECS)}`;
    const recSpan = b.add(recText);
    b.add(' ');
    const propText = r.pick(PROPS);
    const propSpan = b.add(propText);
    b.add('\n\n');
    events.push({
      type,
      date: day,
      dateBasis: 'text',
      leadOfficial: { name: lead.name, title: lead.title, span: leadSpan },
      officials: [
        { name: lead.name, title: lead.title, role: 'lead', span: leadSpan },
        { name: other.name, title: other.title, role: 'participant', span: otherSpan },
      ],
      leadUnit: { name: unit, span: unitSpan },
      targetUnits: [{ name: target, span: targetSpan }],
      location: { province, district: r.next() < 0.5 ? r.pick(PLACES) : null, commune: null },
      directives: [
        {
          ref: dir.ref,
          number: dir.number,
          kind: dir.kind,
          kindName: dir.kindName,
          issuer: dir.issuer,
          date: null,
          title: null,
          aliases: [dir.alias],
          spans: [dirSpan],
        },
      ],
      results: [
        {
          text: resultText,
          span: resultSpan,
          metrics: [
            {
              value: metricValue,
              unit: metricUnit,
              qualifier: null,
              text: `${metricValue} ${metricUnit}`,
              span: [metricStart, metricStart + `${metricValue} ${metricUnit}`.length],
            },
          ],
        },
      ],
      limitations: [{ text: limText, span: limSpan }],
      recommendations: [{ text: recText, span: recSpan, by: lead.name }],
      proposals: [{ text: propText, span: propSpan }],
      confidence: Math.round((0.5 + r.next() / 2) * 100) / 100,
    });
  }
  const body = b.text.trimEnd();
  const paragraphs = body.split('\n\n').slice(1);
  const url = `https://${site}/tin-tuc/${n}.html`;
  const article: Article = {
    url,
    canonicalUrl: url,
    site,
    title,
    publishedAt: `${day}T09:00:00+07:00`,
    modifiedAt: null,
    author: null,
    lead: null,
    paragraphs,
    captions: [],
    breadcrumb: [],
    lang: 'vie',
    dateSource: 'meta',
  };
  return {
    article,
    events: events.length,
    result: (text) => ({
      schemaVersion: 1,
      source: { id: url, url, path: null, title, publishedAt: article.publishedAt, lang: 'vie', site },
      extractor,
      text,
      events,
    }),
  };
}
