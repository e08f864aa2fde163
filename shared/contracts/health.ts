import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    reachable: z.boolean(),
    migrations: z.object({
      applied: z.number().int(),
      pending: z.number().int(),
      latest: z.string().nullable(),
    }),
  }),
  /** Why the status is degraded, in Vietnamese, naming the folder or the database; empty when ok. */
  problems: z.array(z.string()),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
