// The closed sets of catalog identifiers every other package agrees on.
import { z } from 'zod';

export const FRAMEWORK_IDS = [
  'crewai',
  'crewai-flow',
  'langgraph',
  'react',
  'watsonx-orchestrate',
  'autogen',
  'strands',
  'llamaindex',
] as const;
export const FrameworkIdSchema = z.enum(FRAMEWORK_IDS);
export type FrameworkId = z.infer<typeof FrameworkIdSchema>;

export const PATTERN_IDS = ['sequential', 'supervisor', 'react', 'graph', 'group-chat'] as const;
export const PatternIdSchema = z.enum(PATTERN_IDS);
export type PatternId = z.infer<typeof PatternIdSchema>;

export const HYPERSCALER_IDS = ['azure', 'aws', 'gcp', 'ibm', 'on_prem'] as const;
export const HyperscalerIdSchema = z.enum(HYPERSCALER_IDS);
export type HyperscalerId = z.infer<typeof HyperscalerIdSchema>;

export const PROVIDER_IDS = [
  'openai',
  'azure-openai',
  'anthropic',
  'bedrock',
  'vertex',
  'watsonx',
  'ollama',
  'ollabridge',
  'openai-compatible',
] as const;
export const ProviderIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof ProviderIdSchema>;

export const TOOL_IDS = [
  'web_search',
  'http_request',
  'web_scraper',
  'pdf_reader',
  'file_read',
  'file_write',
  'sql_query',
  'vector_search',
  'calculator',
  'email_send',
  'slack_post',
  'github_issues',
] as const;
export const ToolIdSchema = z.enum(TOOL_IDS);
export type ToolId = z.infer<typeof ToolIdSchema>;

export const EXPORT_TARGET_IDS = ['zip', 'docker', 'github', 'azure-ai', 'bedrock', 'vertex-ai', 'watsonx', 'hf'] as const;
export const ExportTargetIdSchema = z.enum(EXPORT_TARGET_IDS);
export type ExportTargetId = z.infer<typeof ExportTargetIdSchema>;

/** The wizard steps a diagnostic can send the user back to. */
export const WIZARD_STEPS = ['describe', 'framework', 'agents', 'review', 'export'] as const;
export const WizardStepSchema = z.enum(WIZARD_STEPS);
export type WizardStep = z.infer<typeof WizardStepSchema>;
