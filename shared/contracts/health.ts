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
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
