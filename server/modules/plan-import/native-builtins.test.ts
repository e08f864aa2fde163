import { expect, it } from 'vitest';
import { builtinsAreNative } from './native-builtins';
import { readPdfText } from './pdf-text';
import { warmUpPdfReader } from './pdf-warm-up';

const nativeStringify = JSON.stringify;
const nativeParse = JSON.parse;
const nativePush = Array.prototype.push;

it('reading a PDF leaves JSON and Array.prototype.push as the engine made them (pdfjs polyfills them)', async () => {
  expect(await warmUpPdfReader()).toBe(true);
  // A second document, now that pdfjs and its worker are loaded.
  expect((await readPdfText(new TextEncoder().encode('%PDF-1.4\nnot really'))).kind).toBe('unreadable');
  expect(JSON.stringify).toBe(nativeStringify);
  expect(JSON.parse).toBe(nativeParse);
  expect(Array.prototype.push).toBe(nativePush);
  expect(builtinsAreNative()).toBe(true);
});
