import path from 'node:path';
import type { AppContext } from '../context';
import { DatabaseFileStore } from './database-file-store';
import { DiskFileStore, type FileStore } from './file-store';

export type FileStorage = FileStore['kind'];

/**
 * FILE_STORAGE, or by default: the database on PostgreSQL (several processes, possibly on several
 * machines, share it), the disk for SQLite (one process on one machine anyway).
 */
export function fileStorageOf(ctx: AppContext): FileStorage {
  return ctx.config.fileStorage ?? (ctx.dbKind === 'postgres' ? 'database' : 'disk');
}

/** The file store the configuration names (cheap to build: it holds no connection of its own). */
export function fileStoreOf(ctx: AppContext): FileStore {
  const disk = new DiskFileStore(path.join(ctx.config.dataDir, 'files'));
  return fileStorageOf(ctx) === 'database' ? new DatabaseFileStore(ctx.db, disk) : disk;
}
