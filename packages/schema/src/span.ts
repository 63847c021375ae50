import { z } from 'zod';

/** A half-open `[start, end)` pair of UTF-16 offsets into `ExtractionResult.text`. */
export const SpanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([s, e]) => s <= e, { message: 'span start must not be after its end' });
export type Span = z.infer<typeof SpanSchema>;
