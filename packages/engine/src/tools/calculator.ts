// The calculator tool: safe arithmetic through our own expression parser.
import { z } from 'zod';
import { CalculatorError, evaluateExpression, formatNumber, MAX_EXPRESSION_LENGTH } from './calculator-expression';
import { defineTool } from './define-tool';
import { ToolError, type EngineTool } from './tool';

export function createCalculatorTool(description: string): EngineTool {
  return defineTool({
    name: 'calculator',
    description,
    schema: z.object({ expression: z.string().max(MAX_EXPRESSION_LENGTH).describe('An arithmetic expression such as (17 + 3) * 2 ^ 3 or sqrt(2)') }),
    sideEffects: false,
    run: async ({ expression }) => {
      try {
        return formatNumber(evaluateExpression(expression));
      } catch (error) {
        if (error instanceof CalculatorError) throw new ToolError(error.message);
        throw error;
      }
    },
  });
}
