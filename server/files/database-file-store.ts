import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { assertSha, type FileStore, sha256Hex } from './file-store';

/**
 * Files in the `stored_files` table, so every server process on the database serves every upload
 * whatever machine received it. `legacy` is the disk folder used before FILE_STORAGE=database: a file
 * found only there is copied in on first read, so switching backends loses nothing.
 */
export class DatabaseFileStore implements FileStore {
  readonly kind = 'database' as const;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly legacy: FileStore | null = null,
  ) {}

  async put(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    if (await this.inTable(sha)) return sha;
    await this.db
      .insertInto('stored_files')
      .values({
        sha256: sha,
        size: bytes.byteLength,
        content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        created_at: new Date().toISOString(),
      })
      // Two processes storing the same content at once: the first row wins, both get the same name.
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    return sha;
  }

  async get(sha: string): Promise<Buffer | null> {
    assertSha(sha);
    const row = await this.db
      .selectFrom('stored_files')
      .select('content')
      .where('sha256', '=', sha)
      .executeTakeFirst();
    if (row) return Buffer.from(row.content);
    const old = this.legacy ? await this.legacy.get(sha) : null;
    if (old && sha256Hex(old) === sha) await this.put(old);
    return old;
  }

  async exists(sha: string): Promise<boolean> {
    return (await this.inTable(sha)) || (this.legacy ? this.legacy.exists(sha) : false);
  }

  private async inTable(sha: string): Promise<boolean> {
    assertSha(sha);
    const row = await this.db
      .selectFrom('stored_files')
      .select('sha256')
      .where('sha256', '=', sha)
      .executeTakeFirst();
    return row !== undefined;
  }
}
