// The caller's network address: the socket's peer, or the first X-Forwarded-For hop behind a trusted proxy.
import type { Context } from 'hono';

function socketAddress(context: Context): string | undefined {
  // @hono/node-server puts Node's IncomingMessage at env.incoming; other transports have none.
  const incoming: unknown = typeof context.env === 'object' && context.env !== null ? Reflect.get(context.env, 'incoming') : undefined;
  const socket: unknown = typeof incoming === 'object' && incoming !== null ? Reflect.get(incoming, 'socket') : undefined;
  const address: unknown = typeof socket === 'object' && socket !== null ? Reflect.get(socket, 'remoteAddress') : undefined;
  return typeof address === 'string' ? address : undefined;
}

export function clientAddress(context: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = context.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded && /^[0-9A-Fa-f:.]{2,45}$/.test(forwarded)) return forwarded;
  }
  return socketAddress(context) ?? 'unknown';
}
