import { StoreUsageError } from './errors.js';

/** Position in the stable order (sort date desc, id desc) of an event list. */
export interface CursorPosition {
  sortDate: string;
  id: number;
}

/** An opaque, URL-safe cursor: callers pass back what they were given. */
export function encodeCursor(p: CursorPosition): string {
  return Buffer.from(JSON.stringify([p.sortDate, p.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1])) return { sortDate: v[0], id: v[1] };
  } catch {
    // fall through to the usage error below
  }
  throw new StoreUsageError(
    `malformed cursor "${cursor}": pass back the \`next\` value of the previous page unchanged`,
  );
}
