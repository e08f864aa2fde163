import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { connectionFault, sqliteBusyFault, storageFault } from './faults';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('classifying infrastructure failures', () => {
  it.each([
    ['SQLITE_FULL', 'đã đầy'],
    ['SQLITE_READONLY', 'chế độ chỉ đọc'],
    ['SQLITE_READONLY_DBMOVED', 'chế độ chỉ đọc'],
    ['SQLITE_IOERR_WRITE', 'Lỗi đọc/ghi ổ đĩa'],
    ['ENOSPC', 'đã đầy'],
    ['EDQUOT', 'đã đầy'],
    ['EROFS', 'chế độ chỉ đọc'],
    ['EACCES', 'Không có quyền ghi'],
  ])('%s is a 503 naming the folder (%s)', (code, words) => {
    const fault = storageFault(withCode(code), '/srv/du-lieu');
    expect(fault).toBeInstanceOf(AppError);
    expect(fault?.status).toBe(503);
    expect(fault?.code).toBe('STORAGE_UNAVAILABLE');
    expect(fault?.message).toContain('"/srv/du-lieu"');
    expect(fault?.message).toContain(words);
  });

  it('leaves other errors alone', () => {
    expect(storageFault(withCode('SQLITE_CONSTRAINT_UNIQUE'), '/x')).toBeNull();
    expect(storageFault(withCode('ENOENT'), '/x')).toBeNull();
    expect(storageFault(new Error('no code'), '/x')).toBeNull();
    expect(connectionFault(withCode('23505', 'duplicate key'))).toBeNull();
    expect(connectionFault(new AppError('NOT_FOUND'))).toBeNull();
    expect(sqliteBusyFault(withCode('SQLITE_FULL'))).toBeNull();
  });

  it.each([
    withCode('57P01', 'terminating connection due to administrator command'),
    withCode('08006', 'connection failure'),
    withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    new AggregateError([withCode('ECONNREFUSED')], ''),
  ])('a lost or refused PostgreSQL connection is a 503 DATABASE_UNAVAILABLE (%s)', (err) => {
    const fault = connectionFault(err);
    expect(fault?.status).toBe(503);
    expect(fault?.code).toBe('DATABASE_UNAVAILABLE');
    expect(fault?.cause).toBe(err);
  });

  it('SQLite still busy after the wait is a 503 to retry', () => {
    expect(sqliteBusyFault(withCode('SQLITE_BUSY', 'database is locked'))?.code).toBe('DATABASE_UNAVAILABLE');
  });
});
