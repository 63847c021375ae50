/** Pages without an article: soft 404s (served with 200), listing pages, empty pages, non-HTML bodies. */
import { fold, normaliseSpace } from './text.js';

const NOT_FOUND = [
  /khong\s+tim\s+thay\s+(?:trang|noi\s*dung|bai\s*viet|du\s*lieu|tin)/,
  /trang\s+(?:ban\s+)?(?:tim|yeu\s+cau|truy\s+cap)\S*\s+(?:\S+\s+){0,3}khong\s+ton\s+tai/,
  /(?:trang|bai\s*viet|noi\s*dung|tin\s*bai|duong\s*dan)\s+(?:nay\s+)?(?:khong\s+ton\s+tai|da\s+bi\s+(?:xoa|go))/,
  /khong\s+ton\s+tai\s+hoac\s+da\s+bi/,
  /\bpage\s+not\s+found\b/,
  /\bnot\s+found\b/,
  /\b(?:loi|error)\s*404\b/,
  /^404\b|\b404$/,
  /\b404\s*[-–:|]/,
];

/** The phrase that marks a soft 404, or null. Headings are checked whole; body text only when short. */
export function notFoundSignal(texts: (string | null)[]): string | null {
  for (const t of texts) {
    if (!t) continue;
    const n = normaliseSpace(t);
    const f = fold(n);
    for (const re of NOT_FOUND) {
      const m = re.exec(f);
      if (m) return n.slice(m.index, m.index + m[0].length);
    }
  }
  return null;
}

/** Not HTML at all: a PDF, JSON, binary garbage, plain text without a single tag. */
export function notHtmlReason(html: string): string | null {
  const head = html.slice(0, 4096);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('%PDF')) return 'the body is a PDF document';
  if (/^[{[]\s*["{[\]}]/.test(trimmed)) return 'the body is JSON';
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0 || c === 0xfffd) bad++;
  }
  if (bad > 16) return `the body looks binary (${bad} NUL or replacement characters in the first 4 KB)`;
  if (!/<[a-zA-Z!?/]/.test(head)) return 'no HTML tag in the first 4 KB';
  return null;
}
