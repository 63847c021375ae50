/**
 * Deterministic Vietnamese content for the generated fixture site: article pages, listings, sitemaps and
 * feeds. Everything derives from an article id so tests can predict URLs, titles and text.
 */

const PLACES = [
  'Điện Biên Đông',
  'Mường Nhé',
  'Tủa Chùa',
  'Tuần Giáo',
  'Mường Ảng',
  'Nậm Pồ',
  'Mường Chà',
  'Đầm Hà',
  'Hải Hà',
  'Bình Liêu',
  'Tiên Yên',
  'Ba Chẽ',
  'Cần Giuộc',
  'Đức Hòa',
  'Bến Lức',
];
const LEADERS = [
  'Trần Văn Sơn',
  'Lò Văn Phương',
  'Nguyễn Thị Thu Hà',
  'Mùa A Vảng',
  'Lê Thành Đô',
  'Vũ Văn Thành',
  'Phạm Thị Hằng',
  'Đặng Xuân Phong',
  'Hoàng Văn Nhân',
  'Cao Tường Huy',
];
const TOPICS = [
  'công tác xây dựng Đảng',
  'giải ngân vốn đầu tư công',
  'xây dựng nông thôn mới',
  'giảm nghèo bền vững',
  'chuyển đổi số',
  'cải cách hành chính',
  'phòng, chống tham nhũng',
  'quản lý đất đai',
  'phát triển du lịch cộng đồng',
  'bảo vệ rừng',
];
const SENTENCES = [
  'Sáng {day}/{month}, đoàn kiểm tra số {id} của Ban Thường vụ Tỉnh ủy do đồng chí {leader} làm trưởng đoàn đã làm việc với Ban Thường vụ Huyện ủy {place}.',
  'Theo báo cáo, trong {months} tháng đầu năm, huyện {place} đã hoàn thành {pct}% kế hoạch về {topic}.',
  'Đồng chí {leader} ghi nhận những kết quả huyện {place} đạt được, đồng thời chỉ ra một số hạn chế trong {topic}.',
  'Tiến độ giải ngân một số dự án còn chậm, mới đạt {pct2}% so với kế hoạch vốn được giao cho năm {year}.',
  'Đoàn đề nghị huyện {place} tập trung chỉ đạo quyết liệt, tháo gỡ khó khăn về mặt bằng cho {count} dự án trọng điểm.',
  'Cấp ủy, chính quyền các xã cần nâng cao trách nhiệm người đứng đầu, thực hiện nghiêm Kết luận số {kl}-KL/TW của Bộ Chính trị.',
  'Tại buổi làm việc, lãnh đạo huyện {place} kiến nghị tỉnh hỗ trợ {money} tỷ đồng để hoàn thiện hạ tầng giao thông nông thôn.',
  'Năm {year}, toàn huyện có {count2} hộ thoát nghèo, tỷ lệ hộ nghèo giảm còn {pct3}%.',
  'Ban Thường vụ Huyện ủy {place} đã ban hành {count} nghị quyết chuyên đề về {topic}.',
  'Công tác kiểm tra, giám sát được thực hiện thường xuyên; đã kiểm tra {count2} tổ chức đảng và {count} đảng viên.',
  'Kết thúc buổi làm việc, đồng chí {leader} yêu cầu huyện {place} báo cáo kết quả khắc phục trước ngày {day}/{month2}.',
  'Đoàn công tác cũng đi kiểm tra thực tế tại xã {place2}, nơi đang triển khai mô hình {topic}.',
  'Người dân xã {place2} phấn khởi khi tuyến đường liên thôn dài {km} km được hoàn thành sau {months} tháng thi công.',
  'Huyện {place} phấn đấu đến cuối năm {year} có thêm {count} xã đạt chuẩn nông thôn mới.',
  'Sở Kế hoạch và Đầu tư được giao chủ trì, phối hợp với huyện {place} rà soát danh mục dự án trong tháng {month2}.',
  'Đồng chí {leader} nhấn mạnh việc thực hiện {topic} phải gắn với trách nhiệm cụ thể của từng cơ quan, đơn vị.',
];

/** mulberry32: a small deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** ASCII slug of Vietnamese text: `Đoàn kiểm tra` → `doan-kiem-tra`. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface GeneratedArticle {
  readonly id: number;
  readonly category: string;
  readonly title: string;
  readonly slug: string;
  /** Path of the article on the generated site. */
  readonly path: string;
  readonly paragraphs: readonly string[];
  readonly publishedAt: Date;
}

/** Publication time of article `id`: fixed, one hour apart, so Last-Modified and ETag are stable. */
export function publishedAt(id: number): Date {
  return new Date(Date.UTC(2025, 0, 1) + id * 3_600_000);
}

const generated = new Map<string, GeneratedArticle>();

/** Article `id` of the generated site (memoised: the server answers thousands of requests in benchmarks). */
export function generateArticle(id: number, category = 'thoi-su'): GeneratedArticle {
  const key = `${category}:${id}`;
  let a = generated.get(key);
  if (!a) {
    if (generated.size > 50_000) generated.clear();
    a = Object.freeze(buildArticle(id, category));
    generated.set(key, a);
  }
  return a;
}

function buildArticle(id: number, category: string): GeneratedArticle {
  const r = rng(id * 7919 + 17);
  const v: Record<string, string> = {
    id: String(id),
    leader: pick(r, LEADERS),
    place: pick(r, PLACES),
    place2: pick(r, PLACES),
    topic: pick(r, TOPICS),
    day: String(1 + Math.floor(r() * 28)),
    month: String(1 + Math.floor(r() * 12)),
    month2: String(1 + Math.floor(r() * 12)),
    months: String(3 + Math.floor(r() * 9)),
    year: String(2024 + Math.floor(r() * 3)),
    pct: String(40 + Math.floor(r() * 60)),
    pct2: String(10 + Math.floor(r() * 50)),
    pct3: (1 + r() * 9).toFixed(2).replace('.', ','),
    count: String(2 + Math.floor(r() * 20)),
    count2: String(20 + Math.floor(r() * 400)),
    kl: String(20 + Math.floor(r() * 120)),
    money: String(5 + Math.floor(r() * 200)),
    km: (1 + r() * 20).toFixed(1).replace('.', ','),
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_m, k: string) => v[k] ?? k);
  const order = SENTENCES.map((s, i) => ({ s, k: r() + (i === 0 ? -1 : 0) })).sort((a, b) => a.k - b.k);
  const chosen = order.slice(0, 12).map((o) => fill(o.s));
  const paragraphs: string[] = [];
  for (let i = 0; i < chosen.length; i += 3) paragraphs.push(chosen.slice(i, i + 3).join(' '));
  const title = `Đoàn kiểm tra số ${id} làm việc với Huyện ủy ${v['place']} về ${v['topic']}`;
  const slug = slugify(title);
  return {
    id,
    category,
    title,
    slug,
    path: `/${category}/${slug}-${id}.html`,
    paragraphs,
    publishedAt: publishedAt(id),
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface PageChrome {
  siteName: string;
  /** Extra <head> content. */
  head?: string;
}

const NAV = `<nav class="menu"><a href="/">Trang chủ</a> <a href="/chuyen-muc/thoi-su/">Thời sự</a> <a href="/chuyen-muc/kinh-te/">Kinh tế</a> <a href="/gioi-thieu.html">Giới thiệu</a> <a href="/lien-he">Liên hệ</a></nav>`;

export function pageHtml(title: string, body: string, chrome: PageChrome): string {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)} - ${escapeHtml(chrome.siteName)}</title>${chrome.head ?? ''}</head>
<body><header><div class="logo">${escapeHtml(chrome.siteName)}</div>${NAV}</header>
<main>${body}</main>
<footer><p>Cơ quan chủ quản: ${escapeHtml(chrome.siteName)}. Giấy phép số 123/GP-BTTTT. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer>
</body></html>`;
}

export function articleHtml(
  a: GeneratedArticle,
  options: { siteName: string; canonical: string | null; lead?: string },
): string {
  const head = `${options.canonical ? `<link rel="canonical" href="${escapeHtml(options.canonical)}">` : ''}<meta property="article:published_time" content="${a.publishedAt.toISOString()}">`;
  const paragraphs = [...(options.lead ? [options.lead] : []), ...a.paragraphs];
  const body = `<article><h1 class="title">${escapeHtml(a.title)}</h1><div class="date">${a.publishedAt.toISOString()}</div>
<div class="content">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</div></article>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="${generateArticle(a.id + 1).path}">${escapeHtml(generateArticle(a.id + 1).title)}</a></li></ul></aside>`;
  return pageHtml(a.title, body, { siteName: options.siteName, head });
}
