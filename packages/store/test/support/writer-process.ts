// A separate OS process that writes one run over a shared set of articles (multi-process writer test).
// Usage: node --import tsx writer-process.ts DB_URL ARTICLES [SCHEMA]
import { openStore } from '../../src/index.js';
import { EXTRACTOR, makeArticle, makeEvent, makeResult } from './builders.js';

const [url, n = '40', schema] = process.argv.slice(2);
if (!url) throw new Error('usage: writer-process.ts DB_URL ARTICLES [SCHEMA]');
const store = await openStore(schema ? { url, schema } : { url });
try {
  const run = await store.startRun({ extractor: EXTRACTOR, params: { pid: process.pid } });
  const items = [];
  for (let i = 0; i < Number(n); i++) {
    const article = makeArticle({
      url: `https://baolaichau.vn/tin-${i}.html`,
      title: `Kiểm tra số ${i}`,
      paragraphs: [`Đồng chí Giàng Páo Mỷ, Bí thư Tỉnh ủy kiểm tra Huyện ủy Tam Đường lần ${i} theo Chỉ thị 05-CT/TW.`],
    });
    const text = [article.title, ...article.paragraphs].join('\n\n');
    const id = await store.saveArticle(null, article);
    const result = makeResult(article, text, [
      makeEvent(text, {
        lead: { name: /Giàng Páo Mỷ/, title: 'Bí thư Tỉnh ủy' },
        leadUnit: /Tỉnh ủy/,
        targets: [/Huyện ủy Tam Đường/],
        province: 'Lai Châu',
        directives: [{ ref: '05-CT/TW', at: /05-CT\/TW/ }],
      }),
    ]);
    items.push({ articleId: id, result });
    if (items.length === 10) {
      await store.saveExtractions(run, items.splice(0));
    }
  }
  if (items.length) await store.saveExtractions(run, items);
  await store.finishRun(run, { articles: Number(n), events: Number(n), errors: 0 });
  process.stdout.write(`run ${run}\n`);
} finally {
  await store.close();
}
