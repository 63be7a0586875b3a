// Walks a run's model levels in order and takes the first that can run: its provider is configured
// and enabled, and a local provider has the model. Each level passed over becomes one notice for the
// person who started the run (provider and model ids only, never a secret).
import type { ProviderSettingsRecord } from '@agent-generator/contracts';
import type { ProviderKind } from '@agent-generator/models';
import type { Availability } from './local-model-lists';

/** A provider (a catalog id such as `openai`, or a settings kind such as `gemini`) and a model id. */
export interface ModelChoice {
  readonly provider: string;
  readonly id: string;
}

/** An enabled provider's settings record, the model API it speaks, and the model to call on it. */
export interface Target {
  readonly record: ProviderSettingsRecord;
  readonly kind: ProviderKind;
  readonly model: string;
}

export interface Level {
  /** Names the level in a notice: "The project's model". */
  readonly label: string;
  readonly choice: ModelChoice | null | undefined;
}

interface ChooseOptions {
  /** The target a choice names, when its provider is configured and enabled. */
  readonly find: (choice: ModelChoice) => Target | undefined;
  readonly availability: (target: Target) => Promise<Availability>;
  readonly tell: (notice: string) => void;
}

interface PassedOver {
  readonly label: string;
  readonly choice: ModelChoice;
  /** Set when the provider is enabled but does not have the model. */
  readonly target?: Target;
}

export const targetName = (target: Target): string => `${target.record.id}/${target.model}`;

function missing(target: Target): string {
  return target.kind === 'ollama' ? `is not pulled on ${target.record.id} (run "ollama pull ${target.model}")` : `is not served by ${target.record.id}`;
}

function noticeOf(passed: PassedOver, chosen: Target): string {
  const instead = `${targetName(chosen)} runs instead.`;
  if (passed.target === undefined) {
    const { provider, id } = passed.choice;
    return `${passed.label} ${provider}/${id} is not used: ${provider} is not configured and enabled in Settings → Providers; ${instead}`;
  }
  if (passed.target === chosen) return `${passed.label} ${targetName(chosen)} ${missing(chosen)}, and no other configured model is available; the run tries it anyway.`;
  return `${passed.label} ${targetName(passed.target)} ${missing(passed.target)}; ${instead}`;
}

/**
 * The first level that can run. When every enabled choice lacks its model, the first of them is
 * tried anyway (the provider's own error then says so); undefined when no level names an enabled provider.
 */
export async function chooseTarget(levels: ReadonlyArray<Level>, options: ChooseOptions): Promise<Target | undefined> {
  const passedOver: PassedOver[] = [];
  const seen = new Set<string>();
  let chosen: Target | undefined;
  for (const { label, choice } of levels) {
    if (choice === null || choice === undefined) continue;
    const target = options.find(choice);
    const key = target === undefined ? `${choice.provider}/${choice.id}` : targetName(target);
    if (seen.has(key)) continue;
    seen.add(key);
    if (target !== undefined && (await options.availability(target)) !== 'absent') {
      chosen = target;
      break;
    }
    passedOver.push({ label, choice, ...(target === undefined ? {} : { target }) });
  }
  chosen ??= passedOver.find((passed) => passed.target !== undefined)?.target;
  if (chosen === undefined) return undefined;
  for (const passed of passedOver) options.tell(noticeOf(passed, chosen));
  return chosen;
}
