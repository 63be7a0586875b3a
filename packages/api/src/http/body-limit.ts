// Request body limit. A declared Content-Length is checked from the header alone (Node's parser
// never reads past it), which keeps @hono/node-server's fast path that reads bodies without
// building a full Request; only chunked bodies of unknown size are counted as they stream in.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

export function bodyLimit(maxBytes: number): MiddlewareHandler {
  const streaming = streamingBodyLimit({ maxSize: maxBytes });
  return async (context, next) => {
    const length = context.req.header('content-length');
    if (context.req.header('transfer-encoding') !== undefined) return streaming(context, next);
    if (length !== undefined && Number(length) > maxBytes) throw new HTTPException(413);
    return next();
  };
}
