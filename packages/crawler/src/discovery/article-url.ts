const ASSET =
  /\.(jpe?g|png|gif|webp|svg|ico|bmp|pdf|docx?|xlsx?|pptx?|zip|rar|7z|mp[34]|avi|mov|wmv|flv|css|js|json|xml|rss|txt)$/i;
/** First path segments of pages that are never articles on Vietnamese news sites and portals. */
const NON_ARTICLE_SECTIONS = new Set([
  'tag',
  'tags',
  'the',
  'tu-khoa',
  'tim-kiem',
  'search',
  'lien-he',
  'gioi-thieu',
  'rss',
  'login',
  'dang-nhap',
  'dang-ky',
  'author',
  'tac-gia',
  'chuyen-muc',
  'danh-muc',
  'category',
  'categories',
  'static',
  'assets',
  'uploads',
  'images',
  'media',
  'wp-content',
]);
const ID_PARAM = /^(id|itemid|newsid|articleid|nid|aid|postid|p)$/i;
const PAGE_PARAM = /^(page|p|trang|pageindex|pagenum|pg)$/i;
const PAGINATION_PATH = /(?:^|[/-])(?:trang|page|p)[-/]?(\d+)(?:\.(?:html?|aspx|php))?\/?$/i;
const DATE_PATH = /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])\/(?:(?:0?[1-9]|[12]\d|3[01])\/)?[^/]+/;

/** The page number a listing URL names (`trang-3.html`, `/page/3`, `?page=3`), or null. */
export function pageNumberOf(url: URL): number | null {
  const m = PAGINATION_PATH.exec(url.pathname);
  if (m?.[1]) return Number(m[1]);
  for (const [k, v] of url.searchParams) if (PAGE_PARAM.test(k) && /^\d+$/.test(v)) return Number(v);
  return null;
}

/**
 * Whether a link looks like an article rather than a section, tag, pagination or asset link — for listing
 * pages without selectors. Article URLs on provincial sites carry a numeric id (`…-3312345.html`,
 * `?ItemID=1234`, `/123456/`), a date path (`/2025/05/12/…`) or a long slug (≥ 5 words).
 */
export function looksLikeArticleUrl(input: string | URL): boolean {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return false; // not a URL, so not an article link
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const path = url.pathname;
  if (ASSET.test(path)) return false;
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length > 0 && NON_ARTICLE_SECTIONS.has(segments[0]!.toLowerCase())) return false;
  if (pageNumberOf(url) !== null && !/\d{4,}/.test(path.replace(PAGINATION_PATH, ''))) return false;
  for (const [k, v] of url.searchParams) if (ID_PARAM.test(k) && /^\d{3,}$/.test(v)) return true;
  if (DATE_PATH.test(path)) return true;
  const last = (segments.at(-1) ?? '').replace(/\.(html?|aspx?|php|htm|shtml)$/i, '');
  // A numeric id: `…-3312345`, `…-a190123`, `…-post281234`, or an id segment such as `/tin-tuc/1/190123/slug`.
  if (/(?:^|[-_.])[a-z]{0,4}\d{4,}$/i.test(last)) return true;
  if (segments.slice(0, -1).some((s) => /^\d{5,}$/.test(s))) return true;
  return last.split(/[-_]+/).filter((w) => /[a-z]/i.test(w)).length >= 5;
}
