import { z } from 'zod';
import { method, noInput } from './method';

export const networkStateSchema = z.object({ online: z.boolean(), checkedAt: z.number() });

export const networkContract = {
  /** Whether the gateway answered lately; `networkState` events announce each change. */
  getNetworkState: method(noInput, networkStateSchema),
  /** Probes the active profile's gateway now (the agent pressed "try now"). */
  checkNetwork: method(noInput, networkStateSchema),
} as const;

export const networkEvents = {
  networkState: networkStateSchema,
} as const;
