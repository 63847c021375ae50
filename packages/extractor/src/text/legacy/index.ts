export {
  type ChunkMarks,
  decodeChunk,
  decodeLegacy,
  encodeLegacy,
  encodeTcvn3,
  encodeViqr,
  encodeVni,
  isTcvn3Code,
  type LegacyEncoding,
  LegacyTableError,
} from './codec.js';
export {
  acceptsEvidence,
  DETECTION,
  detectLine,
  LEGACY_ENCODINGS,
  type LineEvidence,
  looksLegacy,
  scoreLine,
} from './detect.js';
