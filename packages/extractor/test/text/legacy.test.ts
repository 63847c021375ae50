import { describe, expect, it } from '@jest/globals';
import { decodeLegacy, encodeLegacy, type LegacyEncoding, normalise, scoreLine } from '../../src/text/index.js';
import { TCVN3_TABLE } from '../../src/text/legacy/tcvn3-table.js';
import { VNI_PAIRS, VNI_SINGLES } from '../../src/text/legacy/vni-table.js';

// Sentences written for these tests in the register of the corpus (no capital toned letters: TCVN3 has none).
const SENTENCES = [
  'Đoàn kiểm tra của Ban Dân vận Trung ương làm việc với huyện Đầm Hà về việc thực hiện Kết luận số 114-KL/TW.',
  'Sáng 04/4, Ban Dân vận Tỉnh ủy phối hợp với Thường trực Thành ủy tổ chức hội nghị giao ban công tác dân vận quý I.',
  'Huyện đã vận động Nhân dân hiến đất phục vụ 56 dự án với tổng diện tích 83,2ha, ước giá trị trên 110 tỷ đồng.',
  'Việc triển khai thực hiện phong trào thi đua “Dân vận khéo” chưa sâu rộng; còn một số vụ việc tồn đọng kéo dài.',
  'Đồng chí đề nghị: tiếp tục củng cố, kiện toàn, xây dựng đội ngũ cán bộ làm công tác dân vận có năng lực, phẩm chất.',
  'Ông cũng chỉ ra những tồn tại, hạn chế và nguyên nhân của những hạn chế trong việc lãnh, chỉ đạo thực hiện quy chế.',
];

describe('legacy tables', () => {
  it('TCVN3 covers every lower-case Vietnamese letter and the seven capitals Ă Â Ê Ô Ơ Ư Đ, each once', () => {
    const letters = TCVN3_TABLE.map(([, ch]) => ch);
    expect(new Set(letters).size).toBe(letters.length);
    expect(letters).toHaveLength(74);
    for (const ch of 'ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĂÂÊÔƠƯĐ') {
      expect(letters).toContain(ch);
    }
  });

  it('VNI gives every toned or modified vowel one sequence', () => {
    const results = [...VNI_PAIRS.map(([, , r]) => r), ...VNI_SINGLES.map(([, r]) => r)];
    expect(new Set(results).size).toBe(results.length);
    expect(results).toHaveLength(67); // 12 vowels × 5 tones + ă â ê ô ơ ư + đ
  });

  it('decodes the examples of the issue', () => {
    expect(decodeLegacy('Uû ban nh©n d©n', 'tcvn3')).toBe('Uỷ ban nhân dân');
    expect(decodeLegacy('chaøo', 'vni')).toBe('chào');
    expect(decodeLegacy('Vieät Nam', 'vni')).toBe('Việt Nam');
    expect(decodeLegacy('Vie^.t Nam', 'viqr')).toBe('Việt Nam');
  });

  it('decodes VNI longest match first: "öôï" is ượ, not ư + ơ + ï', () => {
    expect(decodeLegacy('ñöôïc', 'vni')).toBe('được');
    expect(decodeLegacy('NGÖÔØI', 'vni')).toBe('NGƯỜI');
  });

  it('reads VIQR ? and . at a word end as tones only when the sentence goes on in lower case', () => {
    expect(decodeLegacy('Ha` No^.i la` thu? ddo^ cu?a Vie^.t Nam.', 'viqr')).toBe('Hà Nội là thủ đô của Việt Nam.');
    expect(decodeLegacy('Co' + "'" + ' kho^ng? Kho^ng.', 'viqr')).toBe('Có không? Không.');
    expect(decodeLegacy('ba\\. Xong', 'viqr')).toBe('ba. Xong');
  });
});

describe('legacy round trips through normalise', () => {
  const cases: LegacyEncoding[] = ['tcvn3', 'vni', 'viqr'];
  for (const enc of cases) {
    it(`${enc}: encode with our table, normalise decodes and flags it`, () => {
      for (const s of SENTENCES) {
        const encoded = encodeLegacy(s, enc);
        expect(encoded).not.toBe(s);
        expect(normalise(encoded)).toEqual({ text: s, conversion: enc });
      }
    });
  }

  it('tcvn3: a whole article (lines with little evidence convert thanks to the rest of the document)', () => {
    const article = ['Hà Nội', ...SENTENCES, 'Tin, ảnh: Quang Long'].join('\n\n');
    const encoded = encodeLegacy(article, 'tcvn3');
    expect(encoded.startsWith('Hµ Néi\n')).toBe(true); // one strong word only: not enough on its own
    expect(normalise('Hµ Néi').conversion).toBe('none');
    expect(normalise(encoded)).toEqual({ text: article, conversion: 'tcvn3' });
  });

  it('tcvn3 has no capital toned letters: they come back in lower case (the .VnTimeH convention)', () => {
    expect(normalise(encodeLegacy('Ủy ban nhân dân huyện Mường Ảng', 'tcvn3')).text).toBe(
      'ủy ban nhân dân huyện Mường ảng',
    );
  });

  it('keeps Unicode lines of a page whose body is TCVN3 (a .VnTime body in a Unicode template)', () => {
    const page = `Trang chủ | Tin tức\n${encodeLegacy(SENTENCES[0]!, 'tcvn3')}\n${encodeLegacy(SENTENCES[2]!, 'tcvn3')}`;
    expect(normalise(page).text).toBe(`Trang chủ | Tin tức\n${SENTENCES[0]}\n${SENTENCES[2]}`);
  });
});

describe('legacy detection never converts ordinary text', () => {
  const unchanged = [
    'Đồng chí Nguyễn Tiến Đạt, Bí thư Huyện ủy, Chủ tịch HĐND huyện Mường Ảng làm rõ một số kết quả.',
    'Tôi có',
    'Tin khác',
    'Back To Top',
    'Tiếng Việt | English',
    'Copyright © 2024 Báo Điện Biên Phủ. All rights reserved.',
    'Copyright © 2024 The Provincial Times. All rights reserved.',
    '© Bản quyền thuộc về Ban Dân vận Tỉnh ủy',
    '¬p ∧ q',
    'Brand® and Product© are trademarks ¬ registered',
    'Size: 2µm, 1ª edição, 3×4 = 12, 10 ÷ 2',
    'The café served a naïve crème brûlée; Zoë and Raúl ordered piña colada in São Paulo.',
    "I'm at 9 a.m. today, e.g. with Dr. O'Neil; we're fine? Yes.",
    'Søren Kierkegaard, Bjørn, Ærø, Guðmundsson',
    'C++ and a+b, f(a) ^ g(b)',
    'x = a^2 + b^2 ; y = (a+b)^2',
    'hoà, hoá, toà án, xoá đói',
  ];
  for (const s of unchanged) {
    it(JSON.stringify(s), () => {
      const r = normalise(s);
      expect(r.conversion).toBe('none');
      expect(r.text).toBe(s);
    });
  }

  it('scores real Vietnamese Unicode as impossible for every legacy encoding', () => {
    const line =
      'Sau hơn 2 năm thực hiện quy chế, công tác dân vận trên địa bàn huyện đã có nhiều chuyển biến tích cực.';
    for (const enc of ['tcvn3', 'vni', 'viqr'] as const) expect(scoreLine(line, enc)).toBeNull();
  });
});

describe('legacy detection in a mostly-TCVN3 document', () => {
  it('leaves a Unicode line alone even when its letters are TCVN3 codes too ("khác" would read "khỏc")', () => {
    const page = `${encodeLegacy(SENTENCES[0]!, 'tcvn3')}\n${encodeLegacy(SENTENCES[2]!, 'tcvn3')}\nTin khác\nHµ Néi`;
    expect(normalise(page)).toEqual({
      text: `${SENTENCES[0]}\n${SENTENCES[2]}\nTin khác\nHà Nội`,
      conversion: 'tcvn3',
    });
  });
});
