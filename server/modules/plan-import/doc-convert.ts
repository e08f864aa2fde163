import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/*
 * Word 97-2003 (.doc) is a binary format no maintained JavaScript library reads well; LibreOffice does.
 * When it is installed (Debian: libreoffice-writer-nogui), the file is converted headless to .docx in a
 * temporary folder, with its own LibreOffice profile so conversions never wait on one another's lock,
 * and killed past the time allowed.
 */

const run = promisify(execFile);

export type DocConversion =
  | { kind: 'docx'; bytes: Uint8Array }
  | { kind: 'unavailable' }
  | { kind: 'timeout' }
  | { kind: 'failed'; detail: string };

/** The LibreOffice command on PATH (soffice or libreoffice), or null. */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = path.join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this folder
      }
    }
  }
  return null;
}

export async function convertDocToDocx(bytes: Uint8Array, timeoutMs: number): Promise<DocConversion> {
  const soffice = await findSoffice();
  if (soffice === null) return { kind: 'unavailable' };
  const dir = await mkdtemp(path.join(tmpdir(), 'planwatch-doc-'));
  try {
    const input = path.join(dir, 'plan.doc');
    await writeFile(input, bytes);
    try {
      await run(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'docx:MS Word 2007 XML',
          '--outdir',
          dir,
          input,
        ],
        { timeout: timeoutMs, killSignal: 'SIGKILL' },
      );
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'killed' in error && error.killed === true)
        return { kind: 'timeout' };
      return { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
    try {
      return { kind: 'docx', bytes: new Uint8Array(await readFile(path.join(dir, 'plan.docx'))) };
    } catch {
      // LibreOffice exits 0 without output when it cannot open the file.
      return { kind: 'failed', detail: 'LibreOffice không tạo ra tệp .docx' };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
