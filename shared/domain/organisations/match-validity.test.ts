import { describe, expect, it } from 'vitest';
import type { PlanDraft } from '../../contracts/plan-draft';
import { parseDeadline } from '../plan-import/deadline';
import { countUncertain, isUncertainResolution, toReviewDraft } from '../plan-import/review';
import { matchAgency, namesWithCommas, type RegistryEntry, splitAgencyList } from './match';

const entry = (id: number, name: string, more: Partial<RegistryEntry> = {}): RegistryEntry => ({
  id,
  code: `C${id}`,
  name,
  aliases: [],
  ...more,
});

// A province's reorganisation: information and communications merged into science and technology on 1/3/2025.
const REGISTRY: RegistryEntry[] = [
  entry(1, 'Sở Thông tin và Truyền thông', { validTo: '2025-02-28', successorId: 2, aliases: ['Sở TT&TT'] }),
  entry(2, 'Sở Khoa học và Công nghệ'),
  entry(3, 'Sở Nông nghiệp và Môi trường', { validFrom: '2025-03-01' }),
  entry(4, 'Báo và Phát thanh, Truyền hình Hưng Yên', { validFrom: '2025-07-01' }),
  entry(5, 'Sở Tài chính'),
  // Abolished, then abolished again into a third: the successor valid on the date is the one proposed.
  entry(6, 'Trung tâm Xúc tiến Đầu tư', { validTo: '2024-06-30', successorId: 7 }),
  entry(7, 'Trung tâm Xúc tiến Đầu tư và Thương mại', {
    validFrom: '2024-07-01',
    validTo: '2025-06-30',
    successorId: 8,
  }),
  entry(8, 'Trung tâm Phát triển Doanh nghiệp', { validFrom: '2025-07-01' }),
  // Two registry rows with one name: a department dissolved and set up again later.
  entry(9, 'Sở Ngoại vụ', { validTo: '2020-12-31' }),
  entry(10, 'Sở Ngoại vụ', { validFrom: '2021-01-01' }),
];

describe('agency names at the plan date', () => {
  it('flags an agency abolished before the plan date and proposes its successor', () => {
    expect(matchAgency('Sở Thông tin và Truyền thông', REGISTRY, '2025-06-01')).toMatchObject({
      kind: 'organisation',
      organisationId: 1,
      notInForce: { on: '2025-06-01', status: 'ended', successorId: 2 },
    });
    expect(matchAgency('Sở TT&TT', REGISTRY, '2025-06-01')).toMatchObject({
      organisationId: 1,
      notInForce: { successorId: 2 },
    });
  });

  it('does not flag the same agency on a date it existed, nor when the plan has no date', () => {
    expect(matchAgency('Sở Thông tin và Truyền thông', REGISTRY, '2024-05-01')).not.toHaveProperty(
      'notInForce',
    );
    expect(matchAgency('Sở Thông tin và Truyền thông', REGISTRY)).not.toHaveProperty('notInForce');
    expect(matchAgency('Sở Thông tin và Truyền thông', REGISTRY, '2025-02-28')).not.toHaveProperty(
      'notInForce',
    );
  });

  it('flags an agency not yet created on the plan date, without a successor', () => {
    expect(matchAgency('Sở Nông nghiệp và Môi trường', REGISTRY, '2024-01-15')).toMatchObject({
      organisationId: 3,
      notInForce: { status: 'not_started', successorId: null },
    });
  });

  it('follows successors to the one that existed on the plan date', () => {
    expect(matchAgency('Trung tâm Xúc tiến Đầu tư', REGISTRY, '2025-01-10')).toMatchObject({
      notInForce: { successorId: 7 },
    });
    expect(matchAgency('Trung tâm Xúc tiến Đầu tư', REGISTRY, '2025-09-10')).toMatchObject({
      notInForce: { successorId: 8 },
    });
  });

  it('picks, of two agencies with the same name, the one that existed on the plan date', () => {
    expect(matchAgency('Sở Ngoại vụ', REGISTRY, '2019-03-01')).toMatchObject({ organisationId: 9 });
    expect(matchAgency('Sở Ngoại vụ', REGISTRY, '2023-03-01')).toMatchObject({ organisationId: 10 });
    expect(matchAgency('Sở Ngoại vụ', REGISTRY, '2023-03-01')).not.toHaveProperty('notInForce');
  });
});

describe('registry names containing a comma', () => {
  const whole = namesWithCommas(REGISTRY);

  it('are kept whole when a cell is split at commas', () => {
    expect(whole).toEqual(['Báo và Phát thanh, Truyền hình Hưng Yên']);
    expect(splitAgencyList('Báo và Phát thanh, Truyền hình Hưng Yên, Sở Tài chính', whole)).toEqual([
      'Báo và Phát thanh, Truyền hình Hưng Yên',
      'Sở Tài chính',
    ]);
    // Written without diacritics, in capitals, or with other spacing: still one agency.
    expect(splitAgencyList('Sở Tài chính; BÁO VÀ PHÁT THANH ,TRUYỀN HÌNH HƯNG YÊN', whole)).toEqual([
      'Sở Tài chính',
      'BÁO VÀ PHÁT THANH ,TRUYỀN HÌNH HƯNG YÊN',
    ]);
    expect(splitAgencyList('Bao va Phat thanh, Truyen hinh Hung Yen', whole)).toEqual([
      'Bao va Phat thanh, Truyen hinh Hung Yen',
    ]);
  });

  it('are cut like any list without the registry, so the registry is what keeps them whole', () => {
    expect(splitAgencyList('Báo và Phát thanh, Truyền hình Hưng Yên, Sở Tài chính')).toHaveLength(3);
  });

  it('come out of the review as one link, even from a coordinator list the parser had already cut', () => {
    const draft = {
      number: '1/KH-UBND',
      issuedOn: '2025-09-01',
      issuer: 'UBND tỉnh Hưng Yên',
      place: 'Hưng Yên',
      title: 'Kế hoạch',
      basis: [],
      sections: [],
      targets: [],
      duties: [],
      regime: null,
      warnings: [],
      tasks: [
        {
          ordinal: '1',
          group: null,
          content: 'Tuyên truyền',
          lead: 'Sở Thông tin và Truyền thông',
          coordinators: ['Báo và Phát thanh', 'Truyền hình Hưng Yên', 'Sở Tài chính'],
          product: null,
          deadline: parseDeadline('Năm 2025'),
        },
      ],
    } as unknown as PlanDraft;
    const review = toReviewDraft(draft, (raw) => matchAgency(raw, REGISTRY, draft.issuedOn), whole);
    const task = review.tasks[0];
    expect(task?.coordinatorLinks.map((l) => l.text)).toEqual([
      'Báo và Phát thanh, Truyền hình Hưng Yên',
      'Sở Tài chính',
    ]);
    expect(task?.coordinatorLinks[0]?.resolution).toEqual({
      type: 'organisation',
      organisationId: 4,
      confidence: 1,
    });
    const lead = task?.leads[0]?.resolution;
    expect(lead).toEqual({
      type: 'organisation',
      organisationId: 1,
      confidence: 1,
      notInForce: { on: '2025-09-01', status: 'ended', successorId: 2 },
    });
    // The flagged link needs the officer's eye, even though the name matched exactly.
    expect(lead && isUncertainResolution(lead)).toBe(true);
    expect(countUncertain(review)).toBe(1);
  });
});
