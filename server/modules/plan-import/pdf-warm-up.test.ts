import { expect, it } from 'vitest';
import { warmUpPdfReader } from './pdf-warm-up';

it('reads its own tiny PDF, so the reader is loaded and compiled before the first upload', async () => {
  expect(await warmUpPdfReader()).toBe(true);
});
