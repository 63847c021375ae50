/**
 * Dates: every dateline format the issue names, machine-readable dates, URL dates, and the order of trust
 * between sources (json-ld → meta → time → dateline → url) as parse() applies it.
 */
import { describe, expect, it } from '@jest/globals';
import type { Article } from '@vnevents/schema';
import { dateFromUrl, isNotArticle, parse, parseDateline, parseMachineDate } from '../../src/parse/index.js';

describe('parseDateline', () => {
  it.each([
    ['11:32 - Thứ Hai, 21/10/2024', '2024-10-21T11:32:00+07:00'],
    ['Thứ 4, 11.09.2019 | 18:11:27', '2019-09-11T18:11:27+07:00'],
    ['Ngày đăng: 08/07/2024 11:38', '2024-07-08T11:38:00+07:00'],
    ['28/05/2024 - 17:05', '2024-05-28T17:05:00+07:00'],
    ['Thứ Sáu, 14/06/2024, 15:42 | 1.532 lượt xem', '2024-06-14T15:42:00+07:00'],
    ['15:07, 05/09/2024', '2024-09-05T15:07:00+07:00'],
    ['10:45, ngày 21 tháng 10 năm 2024', '2024-10-21T10:45:00+07:00'],
    ['11h32, 21/10/2024', '2024-10-21T11:32:00+07:00'],
    ['Ngày đăng: 12/03/2025', '2025-03-12T00:00:00+07:00'],
    ['Monday, October 21, 2024 | 10:30 AM', '2024-10-21T10:30:00+07:00'],
    ['21 Oct 2024, 4:05 pm', '2024-10-21T16:05:00+07:00'],
    ['2024-10-21 09:15', '2024-10-21T09:15:00+07:00'],
    ['Thứ Hai, 21/10/2024 - 08:15 (GMT+7)', '2024-10-21T08:15:00+07:00'],
    ['21/10/2024 08:15 GMT+0', '2024-10-21T08:15:00+00:00'],
    ['10/21/2024', '2024-10-21T00:00:00+07:00'],
  ])('reads %j', (text, iso) => {
    expect(parseDateline(text)[0]?.iso).toBe(iso);
  });

  it('tells "Cập nhật" from "Ngày đăng"', () => {
    const hits = parseDateline('Ngày đăng: 08/07/2024 11:38 | Cập nhật: 09/07/2024 08:00');
    expect(hits.map((h) => [h.iso, h.kind])).toEqual([
      ['2024-07-08T11:38:00+07:00', 'published'],
      ['2024-07-09T08:00:00+07:00', 'modified'],
    ]);
    expect(parseDateline('Cập nhật lúc 14:05 ngày 03/06/2024')[0]).toMatchObject({
      iso: '2024-06-03T14:05:00+07:00',
      kind: 'modified',
    });
  });

  it('pairs each date with its own time', () => {
    const hits = parseDateline('Xuất bản: 03/06/2024 14:05 | Cập nhật: 04/06/2024 08:20');
    expect(hits.map((h) => h.iso)).toEqual(['2024-06-03T14:05:00+07:00', '2024-06-04T08:20:00+07:00']);
  });

  it('rejects impossible dates and times', () => {
    expect(parseDateline('31/02/2024')).toEqual([]);
    expect(parseDateline('32/13/2024')).toEqual([]);
    expect(parseDateline('12/13/2024')[0]?.iso).toBe('2024-12-13T00:00:00+07:00'); // month-first only when it must be
    expect(parseDateline('01/01/1850')).toEqual([]);
    expect(parseDateline('25:61 21/10/2024')[0]?.hasTime).toBe(false);
  });

  it('does not take a phone number or document number for a date', () => {
    expect(parseDateline('Điện thoại: 0213.3876.123')).toEqual([]);
    expect(parseDateline('Kết luận số 114-KL/TW')).toEqual([]);
  });
});

describe('parseMachineDate', () => {
  it.each([
    ['2024-10-21T11:32:00+07:00', '2024-10-21T11:32:00+07:00'],
    ['2024-10-21T04:32:00Z', '2024-10-21T04:32:00+00:00'],
    ['2024-10-21T11:32:00.123+0700', '2024-10-21T11:32:00+07:00'],
    ['2024-10-21T11:32', '2024-10-21T11:32:00+07:00'],
    ['2024-10-21', '2024-10-21T00:00:00+07:00'],
    ['2024-10-21 11:32:05', '2024-10-21T11:32:05+07:00'],
    ['Mon, 21 Oct 2024 04:32:00 GMT', '2024-10-21T04:32:00+00:00'],
    ['21/10/2024 11:32', '2024-10-21T11:32:00+07:00'],
  ])('normalises %j', (value, iso) => {
    expect(parseMachineDate(value)).toBe(iso);
  });

  it.each([[''], ['0001-01-01T00:00:00'], ['2024-13-01'], ['not a date'], [null], [undefined]])('rejects %j', (v) => {
    expect(parseMachineDate(v)).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://x.gov.vn/2024/10/21/hoi-nghi/', '2024-10-21T00:00:00+07:00'],
    ['https://x.gov.vn/tin-tuc/2024-10-21/hoi-nghi', '2024-10-21T00:00:00+07:00'],
    ['https://x.dcs.vn/tin-tuc/kiem-tra-20241021093012.html', '2024-10-21T09:30:00+07:00'],
    ['https://x.vn/tin-tuc/hoi-nghi-20241021.html', '2024-10-21T00:00:00+07:00'],
    ['https://x.vn/20241021/hoi-nghi.htm', '2024-10-21T00:00:00+07:00'],
  ])('reads %s', (url, iso) => {
    expect(dateFromUrl(url)).toBe(iso);
  });

  it.each([['https://x.vn/tin-tuc/hoi-nghi-20241341.html'], ['https://x.vn/tin-tuc/post391524.html'], ['not a url']])(
    'finds nothing in %s',
    (url) => {
      expect(dateFromUrl(url)).toBeNull();
    },
  );
});

const BODY =
  '<p>Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ quý III, chỉ ra những hạn chế cần khắc phục và thống nhất phương hướng, nhiệm vụ trọng tâm trong quý IV năm 2024 của toàn khối.</p>';

function page(head: string, body: string): string {
  return `<html><head><title>Hội nghị giao ban quý III</title>${head}</head><body>${body}</body></html>`;
}

function dates(
  html: string,
  url = 'https://x.gov.vn/tin-tuc/2024/09/30/hoi-nghi-giao-ban/',
): Pick<Article, 'publishedAt' | 'modifiedAt' | 'dateSource'> {
  const r = parse(html, url);
  if (isNotArticle(r)) throw new Error(r.detail);
  return { publishedAt: r.publishedAt, modifiedAt: r.modifiedAt, dateSource: r.dateSource };
}

describe('sources in order of trust', () => {
  const ld =
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-10-03T08:45:12+07:00","dateModified":"2024-10-04T10:02:33+07:00"}</script>';
  const meta =
    '<meta property="article:published_time" content="2024-10-03T09:00:00+07:00"><meta property="article:modified_time" content="2024-10-05T09:00:00+07:00">';
  const time = '<time datetime="2024-10-03T10:00:00+07:00">03/10/2024</time>';
  const dateline = '<div class="date">Ngày đăng: 03/10/2024 11:00</div>';
  const h1 = '<h1>Hội nghị giao ban quý III</h1>';

  it('JSON-LD first', () => {
    expect(dates(page(ld + meta, h1 + time + dateline + BODY))).toEqual({
      publishedAt: '2024-10-03T08:45:12+07:00',
      modifiedAt: '2024-10-04T10:02:33+07:00',
      dateSource: 'json-ld',
    });
  });

  it('then meta (article:published_time, itemprop, dc.date)', () => {
    expect(dates(page(meta, h1 + time + dateline + BODY))).toMatchObject({
      publishedAt: '2024-10-03T09:00:00+07:00',
      dateSource: 'meta',
    });
    const itemprop = '<meta itemprop="datePublished" content="2024-10-03T09:30:00+07:00">';
    expect(dates(page(itemprop, h1 + BODY))).toMatchObject({
      publishedAt: '2024-10-03T09:30:00+07:00',
      dateSource: 'meta',
    });
    const dc = '<meta name="DC.date.issued" content="2024-10-03">';
    expect(dates(page(dc, h1 + BODY))).toMatchObject({ publishedAt: '2024-10-03T00:00:00+07:00', dateSource: 'meta' });
  });

  it('then <time datetime>', () => {
    expect(dates(page('', h1 + time + dateline + BODY))).toMatchObject({
      publishedAt: '2024-10-03T10:00:00+07:00',
      dateSource: 'time',
    });
  });

  it('then the visible dateline', () => {
    expect(dates(page('', h1 + dateline + BODY))).toMatchObject({
      publishedAt: '2024-10-03T11:00:00+07:00',
      dateSource: 'dateline',
    });
  });

  it('then the URL', () => {
    expect(dates(page('', h1 + BODY))).toEqual({
      publishedAt: '2024-09-30T00:00:00+07:00',
      modifiedAt: null,
      dateSource: 'url',
    });
  });

  it('takes modifiedAt from a "Cập nhật" dateline and from <time class="updated">', () => {
    expect(
      dates(
        page(
          ld.replace(/,"dateModified":"[^"]+"/, ''),
          `${h1}<div class="meta">Cập nhật: 05/10/2024 07:30</div>${BODY}`,
        ),
      ),
    ).toMatchObject({
      publishedAt: '2024-10-03T08:45:12+07:00',
      modifiedAt: '2024-10-05T07:30:00+07:00',
    });
    const updated =
      '<time class="entry-date published" datetime="2024-10-03T10:00:00+07:00">3/10</time><time class="updated" datetime="2024-10-06T10:00:00+07:00">6/10</time>';
    expect(dates(page('', h1 + updated + BODY))).toMatchObject({
      publishedAt: '2024-10-03T10:00:00+07:00',
      modifiedAt: '2024-10-06T10:00:00+07:00',
    });
  });

  it('uses an "updated" dateline for both dates when it is the only one', () => {
    expect(dates(page('', `${h1}<p class="time">Cập nhật lúc 14:05 ngày 03/06/2024</p>${BODY}`))).toEqual({
      publishedAt: '2024-06-03T14:05:00+07:00',
      modifiedAt: '2024-06-03T14:05:00+07:00',
      dateSource: 'dateline',
    });
  });

  it("ignores today's date in the site header and dates in related-news lists", () => {
    const header =
      '<div id="header"><div class="today">Thứ Tư, 23/10/2024</div><div class="clock">Thứ Tư, 23/10/2024</div></div>';
    const related = '<div class="tin-khac"><a href="/a">Hội nghị triển khai nhiệm vụ năm 2025</a> (22/10/2024)</div>';
    expect(dates(page('', header + h1 + BODY + related), 'https://x.gov.vn/tin-tuc/hoi-nghi-123.html')).toEqual({
      publishedAt: null,
      modifiedAt: null,
      dateSource: null,
    });
  });

  it('does not take a date mentioned in the body for the dateline', () => {
    const body =
      '<p>Thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư, Đảng ủy xã đã xây dựng kế hoạch, tổ chức quán triệt đến toàn thể cán bộ, đảng viên và nhân dân trên địa bàn.</p>';
    expect(dates(page('', h1 + body + BODY), 'https://x.gov.vn/tin-tuc/hoi-nghi-123.html').publishedAt).toBeNull();
  });
});
