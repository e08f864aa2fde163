import { validate } from '@readme/openapi-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi-document';

describe('the published OpenAPI document', () => {
  let doc: Record<string, unknown>;
  beforeAll(async () => {
    doc = await buildOpenApiDocument();
  });

  it('passes a standard OpenAPI 3 validator (every $ref resolves, every schema is well-formed)', async () => {
    // validate() resolves references in place, so it gets its own copy.
    const result = await validate(structuredClone(doc) as unknown as Parameters<typeof validate>[0]);
    const errors = result.valid ? [] : result.errors;
    expect(errors, JSON.stringify(errors, null, 1).slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes the routes the client calls, with their responses', () => {
    const paths = doc.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    expect(paths['/api/plans/{id}']?.get?.responses?.['200']).toBeDefined();
    expect(paths['/api/reports/{id}']?.get?.responses?.['200']).toBeDefined();
  });
});
