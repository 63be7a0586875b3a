// Public surface of @agent-generator/core: the catalog, the compatibility engine and the planner.
export { catalog, findModel, frameworkById, modelsOf, patternById, providerById, toolById } from './catalog/index';
export * from './compatibility/index';
export * from './planner/index';
export { selectionOfSpec } from './selection-of-spec';
