// Upgrades an authenticated request to a WebSocket: same-origin check for browser sessions
// (cross-site WebSocket hijacking), 426 for a plain GET on a socket-only route.
import { UserError } from '@agent-generator/contracts';
import { upgradeWebSocket } from '@hono/node-server';
import type { Context } from 'hono';
import type { WSEvents } from 'hono/ws';
import type { AppEnv } from '../app-env';
import type { Principal } from '../auth/principal';

export function isUpgrade(context: Context<AppEnv>): boolean {
  return context.req.header('upgrade')?.toLowerCase() === 'websocket';
}

export function checkSocketOrigin(options: { readonly principal: Principal; readonly origin: string | undefined; readonly publicUrl: string }): void {
  if (options.principal.credential.kind !== 'session') return;
  if (options.origin === undefined || options.origin !== new URL(options.publicUrl).origin) {
    throw new UserError('forbidden', 'A WebSocket opened with a browser session must come from this server’s own origin.', { reason: 'origin' });
  }
}

/** The upgrade response; a plain HTTP request gets 426 Upgrade Required. */
export async function upgradeTo(context: Context<AppEnv>, events: WSEvents): Promise<Response> {
  if (!isUpgrade(context)) return context.json({ error: { code: 'invalid_input', message: 'Open this URL as a WebSocket (Upgrade: websocket).', details: {} } }, 426);
  const response = await upgradeWebSocket(() => events)(context, async () => undefined);
  return response ?? context.json({ error: { code: 'internal', message: 'This server cannot accept WebSockets here.', details: {} } }, 500);
}
