// Public surface of @agent-generator/store: createStore over SQLite or Postgres, and its conflict error.
export { createStore } from './create-store';
export { StoreConflictError } from './store-errors';
export { parseDatabaseUrl, type DatabaseTarget } from './database-url';
export { storeConformanceCases, type ConformanceStoreOptions, type StoreConformanceCase, type StoreConformanceContext } from './conformance';
