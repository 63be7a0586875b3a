// Display names for hint sentences, read from the catalog so wording never drifts from the data.
import type { FrameworkId, HyperscalerId, ModelRef, PatternId, ProviderId, ToolId } from '@agent-generator/contracts';
import { findModel, frameworkById, patternById, providerById, toolById } from '../catalog/index';
import { hyperscalers } from '../catalog/hyperscalers';

export const frameworkName = (id: FrameworkId): string => frameworkById(id).name;
export const patternName = (id: PatternId): string => patternById(id).label;
export const providerName = (id: ProviderId): string => providerById(id).label;
export const toolName = (id: ToolId): string => toolById(id).label;

export function hyperscalerName(id: HyperscalerId): string {
  return hyperscalers.find((entry) => entry.id === id)?.label ?? id;
}

export function modelName(model: ModelRef): string {
  return findModel(model.provider, model.id)?.label ?? model.id;
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: ReadonlyArray<string>): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
