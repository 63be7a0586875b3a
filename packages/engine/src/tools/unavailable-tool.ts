// Catalog tools the spec runtime does not run: offered to the model, answered with a clear error.
import type { ToolId } from '@agent-generator/contracts';
import type { EngineTool } from './tool';

export function createUnavailableTool(options: { readonly id: ToolId; readonly description: string }): EngineTool {
  return {
    definition: { name: options.id, description: options.description, parameters: { type: 'object', properties: {}, additionalProperties: true } },
    hasSideEffects: () => false,
    execute: async () => ({
      content: `error: ${options.id} is not available in the spec runtime; run the generated project to use it`,
      isError: true,
    }),
  };
}
