// The store conformance suite: cases every Store implementation must pass, as plain data any runner can loop over.
import { authCases } from './auth.cases';
import type { StoreConformanceCase } from './conformance-case';
import { projectListCases } from './project-list.cases';
import { projectCases } from './projects.cases';
import { rateLimitCases } from './rate-limits.cases';
import { runToolsCases } from './run-tools.cases';
import { runCases } from './runs.cases';
import { settingsAuditCases } from './settings-audit.cases';
import { storeCases } from './store.cases';
import { usageCases } from './usage.cases';
import { userCases } from './users.cases';

export const storeConformanceCases: ReadonlyArray<StoreConformanceCase> = [
  ...userCases,
  ...authCases,
  ...projectCases,
  ...projectListCases,
  ...settingsAuditCases,
  ...rateLimitCases,
  ...runCases,
  ...runToolsCases,
  ...storeCases,
  ...usageCases,
];
export type { ConformanceStoreOptions, StoreConformanceCase, StoreConformanceContext } from './conformance-case';
