import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../../../scripts/api-types';

it('the committed API types match the OpenAPI document the server publishes (else: npm run api:types)', async () => {
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  const fresh = await renderApiTypes();
  expect(committed === fresh, 'web/src/api/schema.d.ts is stale: run `npm run api:types`').toBe(true);
});
