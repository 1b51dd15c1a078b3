import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PublicError } from './public-error';

/**
 * Errors of the JSON API as RFC 9457 problem details (`application/problem+json`). A problem with
 * nothing to add to its status is `about:blank` and titled with the status's phrase (RFC 9457
 * section 4.2.1); the few kinds a client may want to branch on get their own type, a relative URI
 * under /api/problems/ that answers with a description of the kind (problemTypes below).
 */
export const problemMediaType = 'application/problem+json';

/** The kinds of problem with a type of their own. Titles stay the same from one occurrence to the next. */
export const problemTypes = {
  validation: {
    status: 422,
    title: 'Your request is not valid',
    description:
      'One or more fields are missing or wrong. `errors` lists them: each has `field` (a JSON pointer into the body, or the query parameter) and `detail` saying what to send instead.',
  },
  'malformed-body': {
    status: 400,
    title: 'The body could not be read',
    description:
      'The body is not JSON, or not the JSON object this operation expects. Send `Content-Type: application/json` and a JSON object.',
  },
  'insufficient-scope': {
    status: 403,
    title: 'This API key may not do this',
    description:
      'The key lacks the scope this operation needs (`write` for every change). An admin creates a key with that scope under Settings > API keys.',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'This Idempotency-Key was used for a different request',
    description:
      'A key sent in `Idempotency-Key` names one request for 24 hours: the same key with the same method, path and body replays the first response; with anything else it is refused. Use a new key for a new request.',
  },
  'idempotency-key-in-use': {
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed',
    description: 'Wait a moment and retry with the same key: you will get the first request’s response.',
  },
} as const;

export type ProblemType = keyof typeof problemTypes;

export interface FieldError {
  /** A JSON pointer into the body (`/invitations/2/email`), or a query parameter's name. */
  field: string;
  detail: string;
}

export interface Problem {
  status: number;
  detail: string;
  type?: ProblemType;
  errors?: FieldError[];
}

/** The reason phrases of the statuses the API answers with (RFC 9110 section 15). */
const phrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The problem document itself; `requestId` is an extension member that support can look up in the logs. */
export function problemBody(p: Problem, requestId?: string) {
  const kind = p.type ? problemTypes[p.type] : null;
  return {
    type: p.type ? `/api/problems/${p.type}` : 'about:blank',
    title: kind?.title ?? phrases[p.status] ?? 'Error',
    status: p.status,
    detail: p.detail,
    ...(p.errors ? { errors: p.errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function problemResponse(c: Context, p: Problem): Response {
  const body = problemBody(p, c.get('requestId') as string | undefined);
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(body), p.status as ContentfulStatusCode, { 'Content-Type': problemMediaType });
}

/**
 * A PublicError that carries a problem's type and field errors, for the API's handlers to throw;
 * outside the API it reads as any PublicError (its detail is the message).
 */
export class ProblemError extends PublicError {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.status as ContentfulStatusCode, problem.detail);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

/** A 422 listing every bad field at once, so a client fixes them in one round. */
export function validationProblem(errors: FieldError[]): ProblemError {
  const detail =
    errors.length === 1
      ? `${errors[0]?.field}: ${errors[0]?.detail}`
      : `${errors.length} fields need attention; see errors.`;
  return new ProblemError({ status: 422, type: 'validation', detail, errors });
}
