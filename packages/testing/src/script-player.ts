// Plays a script: hands out steps in order and remembers every request that did not fit.
import type { ParsedChatRequest } from './chat-request';
import type { ScriptReply, ScriptStep } from './script';
import { findMismatches } from './script-matcher';

export type ScriptDecision = { readonly kind: 'reply'; readonly reply: ScriptReply } | { readonly kind: 'mismatch'; readonly message: string };

function stepName(step: ScriptStep, index: number): string {
  return step.label === undefined ? `step ${index + 1}` : `step ${index + 1} (${JSON.stringify(step.label)})`;
}

export class ScriptPlayer {
  private next = 0;
  private readonly failureList: string[] = [];

  constructor(private readonly steps: ReadonlyArray<ScriptStep>) {}

  /** Problems recorded so far: mismatches, requests past the end, failing respond callbacks. */
  get failures(): ReadonlyArray<string> {
    return this.failureList;
  }

  recordFailure(message: string): void {
    this.failureList.push(message);
  }

  /** The reply of the next step when the request matches it; the step is consumed only then. */
  decide(request: ParsedChatRequest, requestNumber: number): ScriptDecision {
    const step = this.steps[this.next];
    if (step === undefined) {
      return this.mismatch(`request ${requestNumber} arrived after all ${this.steps.length} script steps were used`);
    }
    const problems = findMismatches(step.expect, request);
    if (problems.length > 0) {
      return this.mismatch(`request ${requestNumber} does not match script ${stepName(step, this.next)}: ${problems.join('; ')}`);
    }
    this.next += 1;
    return { kind: 'reply', reply: step.reply };
  }

  /** Throws, listing unconsumed steps and recorded failures, unless the script ran cleanly. */
  assertDone(): void {
    const unconsumed = this.steps.slice(this.next).map((step, offset) => stepName(step, this.next + offset));
    const lines = [
      ...(unconsumed.length > 0 ? [`${unconsumed.length} script step(s) were never requested: ${unconsumed.join(', ')}`] : []),
      ...this.failureList,
    ];
    if (lines.length > 0) throw new Error(`loopback model server: the script did not run as written\n  - ${lines.join('\n  - ')}`);
  }

  private mismatch(message: string): ScriptDecision {
    this.failureList.push(message);
    return { kind: 'mismatch', message };
  }
}
