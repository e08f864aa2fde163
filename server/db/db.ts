import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** The database or an open transaction: what repositories read and write through. */
export type Db = Kysely<Database>;
