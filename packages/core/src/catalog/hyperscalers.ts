// The clouds a team deploys to; brand colours are the vendors' published primaries.
import type { HyperscalerEntry } from '@agent-generator/contracts';

export const hyperscalers: ReadonlyArray<HyperscalerEntry> = [
  { id: 'azure', label: 'Azure', short: 'AZ', color: '#0078d4', vendor: 'Microsoft' },
  { id: 'aws', label: 'AWS', short: 'AWS', color: '#ff9900', vendor: 'Amazon' },
  { id: 'gcp', label: 'GCP', short: 'GCP', color: '#34a853', vendor: 'Google' },
  { id: 'ibm', label: 'IBM', short: 'IBM', color: '#054ada', vendor: 'IBM' },
  { id: 'on_prem', label: 'On-prem', short: 'OP', color: '#161616', vendor: 'community' },
];
