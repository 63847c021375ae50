import { encodeTcvn3, encodeWindows1258 } from './legacy-encoders.js';
import { type Route, send } from './route-context.js';

/**
 * The text of the legacy-charset pages. TCVN3 (VN3) has no upper-case letters with tone marks, so the
 * sample keeps to lower case and the upper-case letters VN3 has (Ă Â Ê Ô Ơ Ư Đ).
 */
export const LEGACY_SAMPLE_TITLE = 'Đoàn kiểm tra làm việc tại huyện Điện Biên Đông';
export const LEGACY_SAMPLE_TEXT =
  'Sáng nay, đoàn kiểm tra của Ban Thường vụ Tỉnh ủy do đồng chí Lò Văn Phương, Phó Bí thư Tỉnh ủy làm trưởng đoàn đã làm việc với Ban Thường vụ Huyện ủy Điện Biên Đông về việc thực hiện Kết luận số 114-KL/TW. Năm nay toàn huyện có 1.245 hộ thoát nghèo, tiến độ giải ngân vốn đầu tư công đạt 67,5% kế hoạch; đoàn đề nghị huyện tập trung tháo gỡ khó khăn về mặt bằng, nâng cao trách nhiệm người đứng đầu và hoàn thành các chỉ tiêu trước ngày 15/12.';

function legacyPage(meta: string): string {
  return `<html><head>${meta}<title>${LEGACY_SAMPLE_TITLE}</title></head><body><font face=".VnTime"><h1>${LEGACY_SAMPLE_TITLE}</h1><p>${LEGACY_SAMPLE_TEXT}</p></font></body></html>`;
}

const pages: Record<string, () => { body: Buffer; contentType: string }> = {
  'windows-1258': () => ({ body: encodeWindows1258(legacyPage('')), contentType: 'text/html; charset=windows-1258' }),
  'windows-1258-meta': () => ({
    body: encodeWindows1258(legacyPage('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')),
    contentType: 'text/html',
  }),
  'windows-1258-undeclared': () => ({ body: encodeWindows1258(legacyPage('')), contentType: 'text/html' }),
  tcvn3: () => ({ body: encodeTcvn3(legacyPage('')), contentType: 'text/html' }),
  /** Typical of old .VnTime sites: a Latin-1 declaration on TCVN3 bytes. */
  'tcvn3-latin1': () => ({
    body: encodeTcvn3(legacyPage('<meta charset="iso-8859-1">')),
    contentType: 'text/html',
  }),
  'utf8-bom': () => ({
    body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(legacyPage(''))]),
    contentType: 'text/html',
  }),
  'utf8-undeclared': () => ({ body: Buffer.from(legacyPage('')), contentType: 'text/html' }),
  'utf8-meta': () => ({ body: Buffer.from(legacyPage('<meta charset="UTF-8">')), contentType: 'text/html' }),
};

/** /charset/<variant>: the same Vietnamese page in windows-1258, TCVN3 and UTF-8, declared or not. */
export const charsetRoute: Route = (ctx) => {
  const m = /^\/charset\/([a-z0-9-]+)$/.exec(ctx.url.pathname);
  const page = m ? pages[m[1]!] : undefined;
  if (!page) return false;
  const { body, contentType } = page();
  return send(ctx, 200, body, { 'content-type': contentType });
};

export const CHARSET_VARIANTS: readonly string[] = Object.keys(pages);
