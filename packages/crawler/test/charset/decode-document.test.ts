import { describe, expect, it } from '@jest/globals';
import {
  charsetFromContentType,
  decodeDocument,
  encodeTcvn3,
  encodeWindows1258,
  LEGACY_SAMPLE_TEXT,
  normalizeCharsetLabel,
  prescanDeclaredCharset,
  scoreVietnamese,
  sniffCharset,
} from '../../src/fetch/index.js';

// Byte sequences written from the code tables, independent of the encoders under test.
// TCVN3 (VN3): ộ=E9 ị=DE ệ=D6 ỉ=D8 ủ=F1 Đ=A7 ê=AA
const TCVN3_HOI_NGHI_VIET_TINH_UY_DIEN_BIEN = Buffer.from([
  0x48, 0xe9, 0x69, 0x20, 0x6e, 0x67, 0x68, 0xde, 0x20, 0x56, 0x69, 0xd6, 0x74, 0x20, 0x54, 0xd8, 0x6e, 0x68, 0x20,
  0xf1, 0x79, 0x20, 0xa7, 0x69, 0xd6, 0x6e, 0x20, 0x42, 0x69, 0xaa, 0x6e,
]);
// windows-1258: ê=EA + combining dot below F2; ơ=F5 + combining acute EC
const CP1258_VIET_NAM_MOI = Buffer.from([
  0x56, 0x69, 0xea, 0xf2, 0x74, 0x20, 0x4e, 0x61, 0x6d, 0x20, 0x6d, 0xf5, 0xec, 0x69,
]);

describe('charset labels', () => {
  it.each([
    ['UTF8', 'utf-8'],
    ['"utf-8"', 'utf-8'],
    ['cp1258', 'windows-1258'],
    ['TCVN5712-1', 'tcvn3'],
    ['x-viet-tcvn5712', 'tcvn3'],
    ['iso-8859-1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['shift_jis', 'shift_jis'],
    ['no-such-charset', null],
    ['', null],
  ])('%s → %s', (label, expected) => {
    expect(normalizeCharsetLabel(label)).toBe(expected);
  });

  it('reads the charset parameter of Content-Type', () => {
    expect(charsetFromContentType('text/html; charset="Windows-1258"')).toBe('Windows-1258');
    expect(charsetFromContentType('text/html')).toBeNull();
  });
});

describe('prescan of <meta> and XML declarations', () => {
  it('finds <meta charset>, http-equiv and the XML encoding, skipping comments', () => {
    expect(prescanDeclaredCharset(Buffer.from('<html><head><meta charset="tcvn3">'))).toEqual({
      label: 'tcvn3',
      source: 'meta',
    });
    expect(
      prescanDeclaredCharset(
        Buffer.from(
          '<!-- <meta charset="utf-8"> --><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1258">',
        ),
      ),
    ).toEqual({ label: 'windows-1258', source: 'meta' });
    expect(prescanDeclaredCharset(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>'))).toEqual({
      label: 'ISO-8859-1',
      source: 'xml-declaration',
    });
  });

  it('looks at the first 1024 bytes only', () => {
    const late = Buffer.from(`<html>${' '.repeat(1100)}<meta charset="windows-1258">`);
    expect(prescanDeclaredCharset(late)).toBeNull();
  });
});

describe('decodeDocument', () => {
  it('decodes hand-written TCVN3 bytes to Unicode (NFC) by sniffing', () => {
    const d = decodeDocument(TCVN3_HOI_NGHI_VIET_TINH_UY_DIEN_BIEN, { contentType: 'text/html' });
    expect(d).toMatchObject({ text: 'Hội nghị Việt Tỉnh ủy Điện Biên', charset: 'tcvn3', source: 'sniff' });
    expect(d.text).toBe(d.text.normalize('NFC'));
  });

  it('decodes hand-written windows-1258 bytes (combining tones) to NFC', () => {
    const d = decodeDocument(CP1258_VIET_NAM_MOI, { contentType: 'text/html; charset=windows-1258' });
    expect(d).toMatchObject({ text: 'Việt Nam mới', charset: 'windows-1258', source: 'header' });
    expect(d.text.length).toBe('Việt Nam mới'.length);
  });

  it('follows the order BOM → header → meta → site default → sniff', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1258">Việt')]);
    expect(decodeDocument(bom, { contentType: 'text/html; charset=tcvn3' })).toMatchObject({
      text: '<meta charset="windows-1258">Việt',
      source: 'bom',
    });
    const meta = Buffer.concat([Buffer.from('<meta charset="windows-1258">'), CP1258_VIET_NAM_MOI]);
    expect(decodeDocument(meta, { contentType: 'text/html' })).toMatchObject({
      charset: 'windows-1258',
      source: 'meta',
    });
    expect(decodeDocument(TCVN3_HOI_NGHI_VIET_TINH_UY_DIEN_BIEN, { defaultCharset: 'tcvn3' })).toMatchObject({
      source: 'site',
      text: 'Hội nghị Việt Tỉnh ủy Điện Biên',
    });
    expect(decodeDocument(Buffer.from('Đảng bộ tỉnh'))).toMatchObject({ charset: 'utf-8', source: 'sniff' });
  });

  it('re-sniffs a UTF-8 declaration on bytes that are not UTF-8', () => {
    const d = decodeDocument(encodeTcvn3(LEGACY_SAMPLE_TEXT), { contentType: 'text/html; charset=utf-8' });
    expect(d).toMatchObject({ text: LEGACY_SAMPLE_TEXT, charset: 'tcvn3', source: 'sniff', declared: 'utf-8' });
  });

  it('overrules a Latin-1 declaration on TCVN3 bytes, keeps it on real Latin-1 text', () => {
    const tcvn = Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), encodeTcvn3(LEGACY_SAMPLE_TEXT)]);
    expect(decodeDocument(tcvn)).toMatchObject({ charset: 'tcvn3', source: 'sniff', declared: 'windows-1252' });
    const latin = Buffer.from('<meta charset="iso-8859-1">Façade naïve über Straße', 'latin1');
    expect(decodeDocument(latin)).toMatchObject({
      text: '<meta charset="iso-8859-1">Façade naïve über Straße',
      source: 'meta',
    });
  });

  it('round-trips the sample through both legacy encoders', () => {
    expect(decodeDocument(encodeWindows1258(LEGACY_SAMPLE_TEXT)).text).toBe(LEGACY_SAMPLE_TEXT);
    expect(decodeDocument(encodeTcvn3(LEGACY_SAMPLE_TEXT)).text).toBe(LEGACY_SAMPLE_TEXT);
  });
});

describe('sniffing', () => {
  it('prefers valid UTF-8, even when a sample cuts a character', () => {
    const text = Buffer.from('Ủy ban nhân dân tỉnh '.repeat(20000));
    expect(sniffCharset(text)).toMatchObject({ charset: 'utf-8', reason: 'utf-8' });
  });

  it('tells windows-1258 from TCVN3', () => {
    expect(sniffCharset(encodeWindows1258(LEGACY_SAMPLE_TEXT)).charset).toBe('windows-1258');
    expect(sniffCharset(encodeTcvn3(LEGACY_SAMPLE_TEXT)).charset).toBe('tcvn3');
  });

  it('scores mis-decoded text as implausible', () => {
    expect(scoreVietnamese('Việt Nam')).toEqual({ plausible: 1, implausible: 0 });
    expect(scoreVietnamese('ViÖt Nam').implausible).toBeGreaterThan(0); // TCVN3 read as windows-1258
    expect(scoreVietnamese('Viờũt Nam').implausible).toBeGreaterThan(0); // windows-1258 read as TCVN3
  });
});
