import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../shared/contracts/errors';
import { MAX_SECTION_DEPTH, type PlanSection } from '../../shared/contracts/plan-draft';
import type { PlanImport } from '../../shared/contracts/plan-import';
import { planImportSchema } from '../../shared/contracts/plan-import';
import { miniPlan } from '../../shared/domain/plan-import/mini-plan';
import { importSamplePlan } from '../modules/indicators/test-plan';
import { describeEachDatabase } from '../test/describe-each-database';
import { expectBody } from '../test/expect-body';
import { buildUser } from '../test/factories';
import { type Agent, startTestServer, type TestResponse, type TestServer } from '../test/http-agent';

/**
 * Hostile or malformed input through HTTP: every case must be a 400 (413 for size) with a Vietnamese
 * message naming the field, and must leave the database as it was.
 */

interface Case {
  name: string;
  as: 'admin' | 'coordinator';
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** ":plan", ":import" are replaced by the fixture's ids. */
  url: string;
  body?: (f: Fixture) => unknown;
  status?: number;
  /** Part of the Vietnamese message: the field's name and what is wrong. */
  message: RegExp;
}

interface Fixture {
  planId: number;
  importId: number;
  version: number;
  draft: PlanImport['draft'];
  organisationId: number;
  indicatorId: number;
}

const MB = 1024 * 1024;
const org = (over: Record<string, unknown>) => ({ code: 'SO_MOI', name: 'Sở Mới', kind: 'so', ...over });
const user = (over: Record<string, unknown>) => ({
  username: 'nguoi.moi',
  fullName: 'Người Mới',
  role: 'reporter',
  password: 'mat-khau-rat-dai',
  ...over,
});

/** A chain of sections `levels` deep, built without recursion. */
function deepSections(levels: number): PlanSection[] {
  let node: PlanSection = { ordinal: '1', heading: 'Mục', paragraphs: [], children: [] };
  for (let i = 1; i < levels; i++) node = { ordinal: '1', heading: 'Mục', paragraphs: [], children: [node] };
  return [node];
}

/**
 * The same chain as JSON text. JSON.stringify itself recurses and overflows at this depth, so a
 * hostile client's payload is built as text, the way it would arrive.
 */
function deepSectionsJson(levels: number): string {
  const open = '{"ordinal":"1","heading":"Mục","paragraphs":[],"children":[';
  return `[${open.repeat(levels)}${']}'.repeat(levels)}]`;
}

/** A body as raw JSON text with `draft[key]` replaced by the given JSON. */
const rawJson = (body: { version: number; draft: object }, key: string, json: string): RawJson => ({
  raw: JSON.stringify({ ...body, draft: { ...body.draft, [key]: '@@' } }).replace('"@@"', json),
});

interface RawJson {
  raw: string;
}

const saveDraft = (f: Fixture, change: (d: PlanImport['draft']) => PlanImport['draft']) => ({
  version: f.version,
  draft: change(structuredClone(f.draft)),
});

const CASES: Case[] = [
  // NUL: PostgreSQL text cannot hold it.
  {
    name: 'NUL in a form field',
    as: 'admin',
    method: 'POST',
    url: '/api/organisations',
    body: () => org({ name: 'Sở\u0000Mới' }),
    message: /Tên chứa ký tự NUL/,
  },
  {
    name: 'NUL inside a list',
    as: 'admin',
    method: 'POST',
    url: '/api/organisations',
    body: () => org({ aliases: ['Tên khác', 'x\u0000'] }),
    message: /Tên gọi khác \(aliases\.1\) chứa ký tự NUL/,
  },
  {
    name: 'NUL in a user’s name',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    body: (f) => user({ fullName: 'A\u0000', organisationId: f.organisationId }),
    message: /Họ và tên chứa ký tự NUL/,
  },
  {
    name: 'NUL in a query parameter',
    as: 'admin',
    method: 'GET',
    url: '/api/organisations?q=abc%00',
    message: /Từ khóa tìm kiếm chứa ký tự NUL/,
  },
  {
    name: 'NUL in a path parameter',
    as: 'coordinator',
    method: 'GET',
    url: '/api/plans/1%00',
    message: /Mã định danh chứa ký tự NUL/,
  },
  {
    name: 'NUL in a review draft',
    as: 'coordinator',
    method: 'PUT',
    url: '/api/plan-imports/:import/draft',
    body: (f) => saveDraft(f, (d) => ({ ...d, title: 'Kế hoạch\u0000' })),
    message: /Tiêu đề \(draft\.title\) chứa ký tự NUL/,
  },
  // Dates: one primitive, real calendar dates only.
  {
    name: 'a date that cannot be a date',
    as: 'admin',
    method: 'POST',
    url: '/api/organisations',
    body: () => org({ validFrom: '9999-99-99' }),
    message: /Ngày bắt đầu hiệu lực: Ngày phải là ngày có thật/,
  },
  {
    name: 'a date that does not exist',
    as: 'admin',
    method: 'POST',
    url: '/api/organisations',
    body: () => org({ validTo: '2026-02-31' }),
    message: /Ngày hết hiệu lực: Ngày phải là ngày có thật/,
  },
  {
    name: 'an impossible date in the query string',
    as: 'admin',
    method: 'GET',
    url: '/api/organisations?on=2026-02-31',
    message: /Ngày: Ngày phải là ngày có thật/,
  },
  {
    name: 'an impossible evaluation date',
    as: 'coordinator',
    method: 'GET',
    url: '/api/plans/:plan/indicators?on=9999-99-99',
    message: /Ngày: Ngày phải là ngày có thật/,
  },
  {
    name: 'an impossible due date',
    as: 'coordinator',
    method: 'POST',
    url: '/api/plans/:plan/reporting-periods',
    body: () => ({ kind: 'ad_hoc', title: 'Báo cáo nhanh', dueOn: '2026-02-31' }),
    message: /Hạn nộp: Ngày phải là ngày có thật/,
  },
  {
    name: 'an impossible date inside a draft',
    as: 'coordinator',
    method: 'PUT',
    url: '/api/plan-imports/:import/draft',
    body: (f) => saveDraft(f, (d) => ({ ...d, issuedOn: '2024-02-30' })),
    message: /Ngày ban hành \(draft\.issuedOn\): Ngày phải là ngày có thật/,
  },
  // Nesting.
  {
    name: 'sections one level past the cap',
    as: 'coordinator',
    method: 'PUT',
    url: '/api/plan-imports/:import/draft',
    body: (f) => saveDraft(f, (d) => ({ ...d, sections: deepSections(MAX_SECTION_DEPTH + 1) })),
    message: new RegExp(`Các phần nội dung lồng nhau quá ${MAX_SECTION_DEPTH} cấp`),
  },
  {
    name: 'sections nested 5,000 deep',
    as: 'coordinator',
    method: 'PUT',
    url: '/api/plan-imports/:import/draft',
    body: (f) =>
      rawJson(
        saveDraft(f, (d) => d),
        'sections',
        deepSectionsJson(5000),
      ),
    message: /Các phần nội dung \(draft\.sections\.0\) lồng nhau quá sâu/,
  },
  // Numbers.
  {
    name: 'an id beyond the integer columns',
    as: 'admin',
    method: 'POST',
    url: '/api/users',
    body: () => user({ organisationId: 1e12 }),
    message: /Cơ quan: Mã định danh phải là số nguyên dương/,
  },
  {
    name: 'a huge id in the path',
    as: 'coordinator',
    method: 'GET',
    url: '/api/plans/99999999999',
    message: /Mã định danh/,
  },
  {
    name: 'an id written as an exponent',
    as: 'coordinator',
    method: 'GET',
    url: '/api/plans/1e10/tasks',
    message: /Mã định danh/,
  },
  {
    name: 'an id that is not a number',
    as: 'coordinator',
    method: 'GET',
    url: '/api/plans/abc',
    message: /Mã định danh phải là số nguyên dương/,
  },
  {
    name: 'a huge version',
    as: 'coordinator',
    method: 'PUT',
    url: '/api/plan-imports/:import/draft',
    body: (f) => ({ ...saveDraft(f, (d) => d), version: 1e15 }),
    message: /Phiên bản/,
  },
  {
    name: 'a huge year for a value',
    as: 'coordinator',
    method: 'POST',
    url: '/api/indicators/:indicator/values',
    body: () => ({ year: 1e15, value: 1, status: 'official', source: 'Cục Thống kê' }),
    message: /năm 1000000000000000 nằm ngoài khoảng/,
  },
  {
    name: 'a negative page',
    as: 'admin',
    method: 'GET',
    url: '/api/users?page=-1',
    message: /Số trang: Số trang phải từ 1 trở lên/,
  },
  {
    name: 'an absurd page',
    as: 'admin',
    method: 'GET',
    url: '/api/audit?page=999999999999',
    message: /Số trang tối đa/,
  },
  {
    name: 'a page size that is not a number',
    as: 'coordinator',
    method: 'GET',
    url: '/api/plans/:plan/tasks?pageSize=nhieu',
    message: /Số dòng mỗi trang/,
  },
  {
    name: 'a year out of range',
    as: 'coordinator',
    method: 'GET',
    url: '/api/plans/:plan/tasks?deadlineYear=99999',
    message: /Năm phải không quá 2200/,
  },
  // Vocabularies.
  {
    name: 'an unknown agency kind',
    as: 'admin',
    method: 'POST',
    url: '/api/organisations',
    body: () => org({ kind: 'khong_co' }),
    message: /Loại: Loại cơ quan không hợp lệ/,
  },
  {
    name: 'an unknown status filter',
    as: 'coordinator',
    method: 'GET',
    url: '/api/plan-imports?status=bogus',
    message: /status/,
  },
  // Size.
  {
    name: 'a 1 MB title',
    as: 'coordinator',
    method: 'PUT',
    url: '/api/plan-imports/:import/draft',
    body: (f) => saveDraft(f, (d) => ({ ...d, title: 'A'.repeat(MB) })),
    message: /Tiêu đề \(draft\.title\) dài quá 200\.000 ký tự/,
  },
  {
    name: 'a 1 MB agency name',
    as: 'admin',
    method: 'POST',
    url: '/api/organisations',
    body: () => org({ name: 'Sở '.repeat(MB / 3) }),
    message: /Tên dài quá/,
  },
  {
    name: 'a body over the 2 MB limit',
    as: 'admin',
    method: 'POST',
    url: '/api/organisations',
    body: () => org({ aliases: ['x'.repeat(3 * MB)] }),
    status: 413,
    message: /Dữ liệu gửi lên quá lớn \(giới hạn 2 MB/,
  },
];

describeEachDatabase('bad input is refused with a Vietnamese 400 naming the field', (dialect) => {
  let s: TestServer;
  let admin: Agent;
  let coordinator: Agent;
  let fixture: Fixture;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    const { planId, sctId } = await importSamplePlan(s.ctx);
    admin = await s.loginAs(await buildUser(s.ctx, { role: 'admin' }));
    coordinator = await s.loginAs(await buildUser(s.ctx, { role: 'coordinator' }));
    const imp = expectBody(
      await coordinator.upload('/api/plan-imports', 'kh.txt', Buffer.from(miniPlan())),
      planImportSchema,
    );
    const indicator = await s.ctx.db
      .selectFrom('indicators')
      .select('id')
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    fixture = {
      planId,
      importId: imp.id,
      version: imp.version,
      draft: imp.draft,
      organisationId: sctId,
      indicatorId: indicator.id,
    };
  }, 60_000);
  afterAll(() => s.close());

  /** Everything a refused request could have written. */
  async function snapshot() {
    const count = async (
      table: 'organisations' | 'users' | 'audit_log' | 'reporting_periods' | 'documents' | 'indicator_values',
    ) =>
      Number(
        (
          await s.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const imp = await s.ctx.db
      .selectFrom('plan_imports')
      .select(['version', 'draft_json'])
      .where('id', '=', fixture.importId)
      .executeTakeFirstOrThrow();
    return {
      organisations: await count('organisations'),
      users: await count('users'),
      audit: await count('audit_log'),
      periods: await count('reporting_periods'),
      documents: await count('documents'),
      values: await count('indicator_values'),
      draft: imp,
    };
  }

  it.each(CASES)('$name', async (c) => {
    const before = await snapshot();
    const agent = c.as === 'admin' ? admin : coordinator;
    const url = c.url
      .replace(':plan', String(fixture.planId))
      .replace(':import', String(fixture.importId))
      .replace(':indicator', String(fixture.indicatorId));
    const payload = c.body?.(fixture);
    const res: TestResponse =
      payload !== null && typeof payload === 'object' && 'raw' in payload
        ? await agent.request(c.method, url, (payload as RawJson).raw, { 'content-type': 'application/json' })
        : await agent.request(c.method, url, payload);
    const body = expectBody(res, errorResponseSchema);
    expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(c.status ?? 400);
    expect(body.error.code).toBe(c.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED');
    expect(body.error.message).toMatch(c.message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a NUL in an uploaded file’s name and keeps nothing', async () => {
    const before = await snapshot();
    const res = await coordinator.upload('/api/plan-imports', 'ke\u0000hoach.txt', Buffer.from('Kế hoạch'));
    expect(res.status).toBe(400);
    expect(expectBody(res, errorResponseSchema).error.message).toMatch(/Tên tệp chứa ký tự NUL/);
    expect(await snapshot()).toEqual(before);
  });

  describe('what is still accepted', () => {
    it('a real leap day, and a draft nested exactly to the cap', async () => {
      const created = await admin.post(
        '/api/organisations',
        org({ code: 'SO_NHUAN', validFrom: '2024-02-29' }),
      );
      expect(created.status).toBe(200);
      const saved = await coordinator.request(
        'PUT',
        `/api/plan-imports/${fixture.importId}/draft`,
        saveDraft(fixture, (d) => ({ ...d, sections: deepSections(MAX_SECTION_DEPTH) })),
      );
      expect(saved.status).toBe(200);
      fixture.version = expectBody(saved, planImportSchema).version;
    });
  });
});
