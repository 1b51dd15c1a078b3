import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { NavUser } from '../../views/layout';
import { ErrorFragment, type ErrorInfo, ErrorPage } from '../../views/pages/error';
import { sessionUser } from '../auth/session';
import { membershipsOf } from '../db/accounts';
import type { AppEnv } from '../env';
import { ProblemError, problemResponse } from '../http/problem';
import { PublicError } from '../http/public-error';
import { isApi, wantsFragment } from '../http/request-kind';
import { chooseOrg } from './auth';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign in needed',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Out of date',
  410: 'No longer available',
  413: 'Too large',
  415: 'Unsupported content',
  422: 'Check your input',
  429: 'Too many attempts',
  500: 'Something went wrong',
  503: 'Unavailable',
};

/** nginx's status for a request the client abandoned; nobody receives it, the log line does. */
const clientClosedRequest = 499;

const messages: Record<number, string> = {
  401: 'Please sign in to continue.',
  403: 'This request was refused. If you submitted a form, reload the page and try again.',
  404: 'There is nothing at this address. Check the link, or start again from the home page.',
  413: 'What you sent is larger than this form accepts. Send less at a time.',
  500: 'We could not complete this request. Nothing was changed. Please try again in a moment.',
};

/**
 * Who is looking at an error page, so its navigation and way back fit them (a member's workspace,
 * not "Sign in"). Only for errors of the request (4xx): after a failure of ours, or while shedding
 * load, the page makes no more database calls. An error here leaves the page anonymous.
 */
async function viewerOf<E extends AppEnv>(c: Context<E>, status: number): Promise<NavUser | null> {
  if (status >= 500) return null;
  try {
    const user = await sessionUser(c);
    if (!user) return null;
    const current = chooseOrg(c, await membershipsOf(c.get('deps').db, user.id));
    return { name: user.name, orgName: current?.orgName };
  } catch {
    return null;
  }
}

/**
 * Answers an error in the form the client asked for: problem details (RFC 9457) for the API and
 * the partner endpoints, a fragment for an htmx
 * swap, a full page otherwise. Only messages we wrote reach the client, never a stack trace.
 */
export async function errorResponse<E extends AppEnv>(c: Context<E>, status: number, message?: string) {
  const info: ErrorInfo = {
    status,
    title: titles[status] ?? 'Error',
    message: message ?? messages[status] ?? 'The request could not be completed.',
    requestId: c.get('requestId'),
  };
  const code = status as ContentfulStatusCode;
  c.header('Vary', 'HX-Request-Type');
  if (isApi(c)) return problemResponse(c, { status, detail: info.message });
  if (wantsFragment(c)) return c.html(<ErrorFragment info={info} />, code);
  const viewer = await viewerOf(c, status);
  return c.html(<ErrorPage info={info} nonce={c.get('secureHeadersNonce')} viewer={viewer} />, code);
}

/**
 * A PublicError's message is written for the client and shown as it is. Any other HTTPException
 * (Hono's csrf "Forbidden", a body-limit, an internal "Cannot clone request") keeps its status
 * and gets that status's generic message; from 500 up it is also logged as our failure. Anything
 * else is a bug, except when the client went away mid-request: reading the body then fails, which
 * is no fault of ours. That is logged as nginx does (499, client closed request), not as an error.
 */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (c.req.raw.signal?.aborted) {
    c.get('deps')?.log({ level: 'info', msg: 'client closed the request', id: c.get('requestId') });
    return new Response(null, { status: clientClosedRequest });
  }
  if (err instanceof ProblemError && isApi(c)) return problemResponse(c, err.problem);
  if (err instanceof PublicError) return errorResponse(c, err.status, err.message);
  if (err instanceof HTTPException && err.status < 500) return errorResponse(c, err.status);
  c.get('deps')?.log({
    level: 'error',
    msg: 'unhandled error',
    id: c.get('requestId'),
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    stack: err instanceof Error ? err.stack : undefined,
  });
  return errorResponse(c, err instanceof HTTPException ? err.status : 500);
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) => errorResponse(c, 404);
