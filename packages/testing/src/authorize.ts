// Bearer-token check with OpenAI's 401 answers; the expected key never appears in a message.
import type { IncomingHttpHeaders } from 'node:http';
import { errorReply, type ErrorReplyPlan } from './error-responses';

const MISSING_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";

/** Undefined when authorized (or when no key is configured); otherwise the 401 to send. */
export function checkAuthorization(headers: IncomingHttpHeaders, apiKey: string | undefined): ErrorReplyPlan | undefined {
  if (apiKey === undefined) return undefined;
  const header = headers.authorization;
  if (header === undefined || !/^Bearer\s+\S/i.test(header)) return errorReply(401, { message: MISSING_KEY, code: null });
  if (header.replace(/^Bearer\s+/i, '') !== apiKey) return errorReply(401, { message: 'Incorrect API key provided. Check the key the loopback model server was started with.' });
  return undefined;
}
