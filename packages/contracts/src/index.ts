// Public surface of @agent-generator/contracts: schemas, types and ports only.
export * from './ids';
export * from './text';
export * from './identifiers';
export * from './project-spec';
export * from './restore-project-spec';
export * from './diagnostic';
export * from './run-event';
export * from './errors';
export type * from './catalog';
export type * from './ports';
export type * from './agent-model';
export type * from './store';
export type * from './run-store';
