/*
 * pdfjs-dist's legacy build carries core-js polyfills that replace built-ins for the whole process when it
 * loads (its main module and its worker, which runs in-process on Node): on Node 20, JSON.parse,
 * JSON.stringify and Array.prototype.push become JavaScript versions (forced because Node 20 lacks
 * JSON.rawJSON). Every answer the server serialises then goes through them: a 100-task page took
 * several times longer once the PDF reader had been warmed up (docs/PERFORMANCE.md, "National scale").
 * The built-ins are taken when this module is loaded, before pdfjs ever is, and put back after each use
 * of pdfjs; what pdfjs reads through them behaves the same with the native ones.
 */

type Holder = Record<PropertyKey, unknown>;

const HOLDERS: [string, Holder][] = [
  ['JSON', JSON as unknown as Holder],
  ['Object', Object as unknown as Holder],
  ['Array', Array as unknown as Holder],
  ['Array.prototype', Array.prototype as unknown as Holder],
  ['String.prototype', String.prototype as unknown as Holder],
  ['Promise', Promise as unknown as Holder],
  ['Map.prototype', Map.prototype as unknown as Holder],
  ['Set.prototype', Set.prototype as unknown as Holder],
];

/** Every function-valued own property of the holders above, as the process started with them. */
const NATIVE: [Holder, PropertyKey, PropertyDescriptor][] = HOLDERS.flatMap(([, holder]) =>
  Reflect.ownKeys(holder).flatMap((key) => {
    const d = Object.getOwnPropertyDescriptor(holder, key);
    return d && typeof d.value === 'function'
      ? [[holder, key, d] as [Holder, PropertyKey, PropertyDescriptor]]
      : [];
  }),
);

/** Puts back every built-in a library replaced; returns the names it had to put back. */
export function restoreNativeBuiltins(): string[] {
  const restored: string[] = [];
  for (const [holder, key, descriptor] of NATIVE) {
    if (Object.getOwnPropertyDescriptor(holder, key)?.value === descriptor.value) continue;
    Object.defineProperty(holder, key, descriptor);
    const name = HOLDERS.find(([, h]) => h === holder)?.[0];
    restored.push(`${name}.${String(key)}`);
  }
  return restored;
}

/** True when JSON and Array.prototype.push are the engine's own (what the tests check after a PDF read). */
export function builtinsAreNative(): boolean {
  return NATIVE.every(([holder, key, d]) => Object.getOwnPropertyDescriptor(holder, key)?.value === d.value);
}
