// Reads a run's whole stored event log, page by page.
import type { RunEvent } from '@agent-generator/contracts';
import { runsApi } from '../chat/runs-api';

const PAGE = 2000;

export async function loadRunEvents(runId: string): Promise<ReadonlyArray<RunEvent>> {
  const events: RunEvent[] = [];
  for (;;) {
    const page = await runsApi.runs.events(runId, { after: events.length - 1, limit: PAGE });
    events.push(...page.items.map((item) => item.event));
    if (page.items.length < PAGE) return events;
  }
}
