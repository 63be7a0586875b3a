// createClient(options): every API route the web app uses, grouped by feature, typed end to end.
import type { Catalog, ProjectSpec, Selection } from '@agent-generator/contracts';
import type {
  ApiToken,
  AuditEntry,
  AuthStatus,
  CreatedProject,
  CreateProjectBody,
  EvaluateAnswer,
  FileTree,
  ListProjectsQuery,
  Me,
  Page,
  Plan,
  Preview,
  Project,
  ProjectDetail,
  ProjectVersion,
  RendererInfo,
  SignedIn,
  StorageUsage,
  SystemInfo,
  VersionDiff,
  VersionSummary,
} from './api-types';
import { createHttp, type HttpOptions } from './http';
import { providersClient } from './providers-client';
import type { Settings, UserSettings, GlobalSettings } from './settings-types';
import { toolsSettingsClient } from './tools-settings-client';

const segment = (value: string) => encodeURIComponent(value);
const filePath = (path: string) => path.split('/').map(segment).join('/');

export function createClient(options: HttpOptions = {}) {
  const http = createHttp(options);
  const { request } = http;
  const project = (id: string) => `/api/projects/${segment(id)}`;
  return {
    auth: {
      status: () => request<AuthStatus>('GET', '/api/auth/status'),
      me: () => request<Me>('GET', '/api/auth/me'),
      setup: (body: { email: string; name: string; password: string }) => request<SignedIn>('POST', '/api/auth/setup', { body }),
      login: (body: { email: string; password: string }) => request<SignedIn>('POST', '/api/auth/login', { body }),
      logout: () => request<undefined>('POST', '/api/auth/logout'),
    },
    tokens: {
      list: () => request<{ items: ReadonlyArray<ApiToken> }>('GET', '/api/auth/tokens'),
      create: (body: { name: string; scopes: ReadonlyArray<string>; expiresInDays?: number }) =>
        request<{ token: string; apiToken: ApiToken }>('POST', '/api/auth/tokens', { body }),
      revoke: (id: string) => request<undefined>('DELETE', `/api/auth/tokens/${segment(id)}`),
    },
    compatibility: {
      catalog: () => request<Catalog>('GET', '/api/compatibility'),
      evaluate: (selection: Selection) => request<EvaluateAnswer>('POST', '/api/compatibility/evaluate', { body: selection }),
    },
    plan: (body: { idea: string; selection?: Partial<Selection>; name?: string }) => request<Plan>('POST', '/api/plan', { body }),
    preview: {
      files: (spec: ProjectSpec) => request<Preview>('POST', '/api/preview', { body: { spec } }),
      file: (spec: ProjectSpec, path: string) => request<string>('POST', '/api/preview/file', { body: { spec, path }, as: 'text' }),
    },
    renderers: () => request<{ items: ReadonlyArray<RendererInfo> }>('GET', '/api/renderers'),
    data: {
      usage: () => request<StorageUsage>('GET', '/api/data/usage'),
      exportUrl: () => http.url('/api/projects/export'),
    },
    projects: {
      list: (query: ListProjectsQuery = {}) => request<Page<Project>>('GET', '/api/projects', { query: { ...query } }),
      create: (body: CreateProjectBody) => request<CreatedProject>('POST', '/api/projects', { body }),
      get: (id: string) => request<ProjectDetail>('GET', project(id)),
      rename: (id: string, name: string) => request<Project>('PATCH', project(id), { body: { name } }),
      remove: (id: string) => request<undefined>('DELETE', project(id)),
      addVersion: (id: string, body: { spec?: ProjectSpec; selection?: Partial<Selection> }) => request<ProjectVersion>('POST', `${project(id)}/versions`, { body }),
      versions: (id: string) => request<{ items: ReadonlyArray<VersionSummary> }>('GET', `${project(id)}/versions`),
      diff: (id: string, range: { from: number; to: number }) => request<VersionDiff>('GET', `${project(id)}/diff`, { query: range }),
      files: (id: string, version?: number) => request<FileTree>('GET', `${project(id)}/files`, { query: { version } }),
      file: (id: string, path: string, version?: number) => request<string>('GET', `${project(id)}/files/${filePath(path)}`, { query: { version }, as: 'text' }),
      downloadUrl: (id: string, version?: number) => http.url(`${project(id)}/download`, { version }),
    },
    settings: {
      get: () => request<Settings>('GET', '/api/settings'),
      putGlobal: (value: GlobalSettings, expectedUpdatedAt?: string | null) => request<Settings>('PUT', '/api/settings', { body: { value, expectedUpdatedAt } }),
      putOwn: (value: UserSettings, expectedUpdatedAt?: string | null) => request<Settings>('PUT', '/api/settings/me', { body: { value, expectedUpdatedAt } }),
      tools: toolsSettingsClient(http),
    },
    providers: providersClient(http),
    system: () => request<SystemInfo>('GET', '/api/system'),
    health: () => request<{ status: string }>('GET', '/readyz'),
    audit: (query: { limit?: number; offset?: number; action?: string } = {}) => request<Page<AuditEntry>>('GET', '/api/audit', { query: { ...query } }),
  };
}

export type ApiClient = ReturnType<typeof createClient>;
