// Rules `tool.ready` / `tool.side-effects` / `tool.leaves-premises`: one row per selected tool.
import type { ToolEntry, ToolId } from '@agent-generator/contracts';
import { listOf, toolIn } from '../catalog-lookup';
import { finding, type Finding, type RuleContext } from '../finding';

// Tools whose only endpoint is a SaaS with no self-hosted edition, and a tool that does the same
// job on infrastructure you run. Slack incoming webhooks post to hooks.slack.com
// (api.slack.com/messaging/webhooks); email goes through the SMTP server you name in SMTP_URL.
const HOSTED_ONLY: Partial<Record<ToolId, { readonly service: string; readonly substitute: ToolId }>> = {
  slack_post: { service: 'Slack', substitute: 'email_send' },
};

/** A tool that does the same job without leaving the premises, when one exists. */
export function onPremSubstitute(tool: ToolId): ToolId | undefined {
  return HOSTED_ONLY[tool]?.substitute;
}

function setup(tool: ToolEntry): string {
  return tool.env.length > 0 ? ` Set ${listOf(tool.env, 'and')} in .env.` : '';
}

function toolRow(context: RuleContext, tool: ToolEntry): Finding {
  const base = { category: 'tool', subject: tool.id } as const;
  const hosted = HOSTED_ONLY[tool.id];
  if (hosted && context.selection.hyperscaler === 'on_prem') {
    const substitute = toolIn(context.catalog, hosted.substitute);
    const message =
      `${tool.label} sends its data to ${hosted.service}, which has no on-prem edition, so it leaves your premises. ` +
      `Use ${substitute.label} through your own server instead, or keep it if that is acceptable.`;
    return finding({ ...base, rule: 'tool.leaves-premises', severity: 'warn', message });
  }
  if (tool.sideEffects) {
    const message = `${tool.label}: ${tool.description} It changes things outside the agent, so review its calls before running unattended.${setup(tool)}`;
    return finding({ ...base, rule: 'tool.side-effects', severity: 'ok', message });
  }
  return finding({ ...base, rule: 'tool.ready', severity: 'ok', message: `${tool.label}: ${tool.description}${setup(tool)}` });
}

export function toolFit(context: RuleContext): ReadonlyArray<Finding> {
  const selected = [...new Set(context.selection.tools ?? [])];
  return selected.map((id) => toolRow(context, toolIn(context.catalog, id)));
}
