// Providers (query cache, toasts, breadcrumb), the sign-in gate, and the routes with their pages loaded on demand.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AuthPage } from '../features/auth/auth-page';
import { useAuthStatus, useMe } from '../features/auth/use-auth';
import { CrumbProvider } from './crumb';
import { NotFound } from './not-found';
import { Shell } from './shell';
import { ToastProvider, messageOf } from './toasts';

const WizardPage = lazy(() => import('../features/wizard/wizard-page'));
const ProjectsPage = lazy(() => import('../features/projects/projects-page'));
const ProjectPage = lazy(() => import('../features/projects/project-page'));
const HistoryPage = lazy(() => import('../features/history/history-page'));
const SettingsPage = lazy(() => import('../features/settings/settings-page'));

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: (count, error) => count < 2 && !('status' in error && typeof error.status === 'number' && error.status < 500) } } });

function Loading() {
  return (
    <p className="ag-loading" role="status">
      Loading…
    </p>
  );
}

const page = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

function Gate() {
  const status = useAuthStatus();
  const me = useMe();
  if (status.error) return <p role="alert" className="ag-loading">The server could not be reached: {messageOf(status.error)}</p>;
  if (!status.data || me.isPending) return <Loading />;
  if (status.data.setupRequired || !me.data) return <AuthPage status={status.data} />;
  return <Shell me={me.data} />;
}

const router = createBrowserRouter([
  {
    path: '/',
    element: <Gate />,
    children: [
      { index: true, element: <Navigate to="/projects" replace /> },
      { path: 'new', element: page(<WizardPage />) },
      { path: 'projects', element: page(<ProjectsPage />) },
      { path: 'projects/:id', element: page(<ProjectPage />) },
      { path: 'history', element: page(<HistoryPage />) },
      { path: 'settings/:tab?', element: page(<SettingsPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <CrumbProvider>
          <RouterProvider router={router} />
        </CrumbProvider>
      </ToastProvider>
    </QueryClientProvider>
  );
}
