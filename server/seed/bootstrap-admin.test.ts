import { expect, it } from 'vitest';
import { verifyPassword } from '../modules/auth/password';
import { openTestContext } from '../test/databases';
import { describeEachDatabase } from '../test/describe-each-database';
import { ensureAdmin } from './bootstrap-admin';

describeEachDatabase('first administrator on a new database', (dialect) => {
  it('is created once, with a generated one-time password that must be changed', async () => {
    const t = await openTestContext(dialect);
    try {
      const first = await ensureAdmin(t.ctx);
      expect(first).toMatchObject({ username: 'admin', generated: true });
      expect(first!.password).toHaveLength(16);
      const row = await t.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      expect(row.must_change_password).toBe(1);
      expect(await verifyPassword(first!.password, row.password_hash)).toBe(true);
      // It belongs to an agency: the provincial committee, created because the registry was empty.
      const org = await t.ctx.db
        .selectFrom('organisations')
        .selectAll()
        .where('id', '=', row.organisation_id)
        .executeTakeFirstOrThrow();
      expect(org.kind).toBe('ubnd_tinh');
      expect(await ensureAdmin(t.ctx)).toBeNull();
    } finally {
      await t.close();
    }
  });

  it('takes its password from PLANWATCH_ADMIN_PASSWORD when set', async () => {
    const t = await openTestContext(dialect);
    try {
      const ctx = { ...t.ctx, config: { ...t.ctx.config, adminPassword: 'mat-khau-tu-bien-moi-truong' } };
      expect(await ensureAdmin(ctx)).toMatchObject({
        generated: false,
        password: 'mat-khau-tu-bien-moi-truong',
      });
      const row = await t.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      expect(row.must_change_password).toBe(0);
    } finally {
      await t.close();
    }
  });
});
