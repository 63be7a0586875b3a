// What the composition root hands the runs feature: the hub (with its notifier) and the model resolver.
import type { RunHub } from './run-hub';

export interface RunsDeps {
  readonly hub: RunHub;
}
