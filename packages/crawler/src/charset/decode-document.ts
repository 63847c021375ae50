import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { charsetFromContentType, normalizeCharsetLabel } from './charset-label.js';
import { prescanDeclaredCharset } from './prescan-charset.js';
import { decodeVietnameseLegacy, type scoreVietnamese, sniffCharset } from './sniff-vietnamese.js';

export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml-declaration' | 'site' | 'sniff';

export interface DecodedDocument {
  /** The document as a JavaScript string (NFC for the legacy Vietnamese charsets), BOM removed. */
  text: string;
  /** The charset used: `utf-8`, `windows-1258`, `tcvn3`, `windows-1252`, or another iconv-lite name. */
  charset: string;
  /** Which step of BOM → Content-Type → <meta>/XML prescan → site default → sniffing decided. */
  source: CharsetSource;
  /** The charset the document declared (header or meta), normalised, even when it was overruled. */
  declared: string | null;
}

export interface DecodeOptions {
  /** Content-Type header value. */
  contentType?: string | null;
  /** Charset to assume when the document declares none (the site entry's `charset`). */
  defaultCharset?: string | null;
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') {
    // Buffer#toString is the fast (simdutf) path; it keeps a BOM, TextDecoder would drop it.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('utf8');
  }
  if (charset === 'windows-1258' || charset === 'tcvn3') return decodeVietnameseLegacy(bytes, charset);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

function bomCharset(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return null;
}

/**
 * Decodes an HTML or XML body: BOM, then the Content-Type charset, then `<meta charset>` / http-equiv /
 * XML declaration in the first 1024 bytes, then the site's default, then sniffing (valid UTF-8, else
 * windows-1258 vs TCVN3). Two repairs of common lies: a declared UTF-8 that is not valid UTF-8, and a
 * declared Latin-1/windows-1252 whose bytes read as Vietnamese (old TCVN3 and windows-1258 sites), are
 * re-sniffed.
 */
export function decodeDocument(bytes: Uint8Array, options: DecodeOptions = {}): DecodedDocument {
  const bom = bomCharset(bytes);
  if (bom !== null) return { text: decodeAs(bytes, bom), charset: bom, source: 'bom', declared: bom };

  let declared: string | null = null;
  let source: CharsetSource | null = null;
  const fromHeader = normalizeCharsetLabel(charsetFromContentType(options.contentType));
  if (fromHeader !== null) {
    declared = fromHeader;
    source = 'header';
  } else {
    const pre = prescanDeclaredCharset(bytes);
    const label = normalizeCharsetLabel(pre?.label);
    if (pre !== null && label !== null) {
      // A document decoded from bytes cannot be UTF-16 if its ASCII declaration was readable (HTML Standard).
      declared = label.startsWith('utf-16') ? 'utf-8' : label;
      source = pre.source;
    }
  }

  if (declared !== null && source !== null) {
    if (declared === 'utf-8' && !isUtf8(bytes)) return sniffed(bytes, declared);
    if (declared === 'windows-1252' && !isAscii(bytes)) {
      const resniffed = sniffCharset(bytes);
      if (resniffed.reason === 'vietnamese' && looksConfident(resniffed.score))
        return { text: decodeAs(bytes, resniffed.charset), charset: resniffed.charset, source: 'sniff', declared };
    }
    return { text: decodeAs(bytes, declared), charset: declared, source, declared };
  }

  const siteDefault = normalizeCharsetLabel(options.defaultCharset);
  if (siteDefault !== null)
    return { text: decodeAs(bytes, siteDefault), charset: siteDefault, source: 'site', declared };
  return sniffed(bytes, declared);
}

function sniffed(bytes: Uint8Array, declared: string | null): DecodedDocument {
  const s = sniffCharset(bytes);
  return { text: decodeAs(bytes, s.charset), charset: s.charset, source: 'sniff', declared };
}

function looksConfident(score: ReturnType<typeof scoreVietnamese> | null): boolean {
  return score !== null && score.plausible >= 5 && score.implausible * 10 <= score.plausible;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.byteLength; i++) if ((bytes[i] ?? 0) > 0x7f) return false;
  return true;
}
