export { charsetFromContentType, normalizeCharsetLabel } from './charset-label.js';
export { type CharsetSource, type DecodedDocument, type DecodeOptions, decodeDocument } from './decode-document.js';
export { type DeclaredCharset, PRESCAN_BYTES, prescanDeclaredCharset } from './prescan-charset.js';
export {
  decodeVietnameseLegacy,
  type SniffResult,
  scoreVietnamese,
  sniffCharset,
  type VietnameseScore,
} from './sniff-vietnamese.js';
