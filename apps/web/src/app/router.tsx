// The app's client-side router: the History API, links that push state, and path patterns with
// `:param` and optional `:param?` segments. Small on purpose: the router library it replaced was
// 90 KB of the first route's 330 KB of JavaScript and slowed the first paint on phones.
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

type Params = Readonly<Record<string, string | undefined>>;

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Goes to `to` (a path on this origin); `replace` swaps the current history entry instead of adding one. */
export function navigate(to: string, options: { readonly replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else {
    window.history.pushState(null, '', to);
    window.scrollTo(0, 0);
  }
  for (const listener of listeners) listener();
}

export function useLocation(): { readonly pathname: string } {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return useMemo(() => ({ pathname }), [pathname]);
}

export function useNavigate(): typeof navigate {
  return navigate;
}

const ParamsContext = createContext<Params>({});

export function useParams(): Params {
  return useContext(ParamsContext);
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The parameters of `pathname` under `pattern` (`/projects/:id`, `/settings/:tab?`, `*`), or undefined when it does not match. */
export function matchPath(pattern: string, pathname: string): Params | undefined {
  if (pattern === '*') return {};
  const parts = pattern.split('/').filter(Boolean);
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length > parts.length) return undefined;
  const params: Record<string, string | undefined> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index];
    if (!part.startsWith(':')) {
      if (part !== segment) return undefined;
      continue;
    }
    const optional = part.endsWith('?');
    if (segment === undefined) {
      if (optional) continue;
      return undefined;
    }
    const value = decode(segment);
    if (value === undefined) return undefined;
    params[part.slice(1, optional ? -1 : undefined)] = value;
  }
  return params;
}

export interface Route {
  readonly path: string;
  readonly element: ReactNode;
}

/** Renders the first route whose pattern matches the current path. */
export function Routes({ routes }: { readonly routes: ReadonlyArray<Route> }) {
  const { pathname } = useLocation();
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    // Keyed by pattern: another page mounts fresh, while a new parameter keeps the page (as links within it expect).
    if (params)
      return (
        <ParamsContext.Provider key={route.path} value={params}>
          {route.element}
        </ParamsContext.Provider>
      );
  }
  return null;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { readonly to: string };

/** An anchor that navigates without a page load; modified clicks (new tab, download) keep the browser's behaviour. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || rest.target !== undefined) return;
    event.preventDefault();
    navigate(to);
  };
  return <a {...rest} href={to} onClick={follow} />;
}

/** A Link marked `active` (and `aria-current="page"`) while the path is `to` or below it. */
export function NavLink({ to, className, ...rest }: LinkProps) {
  const { pathname } = useLocation();
  const active = pathname === to || pathname.startsWith(`${to}/`);
  return <Link {...rest} to={to} className={active ? `${className ?? ''} active`.trim() : className} aria-current={active ? 'page' : undefined} />;
}

export function Navigate({ to }: { readonly to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
