import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../shared/contracts/errors';
import type { Organisation } from '../../../shared/contracts/organisations';
import { organisationSchema } from '../../../shared/contracts/organisations';
import { planImportSchema } from '../../../shared/contracts/plan-import';
import { foldAgencyName, normalizeAgencyName } from '../../../shared/domain/organisations/agency-name';
import { miniPlan } from '../../../shared/domain/plan-import/mini-plan';
import * as migration from '../../db/migrations/20261130T2137_agency_name_folded';
import { describeEachDatabase } from '../../test/describe-each-database';
import { expectBody } from '../../test/expect-body';
import { buildUser } from '../../test/factories';
import { type Agent, startTestServer, type TestServer } from '../../test/http-agent';

const ZWSP = '\u200B';
const RLO = '\u202E';
const PDF = '\u202C';
const SOFT_HYPHEN = '\u00AD';
const BOM = '\uFEFF';

describe('agency name normalisation', () => {
  it('strips invisible and bidi characters, composes to NFC and collapses spaces', () => {
    expect(normalizeAgencyName(`${BOM} Sở${ZWSP} Tài${SOFT_HYPHEN}  chính ${RLO}x${PDF}`)).toBe(
      'Sở Tài chính x',
    );
    expect(normalizeAgencyName('Sở Tài chính'.normalize('NFD'))).toBe('Sở Tài chính');
  });

  it('folds case, diacritics and đ the way search does', () => {
    expect(foldAgencyName('SỞ TÀI CHÍNH')).toBe('so tai chinh');
    expect(foldAgencyName(`Sở Tài${ZWSP} Chính`)).toBe('so tai chinh');
    expect(foldAgencyName('Đài Phát thanh')).toBe('dai phat thanh');
  });
});

describeEachDatabase(
  'agency names are normalised and unique among agencies valid at the same time',
  (dialect) => {
    let s: TestServer;
    let admin: Agent;
    let coordinator: Agent;

    beforeAll(async () => {
      s = await startTestServer(dialect);
      admin = await s.loginAs(await buildUser(s.ctx, { role: 'admin' }));
      coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
    });
    afterAll(() => s.close());

    const count = async () =>
      Number(
        (
          await s.ctx.db
            .selectFrom('organisations')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const create = (body: Record<string, unknown>) =>
      admin.post('/api/organisations', { kind: 'so', ...body });

    let finance: Organisation;

    it('stores a name without the invisible characters it was typed with', async () => {
      const res = await create({
        code: 'STC',
        name: `Sở${ZWSP} Tài ${RLO}chính${PDF}`.normalize('NFD'),
        aliases: [`STC${ZWSP}`, 'STC'],
      });
      expect(res.status).toBe(200);
      finance = expectBody(res, organisationSchema);
      expect(finance.name).toBe('Sở Tài chính');
      expect(finance.aliases).toEqual(['STC']);
    });

    it.each([
      ['the same name in capitals', 'SỞ TÀI CHÍNH'],
      ['the same name without accents', 'So Tai chinh'],
      ['the same name with hidden characters', `Sở Tài${ZWSP}${SOFT_HYPHEN} chính`],
      ['the same name with a bidi override', `${RLO}Sở Tài chính${PDF}`],
    ])('refuses %s while the first is valid, naming it, and saves nothing', async (_label, name) => {
      const before = await count();
      const res = await create({ code: 'STC_2', name });
      expect(res.status).toBe(409);
      const body = expectBody(res, errorResponseSchema);
      expect(body.error.message).toMatch(/^Đã có cơ quan "Sở Tài chính" \(mã STC\) trùng tên/);
      expect(body.error.fields?.[0]?.path).toBe('name');
      expect(await count()).toBe(before);
    });

    it('refuses a name made only of invisible characters', async () => {
      const res = await create({ code: 'RONG', name: `${ZWSP}${BOM}` });
      expect(res.status).toBe(400);
      expect(expectBody(res, errorResponseSchema).error.message).toMatch(/Vui lòng nhập tên cơ quan/);
    });

    it('lets a successor take the name of an agency abolished before it starts, but not overlapping it', async () => {
      const old = await create({ code: 'SXD_CU', name: 'Sở Xây dựng', validTo: '2025-02-28' });
      expect(old.status).toBe(200);
      const overlapping = await create({ code: 'SXD_TRUNG', name: 'Sở Xây Dựng', validFrom: '2025-01-01' });
      expect(overlapping.status).toBe(409);
      expect(expectBody(overlapping, errorResponseSchema).error.message).toMatch(
        /"Sở Xây dựng" \(mã SXD_CU\)/,
      );
      const successor = await create({ code: 'SXD', name: 'Sở Xây dựng', validFrom: '2025-03-01' });
      expect(successor.status).toBe(200);
    });

    it('refuses renaming an agency to a name already in use', async () => {
      const other = expectBody(await create({ code: 'SNV', name: 'Sở Nội vụ' }), organisationSchema);
      const res = await admin.patch(`/api/organisations/${other.id}`, {
        code: 'SNV',
        name: 'sở tài chính',
        kind: 'so',
      });
      expect(res.status).toBe(409);
      expect(expectBody(res, errorResponseSchema).error.message).toMatch(/"Sở Tài chính" \(mã STC\)/);
      const again = expectBody(await admin.get(`/api/organisations/${other.id}`), organisationSchema);
      expect(again.name).toBe('Sở Nội vụ');
      // Saving an agency under its own name (even respelt) is no clash with itself.
      const self = await admin.patch(`/api/organisations/${finance.id}`, {
        code: 'STC',
        name: 'Sở Tài Chính',
        kind: 'so',
      });
      expect(self.status).toBe(200);
    });

    it('a plan import registers a new name once, and refuses one the registry already has', async () => {
      const imp = expectBody(
        await coordinator.upload('/api/plan-imports', 'kh.txt', Buffer.from(miniPlan())),
        planImportSchema,
      );
      const draft = structuredClone(imp.draft);
      const lead = draft.tasks[0]!.leads[0]!;
      lead.resolution = { type: 'new', name: 'Sở Tài chính', kind: 'so', reviewed: true };
      const saved = await coordinator.request('PUT', `/api/plan-imports/${imp.id}/draft`, {
        version: imp.version,
        draft,
      });
      expect(saved.status).toBe(200);
      const before = await count();
      const res = await coordinator.post(`/api/plan-imports/${imp.id}/confirm`);
      expect(res.status).toBe(409);
      expect(expectBody(res, errorResponseSchema).error.message).toMatch(/"Sở Tài Chính" \(mã STC\)/);
      expect(await count()).toBe(before);
      const plans = await s.ctx.db.selectFrom('plans').select('id').execute();
      expect(plans).toEqual([]);

      // Two spellings of one new agency become one registry entry.
      const fixed = structuredClone(draft);
      fixed.tasks[0]!.leads[0]!.resolution = { type: 'new', name: 'Sở Khoa học', kind: 'so', reviewed: true };
      fixed.tasks[1]!.leads[0]!.resolution = {
        type: 'new',
        name: `SỞ KHOA HỌC${ZWSP}`,
        kind: 'so',
        reviewed: true,
      };
      const resaved = await coordinator.request('PUT', `/api/plan-imports/${imp.id}/draft`, {
        version: expectBody(saved, planImportSchema).version,
        draft: fixed,
      });
      expect(resaved.status).toBe(200);
      const confirmed = await coordinator.post(`/api/plan-imports/${imp.id}/confirm`);
      expect(confirmed.status).toBe(200);
      const science = await s.ctx.db
        .selectFrom('organisations')
        .select('name')
        .where('name_folded', '=', 'so khoa hoc')
        .execute();
      expect(science).toEqual([{ name: 'Sở Khoa học' }]);
    });

    it('the migration backfills folded names and keeps older duplicates readable', async () => {
      const db = s.ctx.db as unknown as Kysely<unknown>;
      await migration.down(db);
      const now = new Date().toISOString();
      const row = (code: string, name: string) => ({
        code,
        name,
        kind: 'so',
        search_key: name.toLowerCase(),
        created_at: now,
        updated_at: now,
      });
      await s.ctx.db
        .insertInto('organisations')
        .values([row('DUP_A', 'Sở Du lịch'), row('DUP_B', 'SỞ DU LỊCH')] as never)
        .execute();
      await migration.up(db);
      const rows = await s.ctx.db
        .selectFrom('organisations')
        .select(['code', 'name_folded'])
        .where('code', 'in', ['DUP_A', 'DUP_B', 'STC'])
        .orderBy('code')
        .execute();
      expect(rows[0]).toEqual({ code: 'DUP_A', name_folded: 'so du lich' });
      expect(rows[1]?.name_folded).toMatch(/^so du lich#\d+$/);
      expect(rows[2]).toEqual({ code: 'STC', name_folded: 'so tai chinh' });
      // The later duplicate must now be renamed or closed before it can be saved again.
      const dupB = await s.ctx.db
        .selectFrom('organisations')
        .select('id')
        .where('code', '=', 'DUP_B')
        .executeTakeFirstOrThrow();
      const res = await admin.patch(`/api/organisations/${dupB.id}`, {
        code: 'DUP_B',
        name: 'SỞ DU LỊCH',
        kind: 'so',
      });
      expect(res.status).toBe(409);
      const closed = await admin.patch(`/api/organisations/${dupB.id}`, {
        code: 'DUP_B',
        name: 'SỞ DU LỊCH',
        kind: 'so',
        validFrom: '2000-01-01',
        validTo: '2001-01-01',
      });
      expect(closed.status, JSON.stringify(closed.body)).toBe(409);
    });
  },
);
