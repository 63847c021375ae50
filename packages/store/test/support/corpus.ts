import type { Article, ExtractionResult } from '@vnevents/schema';
import type { Place, PlaceResolver } from '../../src/index.js';
import { makeArticle, makeEvent, makeResult } from './builders.js';

/** A tiny gazetteer for tests: Hà Giang merged into Tuyên Quang in 2025; districts were abolished. */
const NEW_PROVINCE: Record<string, string> = {
  'Hà Giang': 'Tuyên Quang',
  'Tuyên Quang': 'Tuyên Quang',
  'Điện Biên': 'Điện Biên',
  'Quảng Ninh': 'Quảng Ninh',
};

export const testPlaceResolver: PlaceResolver = (w) => {
  const old: Place = { ...w };
  const nu: Place = {
    province: w.province ? (NEW_PROVINCE[w.province] ?? w.province) : null,
    district: null,
    commune: w.commune,
  };
  return { old, new: nu };
};

export interface Doc {
  article: Article;
  text: string;
  result: ExtractionResult;
}

function doc(
  over: Partial<Article>,
  paragraphs: string[],
  events: (text: string) => ReturnType<typeof makeEvent>[],
): Doc {
  const article = makeArticle({ ...over, paragraphs });
  const text = [article.title, ...paragraphs].join('\n\n');
  return { article, text, result: makeResult(article, text, events(text)) };
}

/** Five articles covering the filters: eras, spellings, directive forms, event types. */
export function corpus(): Doc[] {
  const dienBien = doc(
    { title: 'Ban Dân vận Trung ương kiểm tra tại Mường Ảng', site: 'baodienbienphu.info.vn' },
    [
      'Ngày 20/10, Đoàn kiểm tra của Ban Dân vận Trung ương do đồng chí Đặng Hữu Ngọ, Vụ trưởng Vụ Dân tộc làm trưởng đoàn đã làm việc với Ban Thường vụ Huyện ủy Mường Ảng về việc thực hiện Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.',
      'Huyện đã vận động nhân dân hiến đất làm 56 dự án đường giao thông nông thôn. Công tác tuyên truyền ở một số xã còn hạn chế. Đồng chí Đặng Hữu Ngọ đề nghị huyện tiếp tục quan tâm công tác dân vận. Huyện kiến nghị Trung ương hỗ trợ kinh phí.',
    ],
    (t) => [
      makeEvent(t, {
        type: 'inspection',
        date: '2024-10-20',
        lead: { name: /Đặng Hữu Ngọ/, title: 'Vụ trưởng Vụ Dân tộc' },
        officials: [{ name: /Đặng Hữu Ngọ/, title: 'Vụ trưởng Vụ Dân tộc', role: 'lead' }],
        leadUnit: /Ban Dân vận Trung ương(?=\s+do)/,
        targets: [/Ban Thường vụ Huyện ủy Mường Ảng/],
        province: 'Điện Biên',
        district: 'Mường Ảng',
        directives: [
          {
            ref: '114-KL/TW',
            at: /114-KL\/TW/,
            aliases: ['Kết luận 114'],
            title: 'về nâng cao hiệu quả công tác dân vận',
          },
        ],
        results: [
          {
            at: /Huyện đã vận động nhân dân hiến đất làm 56 dự án đường giao thông nông thôn\./,
            metric: { at: /56 dự án/, value: 56, unit: 'dự án' },
          },
        ],
        limitations: [/Công tác tuyên truyền ở một số xã còn hạn chế\./],
        recommendations: [/Đồng chí Đặng Hữu Ngọ đề nghị huyện tiếp tục quan tâm công tác dân vận\./],
        proposals: [/Huyện kiến nghị Trung ương hỗ trợ kinh phí\./],
        confidence: 0.9,
      }),
    ],
  );
  const haGiang = doc(
    { title: 'Giam sat tai Lung Cu', site: 'baohagiang.vn', publishedAt: '2023-03-06T08:00:00+07:00' },
    [
      'Ngày 5/3/2023, Đoàn giám sát của Tỉnh ủy Hà Giang do đồng chí Dang Huu Ngo dẫn đầu đã giám sát Đảng ủy xã Lũng Cú về thực hiện Kết luận 114-KL/TƯ.',
    ],
    (t) => [
      makeEvent(t, {
        type: 'supervision',
        date: '2023-03-05',
        lead: { name: /Dang Huu Ngo/, title: null },
        leadUnit: /Tỉnh ủy Hà Giang/,
        targets: [/Đảng ủy xã Lũng Cú/],
        province: 'Hà Giang',
        commune: 'Lũng Cú',
        directives: [{ ref: '114-KL/TƯ', at: /114-KL\/TƯ/, aliases: ['Kết luận 114'] }],
        confidence: 0.7,
      }),
    ],
  );
  const quangNinh1 = doc(
    { title: 'Sơ kết Nghị quyết 17', site: 'baoquangninh.vn', publishedAt: '2022-01-13T09:00:00+07:00' },
    [
      'Ngày 12/1/2022, đồng chí Phạm Văn Bốn, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị sơ kết Nghị quyết số 17-NQ/TU với Đảng ủy Khối doanh nghiệp.',
    ],
    (t) => [
      makeEvent(t, {
        type: 'review',
        date: '2022-01-12',
        lead: { name: /Phạm Văn Bốn/, title: 'Phó Bí thư Thường trực Tỉnh ủy' },
        targets: [/Đảng ủy Khối doanh nghiệp/],
        province: 'Quảng Ninh',
        directives: [{ ref: '17-NQ/TU', at: /17-NQ\/TU/, aliases: ['Nghị quyết 17'] }],
      }),
    ],
  );
  const quangNinh2 = doc(
    { title: 'Làm việc với huyện Đầm Hà', site: 'baoquangninh.vn', publishedAt: '2024-06-08T10:00:00+07:00' },
    [
      'Ngày 8/6/2024, đồng chí Phạm Văn Bốn, Bí thư Tỉnh ủy làm việc với Ban Thường vụ Huyện ủy Đầm Hà. Cùng dự có đồng chí Nguyễn Văn An và đồng chí Nguyễn Văn Anh.',
    ],
    (t) => [
      makeEvent(t, {
        type: 'working_session',
        date: null,
        lead: { name: /Phạm Văn Bốn/, title: 'Bí thư Tỉnh ủy' },
        officials: [
          { name: /Nguyễn Văn An(?!h)/, role: 'participant' },
          { name: /Nguyễn Văn Anh/, role: 'participant' },
        ],
        targets: [/Ban Thường vụ Huyện ủy Đầm Hà/],
        province: 'Quảng Ninh',
        district: 'Đầm Hà',
      }),
    ],
  );
  const sports = doc(
    { title: 'Giải bóng đá thiếu niên', site: 'baodienbienphu.info.vn' },
    ['Đội bóng xã Thanh Xương vô địch.'],
    () => [],
  );
  return [dienBien, haGiang, quangNinh1, quangNinh2, sports];
}
