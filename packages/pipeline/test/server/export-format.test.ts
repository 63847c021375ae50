import { describe, expect, it } from '@jest/globals';
import { CSV_COLUMNS, csvField, csvHeader } from '../../src/server/index.js';
import { monthRange } from '../../src/server/trends.js';

describe('CSV fields', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('Ban Dân vận, Tỉnh ủy')).toBe('"Ban Dân vận, Tỉnh ủy"');
    expect(csvField('đồng chí "Ngọ"')).toBe('"đồng chí ""Ngọ"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.95)).toBe('0.95');
  });

  it('defuses article text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    for (const s of ['+1', '-2+3', '@SUM(A1)', '\tcmd'])
      expect(csvField(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvField('114-KL/TW')).toBe('114-KL/TW');
  });

  it('starts with a byte order mark and names every column once', () => {
    expect(csvHeader()).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    expect(new Set(CSV_COLUMNS).size).toBe(CSV_COLUMNS.length);
  });
});

describe('monthRange', () => {
  it('fills the months between the first and the last, across years', () => {
    expect(monthRange(['2024-02', '2023-11'])).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthRange([])).toEqual([]);
    expect(monthRange(['2024-05'])).toEqual(['2024-05']);
  });
});
