import { createRequire } from 'node:module';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dashboardPlanResponseSchema, dashboardResponseSchema } from '../../shared/contracts/dashboard';
import { planListResponseSchema, taskListResponseSchema } from '../../shared/contracts/plans';
import { reportListResponseSchema, taskStatusesResponseSchema } from '../../shared/contracts/reporting';

/*
 * How answers become JSON. Every answer goes through its contract's schema, so nothing outside it (a
 * password hash, an internal column) can leak. By default that is fastify-type-provider-zod's
 * serializer: Zod checks and encodes the whole answer, then JSON.stringify writes it. For the large
 * answers read most often (lists of 100–200 rows, the dashboard) that costs more than the database: on
 * a 100-task page 1.8 ms against 0.85 ms, on the all-plans dashboard 7.6 ms against 1.0 ms
 * (docs/PERFORMANCE.md, "National scale"). Those answers are written instead by fast-json-stringify,
 * compiled once from the same schema's JSON Schema (as the OpenAPI document shows it): it writes only
 * the properties the schema declares, in the same form. It does not re-check values (an enum's member,
 * a date's format) on every answer; the HTTP tests check those answers against their contracts, and
 * `serializer.test.ts` that both ways write the same bytes.
 */

type Stringify = (data: unknown) => string;
const fastJsonStringify = createRequire(import.meta.url)('fast-json-stringify') as (
  schema: object,
  options?: object,
) => Stringify;

/** The answers written by the compiled serializer: large, read often, plain data. */
export const COMPILED_RESPONSES: ReadonlySet<z.ZodType> = new Set<z.ZodType>([
  taskListResponseSchema,
  planListResponseSchema,
  reportListResponseSchema,
  taskStatusesResponseSchema,
  dashboardResponseSchema,
  dashboardPlanResponseSchema,
]);

/**
 * The JSON Schema without `additionalProperties: false`. Zod drops undeclared keys and so does
 * fast-json-stringify (it writes declared properties only), but where a value may be one of several
 * shapes (a nullable object is `anyOf: [object, null]`) fast-json-stringify picks the shape by
 * validating, and `false` there would refuse an object carrying one key more than the contract (a
 * service's internal id) instead of leaving the key out as Zod does.
 */
function withoutClosedObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutClosedObjects);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'additionalProperties' && v === false) continue;
    out[k] = withoutClosedObjects(v);
  }
  return out;
}

/** fast-json-stringify compiled from a Zod schema's output JSON Schema. */
export function compileStringify(schema: z.ZodType): Stringify {
  const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7' });
  return fastJsonStringify(withoutClosedObjects(json) as object);
}

/** Fastify's serializer compiler: compiled for COMPILED_RESPONSES, Zod for everything else. */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  const schema = route.schema;
  if (schema instanceof z.ZodType && COMPILED_RESPONSES.has(schema)) return compileStringify(schema);
  return zodSerializerCompiler(route as never);
};
