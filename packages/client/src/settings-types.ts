// The settings documents: workspace-wide (admins write) and each person's own preferences.
import type { FrameworkId, HyperscalerId, PatternId, ProviderId } from '@agent-generator/contracts';

export interface GlobalSettings {
  readonly defaults: {
    readonly framework?: FrameworkId;
    readonly pattern?: PatternId;
    readonly hyperscaler?: HyperscalerId;
    readonly provider?: ProviderId;
    readonly model?: string;
    readonly agents?: number;
    readonly memory: boolean;
  };
  readonly output: { readonly lint: boolean; readonly docker: boolean; readonly tests: boolean };
  readonly safety: { readonly permissionMode: 'ask' | 'auto' | 'deny'; readonly shellExec: boolean };
  readonly data: { readonly runRetentionDays: number; readonly auditRetentionDays: number };
}

export type Theme = 'system' | 'light' | 'dark';

export interface UserSettings {
  readonly theme: Theme;
  readonly density: 'comfortable' | 'compact';
  readonly locale: string;
  readonly shortcuts: Readonly<Record<string, string>>;
}

interface Stored<Value> {
  readonly value: Value;
  readonly updatedAt: string | null;
}

export interface Settings {
  readonly global: Stored<GlobalSettings>;
  readonly user: Stored<UserSettings>;
}
