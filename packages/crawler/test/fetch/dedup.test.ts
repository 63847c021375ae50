import { describe, expect, it } from '@jest/globals';
import {
  contentHash,
  decodeSignature,
  encodeSignature,
  estimateJaccard,
  generateArticle,
  MemoryDedupIndex,
  minhashSignature,
  pageBodyText,
  pageMainText,
  shingleJaccard,
} from '../../src/fetch/index.js';

const page = (body: string, chrome = 'Báo A') =>
  `<html><head><title>x</title><style>p{}</style></head><body><header><nav>${chrome} | Trang chủ</nav></header>${body}<footer><p>Bản quyền thuộc ${chrome}, ghi rõ nguồn khi phát hành lại thông tin.</p></footer><script>var x=1</script></body></html>`;
const paragraphs = generateArticle(5)
  .paragraphs.map((p) => `<p>${p}</p>`)
  .join('');

describe('page text and content hash', () => {
  it('normalises text: entities, NFC, whitespace, no scripts or styles', () => {
    const decomposed = 'Vie\u0323\u0302t Nam'; // "Việt" written with combining marks
    const text = pageBodyText(
      `<body><p>Đoàn&nbsp;kiểm   tra &amp; ${decomposed}</p><script>alert(1)</script><!-- c --><p>&#7857;&agrave;</p></body>`,
    );
    expect(text).toBe('Đoàn kiểm tra & Việt Nam\nằà');
  });

  it('gives equal hashes for equal text under different markup, different hashes otherwise', () => {
    const a = contentHash('<body><div class="x"><p>Hội nghị   tổng kết</p></div></body>');
    const b = contentHash('<body>\n<p>Hội nghị tổng kết</p>\n</body>');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('<body><p>Hội nghị sơ kết</p></body>')).not.toBe(a);
  });

  it('takes the main text from paragraphs outside header, footer, nav and aside', () => {
    const main = pageMainText(page(paragraphs));
    expect(main).toContain(generateArticle(5).paragraphs[0]!);
    expect(main).not.toContain('Bản quyền');
    expect(main).not.toContain('Trang chủ');
  });
});

describe('near-duplicate detection', () => {
  it('estimates Jaccard similarity close to the exact value', () => {
    const a = generateArticle(11).paragraphs.join(' ');
    const b = `Theo Báo tỉnh: ${a} Ảnh: Phóng viên.`;
    const c = generateArticle(12).paragraphs.join(' ');
    const estimated = estimateJaccard(minhashSignature(a), minhashSignature(b));
    expect(Math.abs(estimated - shingleJaccard(a, b))).toBeLessThan(0.15);
    expect(estimated).toBeGreaterThan(0.8);
    expect(estimateJaccard(minhashSignature(a), minhashSignature(c))).toBeLessThan(0.6);
  });

  it('finds the same article republished on another portal, and not a different article', async () => {
    const index = new MemoryDedupIndex();
    const original = page(paragraphs, 'Báo Điện Biên Phủ');
    const republished = page(
      `<p>Theo Báo Điện Biên Phủ, bản tin được đăng lại để cán bộ, nhân dân trong huyện được biết.</p>${paragraphs}`,
      'Cổng TTĐT huyện',
    );
    const other = page(
      generateArticle(6)
        .paragraphs.map((p) => `<p>${p}</p>`)
        .join(''),
      'Báo Điện Biên Phủ',
    );
    const entry = (url: string, html: string) => ({
      canonicalUrl: url,
      contentHash: contentHash(html),
      signature: minhashSignature(pageMainText(html)),
    });
    expect(await index.checkAndAdd(entry('https://baodienbienphu.info.vn/a-12345.html', original))).toBeNull();
    expect(await index.checkAndAdd(entry('https://dienbiendong.dienbien.gov.vn/tin-99.html', other))).toBeNull();
    const match = await index.checkAndAdd(entry('https://muongnhe.dienbien.gov.vn/tin-1.html', republished));
    expect(match).toMatchObject({ kind: 'near', url: 'https://baodienbienphu.info.vn/a-12345.html' });
    expect(match!.similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('matches by canonical URL and by content hash first', async () => {
    const index = new MemoryDedupIndex();
    const sig = minhashSignature('một hai ba bốn năm');
    await index.checkAndAdd({ canonicalUrl: 'https://x.vn/a', contentHash: 'h1', signature: sig });
    expect(await index.checkAndAdd({ canonicalUrl: 'https://x.vn/a', contentHash: 'h9', signature: sig })).toEqual({
      kind: 'url',
      url: 'https://x.vn/a',
      similarity: 1,
    });
    expect(
      await index.checkAndAdd({ canonicalUrl: 'https://x.vn/b', contentHash: 'h1', signature: sig }),
    ).toMatchObject({
      kind: 'content',
      url: 'https://x.vn/a',
    });
    expect(index.size).toBe(1);
  });

  it('does not treat two empty pages as near-duplicates', async () => {
    const index = new MemoryDedupIndex();
    await index.checkAndAdd({ canonicalUrl: 'https://x.vn/a', contentHash: 'h1', signature: minhashSignature('') });
    expect(
      await index.checkAndAdd({ canonicalUrl: 'https://x.vn/b', contentHash: 'h2', signature: minhashSignature('') }),
    ).toBeNull();
  });

  it('round-trips signatures through base64 for storage', () => {
    const sig = minhashSignature(generateArticle(3).paragraphs.join(' '));
    expect(decodeSignature(encodeSignature(sig))).toEqual(sig);
    expect(() => decodeSignature('AAA')).toThrow(RangeError);
  });
});
