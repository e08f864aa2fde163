import { describe, expect, it } from 'vitest';
import { retryWhileSchemasVanish } from './migrate';

/** PostgreSQL's "schema … does not exist" for a schema another process dropped mid-query. */
const vanished = () => Object.assign(new Error('schema "pw_test_other" does not exist'), { code: '3F000' });

describe('retryWhileSchemasVanish', () => {
  it('looks again when another schema vanished during the catalog query, and returns the answer', async () => {
    let calls = 0;
    const answer = await retryWhileSchemasVanish(async () => {
      calls++;
      if (calls < 3) throw vanished();
      return 'tables';
    });
    expect(answer).toBe('tables');
    expect(calls).toBe(3);
  });

  it('passes any other error through at once', async () => {
    let calls = 0;
    const failure = retryWhileSchemasVanish(async () => {
      calls++;
      throw Object.assign(new Error('relation "plans" does not exist'), { code: '42P01' });
    });
    await expect(failure).rejects.toThrow('relation "plans" does not exist');
    expect(calls).toBe(1);
  });

  it('gives up after the last attempt with the database error', async () => {
    let calls = 0;
    const failure = retryWhileSchemasVanish(async () => {
      calls++;
      throw vanished();
    }, 3);
    await expect(failure).rejects.toThrow('pw_test_other');
    expect(calls).toBe(3);
  });
});
