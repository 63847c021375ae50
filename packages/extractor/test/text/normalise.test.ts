import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { normalise } from '../../src/text/index.js';

// iconv-lite is a dependency of the crawler (which decodes pages); the test borrows it to make real windows-1258 text.
const require = createRequire(import.meta.url);
const iconv = require('../../../crawler/node_modules/iconv-lite') as {
  decode(bytes: Buffer, encoding: string): string;
  encode(text: string, encoding: string): Buffer;
};

describe('normalise: white space and invisible characters', () => {
  it('folds runs of spaces and tabs, strips spaces at line ends and paragraph starts', () => {
    const raw = '  Bên cạnh những kết quả đạt được,\t huyện Mường Ảng  \nTin, ảnh:   Quang Long \t';
    expect(normalise(raw).text).toBe('Bên cạnh những kết quả đạt được, huyện Mường Ảng\nTin, ảnh: Quang Long');
  });

  it('turns 3+ newlines (and blank lines holding only spaces) into one blank line; keeps single newlines', () => {
    const raw = 'Toàn cảnh hội nghị\n\n \n\n\nTuy nhiên, việc cụ thể hóa\nTin khác\n\n';
    expect(normalise(raw).text).toBe('Toàn cảnh hội nghị\n\nTuy nhiên, việc cụ thể hóa\nTin khác');
  });

  it('maps CR LF, CR, U+2028 and U+2029 to line feeds', () => {
    expect(normalise('a\r\nb\rc\u2028d\u2029e').text).toBe('a\nb\nc\nd\n\ne');
  });

  it('turns no-break and narrow no-break spaces into spaces (the corpus has "Thanh Phú\\u00a0")', () => {
    expect(normalise('Thanh Phú\u00a0\n\n\u00a0 • Từ khóa').text).toBe('Thanh Phú\n\n• Từ khóa');
    expect(normalise('20\u202f000 ngày công').text).toBe('20 000 ngày công');
  });

  it('removes zero-width characters, the byte order mark and soft hyphens', () => {
    expect(normalise('\ufeffKết\u200b luận\u200c 114\u200d-KL/TW về dân\u00advận').text).toBe(
      'Kết luận 114-KL/TW về dânvận',
    );
  });

  it('gives back the Windows-1252 character for a C1 control (Windows-1252 read as ISO-8859-1)', () => {
    expect(normalise('phong trào \u0093Dân vận khéo\u0094 \u0096 2024\u0085').text).toBe(
      'phong trào “Dân vận khéo” – 2024…',
    );
  });
});

describe('normalise: punctuation the spans quote', () => {
  it('keeps typographic quotes as written', () => {
    const s = 'phong trào thi đua “Dân vận khéo” chưa sâu rộng; ‘a’ «b» "c"';
    expect(normalise(s).text).toBe(s);
  });

  it('keeps en and em dashes, maps hyphen-like characters to "-"', () => {
    expect(normalise('giai đoạn 2023 – 2025 — tỉnh').text).toBe('giai đoạn 2023 – 2025 — tỉnh');
    expect(normalise('114\u2010KL/TW, 06\u2011ĐA/TU, 12\u2012QĐ, \u22125, x\u2015y').text).toBe(
      '114-KL/TW, 06-ĐA/TU, 12-QĐ, -5, x—y',
    );
  });

  it('writes Ð and Ɖ as Đ, and ð as đ at the start of a word only', () => {
    expect(normalise('Ðoàn kiểm tra, HÐND huyện, Ɖảng').text).toBe('Đoàn kiểm tra, HĐND huyện, Đảng');
    expect(normalise('ðồng chí Guðmundsson').text).toBe('đồng chí Guðmundsson');
  });
});

describe('normalise: Unicode forms', () => {
  it('composes decomposed text (NFD) and flags it "decomposed"', () => {
    const nfd = 'Ban Dân vận Tỉnh ủy Bắc Kạn'.normalize('NFD');
    expect(nfd).not.toBe('Ban Dân vận Tỉnh ủy Bắc Kạn');
    expect(normalise(nfd)).toEqual({ text: 'Ban Dân vận Tỉnh ủy Bắc Kạn', conversion: 'decomposed' });
  });

  it('composes windows-1258 text decoded by iconv-lite (base letters + combining tones) and flags it', () => {
    const sentence = 'Đoàn giám sát làm việc với huyện Đầm Hà về kết quả 10 năm thực hiện Quyết định số 290-QĐ/TW.';
    // windows-1258 has the letters â ê ô ơ ư ă đ but no toned letters: a tone is a combining mark after its vowel.
    const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    const cp1258Form = sentence.normalize('NFD').replace(/(\p{L})(\p{M}*)/gu, (_m, base: string, marks: string) => {
      const tones = [...marks].filter((m) => TONES.includes(m)).join('');
      const others = [...marks].filter((m) => !TONES.includes(m)).join('');
      return (base + others).normalize('NFC') + tones;
    });
    const bytes = iconv.encode(cp1258Form, 'windows1258');
    expect(bytes.includes(0x3f)).toBe(false); // every character had a code (no "?" substitutes)
    const decoded = iconv.decode(bytes, 'windows1258');
    expect(decoded).toBe(cp1258Form);
    expect(decoded).not.toBe(sentence);
    expect(decoded.normalize('NFC')).toBe(sentence);
    expect(normalise(decoded)).toEqual({ text: sentence, conversion: 'decomposed' });
  });

  it('leaves NFC Vietnamese untouched and flags it "none"', () => {
    const s = 'Đồng chí Nguyễn Tiến Đạt, Bí thư Huyện ủy, Chủ tịch HĐND huyện Mường Ảng làm rõ một số kết quả.';
    expect(normalise(s)).toEqual({ text: s, conversion: 'none' });
  });

  it('composes a mark that a zero-width character kept apart', () => {
    expect(normalise('Vie\u0302\u200b\u0323t').text).toBe('Việt');
  });
});

describe('normalise: idempotence on real phrasing', () => {
  const samples = [
    'Thứ 4, 11.09.2019 | 18:11:27\n65 lượt xem\n\n\u00a0',
    'Bài trướcNâng cao chất lượng, hiệu quả công tác tuyên giáo\nBài tiếp theoHội nghị Ban Thường vụ',
    '  \u00a0La Hương Thiệp, Ban Dân vận Tỉnh ủy\u00a0\n\n\n\n',
    'Uû ban nh©n d©n tØnh Hµ Giang\n\nHµ Néi',
    'n\u00adh©n d©n x\u00adxx',
  ];
  for (const s of samples) {
    it(`normalise(normalise(x)) === normalise(x) for ${JSON.stringify(s.slice(0, 30))}`, () => {
      const once = normalise(s).text;
      expect(normalise(once).text).toBe(once);
    });
  }
});

describe('normalise: stable when composition creates what a later step looks for', () => {
  it.each([
    ['VNI-like pairs made by NFC', 'Xin chau\u0300o cau\u0300c bau\u0300n, Vie\u0308\u0308t'],
    ['space runs made by removals', 'a \u200b b\u00a0\u00a0c'],
    ['dd made by a removal', 'd\u200bdi la\u0300m vie^.c'],
  ])('%s', (_name, raw) => {
    const once = normalise(raw).text;
    expect(normalise(once).text).toBe(once);
  });
});
