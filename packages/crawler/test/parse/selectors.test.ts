/** Per-site selector overrides from the sites registry: title, body, date, author, remove[]. */
import { describe, expect, it } from '@jest/globals';
import type { Article } from '@vnevents/schema';
import { isNotArticle, type ParseOptions, parse } from '../../src/parse/index.js';

const URL_ = 'https://x.gov.vn/tin-tuc/a-123.html';
const P1 =
  'Ngày 3/6, đoàn giám sát của Thường trực HĐND huyện đã làm việc với Ủy ban nhân dân xã về việc quản lý, sử dụng đất đai trên địa bàn giai đoạn 2022 - 2024.';
const P2 =
  'Đoàn giám sát đề nghị Ủy ban nhân dân huyện chỉ đạo rút ngắn thời gian giải quyết hồ sơ, hỗ trợ xã số hóa dữ liệu đất đai trong năm 2024.';
const LONG =
  'Thông báo của Văn phòng về lịch làm việc, lịch tiếp công dân, kế hoạch tổ chức các hội nghị trong tháng, danh sách cán bộ trực cơ quan ngày lễ, ngày nghỉ. '.repeat(
    4,
  );

// A template the generic rules get almost right: the promo line inside the article and the date kept in an
// attribute are what this site's selectors fix.
const PAGE = `<html><body>
<div class="o-thong-bao"><p>${LONG}</p></div>
<div class="bai-viet"><span class="tieu-de-bai">Giám sát việc quản lý đất đai tại xã</span>
<span class="ngay-dang" data-time="2024-06-03T14:05:00+07:00">3/6</span><span class="nguoi-viet">Hoàng Nam</span>
<p>${P1}</p><p class="quang-cao-noi-bai">Đăng ký nhận bản tin điện tử để không bỏ lỡ thông tin mới nhất của tỉnh.</p><p>${P2}</p></div>
</body></html>`;

function art(opts: ParseOptions): Article {
  const r = parse(PAGE, URL_, opts);
  if (isNotArticle(r)) throw new Error(r.detail);
  return r;
}

describe('site selectors', () => {
  it('without overrides the in-article promo stays in the body and the date (in an attribute) is missed', () => {
    const a = art({});
    expect(a.paragraphs).toContain('Đăng ký nhận bản tin điện tử để không bỏ lỡ thông tin mới nhất của tỉnh.');
    expect(a.publishedAt).toBeNull();
  });

  it('body, title, author and remove override the generic choices', () => {
    const a = art({
      selectors: { body: '.bai-viet', title: '.tieu-de-bai', author: '.nguoi-viet', remove: ['.quang-cao-noi-bai'] },
    });
    expect([a.title, a.author, a.paragraphs]).toEqual(['Giám sát việc quản lý đất đai tại xã', 'Hoàng Nam', [P1, P2]]);
  });

  it('remove takes inline elements out too', () => {
    const a = art({ selectors: { body: '.bai-viet', remove: ['.quang-cao-noi-bai', '.nguoi-viet', '.ngay-dang'] } });
    expect(a.paragraphs).toEqual([P1, P2]);
    expect(a.author).toBeNull();
  });

  it('date reads the datetime or content attribute of the element, else its text', () => {
    const withAttr = parse(PAGE.replace('data-time=', 'datetime='), URL_, {
      selectors: { body: '.bai-viet', date: '.ngay-dang' },
    });
    expect(isNotArticle(withAttr) ? null : [withAttr.publishedAt, withAttr.dateSource]).toEqual([
      '2024-06-03T14:05:00+07:00',
      'dateline',
    ]);
    const withText = parse(PAGE.replace('>3/6<', '>Thứ Hai, 03/06/2024 - 14:05<'), URL_, {
      selectors: { date: '.ngay-dang' },
    });
    expect(isNotArticle(withText) ? null : withText.publishedAt).toBe('2024-06-03T14:05:00+07:00');
  });

  it('falls back to generic extraction when a selector matches nothing', () => {
    expect(art({ selectors: { body: '.khong-co' } }).paragraphs).toEqual(art({}).paragraphs);
  });
});
