import { describe, expect, it } from '@jest/globals';
import { compileTextQuery, tsvectorLiteral } from '../src/fts.js';
import {
  decodeCursor,
  directiveAliasKey,
  directiveKey,
  encodeCursor,
  foldKey,
  foldText,
  nameForm,
  placeKey,
  StoreUsageError,
  samePersonScore,
} from '../src/index.js';

describe('folding and keys', () => {
  it('folds Vietnamese diacritics with đ = d and strips administrative words from place keys', () => {
    expect(foldText('Đặng Hữu Ngọ – Điện Biên')).toBe('dang huu ngo – dien bien');
    expect(foldKey('  Ban Dân vận, Trung ương! ')).toBe('ban dan van trung uong');
    expect(placeKey('Tỉnh Điện Biên')).toBe('dien bien');
    expect(placeKey('TP. Hồ Chí Minh')).toBe('ho chi minh');
    expect(placeKey('xã Lũng Cú')).toBe('lung cu');
    expect(placeKey('  ')).toBeNull();
  });

  it('gives directive references one canonical key: spaces dropped, case folded, TƯ = TW', () => {
    for (const r of ['114-KL/TW', '114-KL/TƯ', '114 - kl/tw', '114-KL/Tư']) expect(directiveKey(r)).toBe('114-KL/TW');
    expect(directiveKey('06-ĐA/TU')).toBe('06-DA/TU');
    expect(directiveKey('06-ĐA/TU')).not.toBe(directiveKey('06-ĐA/TƯ'));
    expect(directiveKey('12/2020/NĐ-CP')).toBe('12/2020/ND-CP');
    expect(directiveAliasKey('Kết luận  114')).toBe('ket luan 114');
  });

  it('compiles full-text queries for FTS5 and tsquery from folded words and phrases', () => {
    expect(compileTextQuery('sqlite', '"Kiểm tra" Mường Ảng')).toBe('"kiem tra" AND "muong" AND "ang"');
    expect(compileTextQuery('postgres', '"Kiểm tra" Mường Ảng')).toBe("('kiem' <-> 'tra') & 'muong' & 'ang'");
    expect(compileTextQuery('postgres', `a'b OR "x`)).toBe("'a' & 'b' & 'or' & 'x'");
    expect(tsvectorLiteral('Kiểm tra, kiểm soát: Đảng ủy')).toBe("'kiem':1,3 'tra':2 'soat':4 'dang':5 'uy':6");
    expect(compileTextQuery('sqlite', '  ')).toBeNull();
  });

  it('round-trips cursors and rejects forged ones', () => {
    const c = encodeCursor({ sortDate: '2024-10-20', id: 42 });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual({ sortDate: '2024-10-20', id: 42 });
    expect(() => decodeCursor('eyJ4Ijox')).toThrow(StoreUsageError);
  });
});

describe('same person', () => {
  const score = (a: string, b: string) => samePersonScore(nameForm(a), nameForm(b));

  it('joins spellings that differ by diacritics, case, spacing or a middle name', () => {
    expect(score('Đặng Hữu Ngọ', 'Dang Huu Ngo')).toBeGreaterThan(0.9);
    expect(score('Phạm Văn Bốn', 'PHẠM  VĂN BỐN')).toBe(1);
    expect(score('Đặng Hữu Ngọ', 'Đặng Hũu Ngọ')).toBeGreaterThan(0.9);
    expect(score('Nguyễn Thị Thu Hà', 'Nguyễn Thu Hà')).toBeGreaterThan(0.9);
  });

  it('keeps apart people whose given or family names differ', () => {
    expect(score('Nguyễn Văn An', 'Nguyễn Văn Anh')).toBe(0);
    expect(score('Nguyễn Văn Hùng', 'Nguyễn Văn Hưng')).toBe(0);
    expect(score('Lê Thị Thu Hà', 'Lê Thị Thu Hằng')).toBe(0);
    expect(score('Trần Văn Nam', 'Phạm Văn Nam')).toBe(0);
    expect(score('Ngọ', 'Ngo')).toBe(0);
  });

  it('joins a diacritic-less given name with either diacritic spelling', () => {
    expect(score('Nguyen Van Hung', 'Nguyễn Văn Hùng')).toBeGreaterThan(0.9);
    expect(score('Nguyen Van Hung', 'Nguyễn Văn Hưng')).toBeGreaterThan(0.9);
  });
});
