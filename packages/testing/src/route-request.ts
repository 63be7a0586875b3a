// Maps a request path to a route, under /v1 and, when mounted there too, under /.

export type Route =
  | { readonly kind: 'chat-completions' }
  | { readonly kind: 'list-models' }
  | { readonly kind: 'get-model'; readonly modelId: string }
  | { readonly kind: 'not-found' };

function localPath(path: string, mountAtRoot: boolean): string | undefined {
  if (path === '/v1' || path.startsWith('/v1/')) return path.slice('/v1'.length);
  return mountAtRoot ? path : undefined;
}

export function routeRequest(options: { readonly method: string; readonly path: string; readonly mountAtRoot: boolean }): Route {
  const local = localPath(options.path.replace(/\/+$/, ''), options.mountAtRoot);
  if (local === undefined) return { kind: 'not-found' };
  if (options.method === 'POST' && local === '/chat/completions') return { kind: 'chat-completions' };
  if (options.method !== 'GET') return { kind: 'not-found' };
  if (local === '/models') return { kind: 'list-models' };
  const model = /^\/models\/(.+)$/.exec(local);
  return model?.[1] === undefined ? { kind: 'not-found' } : { kind: 'get-model', modelId: decodeURIComponent(model[1]) };
}
