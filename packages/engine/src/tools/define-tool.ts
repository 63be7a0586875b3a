// Builds an EngineTool from a zod argument schema and a run function: validation and error text in one place.
import { z } from 'zod';
import { ToolError, type EngineTool, type ToolArguments, type ToolContext, type ToolOutcome } from './tool';

export interface ToolDefinitionOptions<Schema extends z.ZodObject> {
  readonly name: string;
  readonly description: string;
  readonly schema: Schema;
  readonly sideEffects: boolean | ((args: z.infer<Schema>) => boolean);
  readonly run: (args: z.infer<Schema>, context: ToolContext) => Promise<string>;
}

export function defineTool<Schema extends z.ZodObject>(options: ToolDefinitionOptions<Schema>): EngineTool {
  // Some providers reject the `$schema` key in tool parameters; the rest of the schema is plain JSON Schema.
  const parameters: Record<string, unknown> = { ...z.toJSONSchema(options.schema, { io: 'input' }) };
  delete parameters.$schema;
  return {
    definition: { name: options.name, description: options.description, parameters },
    hasSideEffects(args) {
      if (typeof options.sideEffects === 'boolean') return options.sideEffects;
      const parsed = options.schema.safeParse(args);
      // Arguments that do not parse never run, so they cannot have effects.
      return parsed.success ? options.sideEffects(parsed.data) : false;
    },
    async execute(args: ToolArguments, context: ToolContext): Promise<ToolOutcome> {
      const parsed = options.schema.safeParse(args);
      if (!parsed.success) return { content: `error: invalid arguments for ${options.name}: ${z.prettifyError(parsed.error)}`, isError: true };
      try {
        return { content: await options.run(parsed.data, context), isError: false };
      } catch (error) {
        if (context.signal.aborted) throw error;
        if (error instanceof ToolError) return { content: `error: ${error.message}`, isError: true };
        return { content: `error: ${options.name} failed: ${error instanceof Error ? error.message : String(error)}`, isError: true };
      }
    },
  };
}
