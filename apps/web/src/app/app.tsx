// Providers (query cache, toasts, breadcrumb), the sign-in gate, and the routes with their pages loaded on demand.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, type ReactNode } from 'react';
import { AuthPage } from '../features/auth/auth-page';
import { authStatusQuery, meQuery, useAuthStatus, useMe } from '../features/auth/use-auth';
import { FIRST_LIST_QUERY, projectListQuery } from '../features/projects/use-projects';
import { settingsQuery } from '../features/settings/use-settings';
import { CrumbProvider } from './crumb';
import { NotFound } from './not-found';
import { matchPath, Navigate, Routes, type Route } from './router';
import { Shell } from './shell';
import { ToastProvider, messageOf } from './toasts';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: (count, error) => count < 2 && !('status' in error && typeof error.status === 'number' && error.status < 500) } } });

function Loading() {
  return (
    <p className="ag-loading" role="status">
      Loading…
    </p>
  );
}

/** A page loaded on demand; `load` can also be called early to fetch its code ahead of rendering. */
function lazyPage(load: () => Promise<{ default: () => ReactNode }>) {
  const Page = lazy(load);
  return { load, element: <Suspense fallback={<Loading />}>{<Page />}</Suspense> };
}

const PAGES = [
  { path: '/new', ...lazyPage(() => import('../features/wizard/wizard-page')) },
  { path: '/projects', ...lazyPage(() => import('../features/projects/projects-page')) },
  { path: '/projects/:id', ...lazyPage(() => import('../features/projects/project-page')) },
  { path: '/test', ...lazyPage(() => import('../features/chat/test-page')) },
  { path: '/runs', ...lazyPage(() => import('../features/runs/runs-page')) },
  { path: '/runs/:id', ...lazyPage(() => import('../features/runs/run-page')) },
  { path: '/history', ...lazyPage(() => import('../features/history/history-page')) },
  { path: '/settings/:tab?', ...lazyPage(() => import('../features/settings/settings-page')) },
];

const ROUTES: ReadonlyArray<Route> = [{ path: '/', element: <Navigate to="/projects" /> }, ...PAGES, { path: '*', element: <NotFound /> }];

// The sign-in check starts now, before the first render, and the code of the page being opened is
// fetched alongside it instead of after it (at `/` only for someone signed in, since others sign in
// first). For someone signed in (the readable CSRF cookie says so) the shell's settings and the project
// list (the start page) are fetched now too, rather than after the sign-in check, the page's code and
// its first render; someone signed out asks for nothing but the sign-in check, whatever address they open.
{
  const { pathname } = window.location;
  const opened = pathname === '/' ? '/projects' : pathname;
  const signedIn = document.cookie.includes('ag_csrf=');
  void queryClient.prefetchQuery(authStatusQuery);
  void queryClient.prefetchQuery(meQuery);
  if (pathname !== '/' || signedIn) void PAGES.find((page) => matchPath(page.path, opened))?.load();
  if (signedIn) {
    void queryClient.prefetchQuery(settingsQuery);
    if (opened === '/projects') void queryClient.prefetchQuery(projectListQuery(FIRST_LIST_QUERY));
  }
}

function Gate() {
  const status = useAuthStatus();
  const me = useMe();
  // The signed-in app is rendered as a background update that yields to the browser every few
  // milliseconds, instead of one long task that blocks input while slow phones build it.
  const signedIn = useDeferredValue(me.data);
  if (status.error) return <p role="alert" className="ag-loading">The server could not be reached: {messageOf(status.error)}</p>;
  if (!status.data || me.isPending) return <Loading />;
  if (status.data.setupRequired || !me.data) return <AuthPage status={status.data} />;
  if (!signedIn) return <Loading />;
  return (
    <Shell me={signedIn}>
      <Routes routes={ROUTES} />
    </Shell>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <CrumbProvider>
          <Gate />
        </CrumbProvider>
      </ToastProvider>
    </QueryClientProvider>
  );
}
