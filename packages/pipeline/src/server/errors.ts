import type { z } from 'zod';

/** The server cannot start as configured (e.g. a public address without a token). Fix the option named. */
export class ServerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerConfigError';
  }
}

export interface ValidationProblem {
  /** Where: `query.limit`, `params.id`. */
  path: string;
  message: string;
}

/** A request whose parameters are wrong: answered 400 with every problem, each naming the parameter. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly code = 'VNEVENTS_BAD_REQUEST';
  constructor(readonly problems: ValidationProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'RequestValidationError';
  }

  static fromZod(part: string, error: z.ZodError): RequestValidationError {
    return new RequestValidationError(
      error.issues.map((i) => {
        const keys = i.code === 'unrecognized_keys' ? i.keys : [];
        const path = [part, ...i.path.map(String)].join('.');
        if (keys.length)
          return {
            path: `${part}.${keys.join(',')}`,
            message: `unknown parameter${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}: see /openapi.json for the parameters this endpoint takes`,
          };
        if (i.code === 'invalid_type' && i.input === undefined) return { path, message: i.message };
        if (i.code === 'invalid_type') return { path, message: `${i.message} (give the parameter once)` };
        return { path, message: i.message };
      }),
    );
  }
}

/** A resource that does not exist: 404 with what was looked for. */
export class NotFoundHttpError extends Error {
  readonly statusCode = 404;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundHttpError';
  }
}
