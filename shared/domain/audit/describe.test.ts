import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, changesText, describeAudit } from './describe';

const orgs = new Map([
  [3, 'Sở Tài chính'],
  [5, 'Sở Công Thương'],
]);

describe('describeAudit', () => {
  it('puts the action before the object by name', () => {
    const d = describeAudit(
      { action: 'report.accepted', entity: 'report', entityId: '14', detail: { versionNo: 2 } },
      { object: 'báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025', organisations: orgs },
    );
    expect(d.text).toBe('Tiếp nhận báo cáo của Sở Tài chính, kỳ Báo cáo năm 2025');
    expect(d.actionLabel).toBe('Tiếp nhận báo cáo');
    expect(d.changes).toEqual([{ label: 'Lần gửi', before: null, after: '2' }]);
  });

  it('lists changed fields with Vietnamese labels, organisation names, role names and dates', () => {
    const d = describeAudit(
      {
        action: 'organisation.updated',
        entity: 'organisation',
        entityId: '7',
        detail: {
          before: {
            name: 'Sở Kế hoạch và Đầu tư',
            successorId: null,
            validTo: null,
            kind: 'so',
            code: 'SKHDT',
          },
          after: {
            name: 'Sở Kế hoạch và Đầu tư',
            successorId: 3,
            validTo: '2025-02-28',
            kind: 'so',
            code: 'SKHDT',
          },
        },
      },
      { object: 'cơ quan Sở Kế hoạch và Đầu tư', organisations: orgs },
    );
    expect(d.text).toBe('Sửa thông tin cơ quan Sở Kế hoạch và Đầu tư');
    expect(d.changes).toEqual([
      { label: 'Hiệu lực đến', before: null, after: '28/02/2025' },
      { label: 'Cơ quan kế thừa', before: null, after: 'Sở Tài chính' },
    ]);
    expect(changesText(d.changes)).toBe('Hiệu lực đến: 28/02/2025\nCơ quan kế thừa: Sở Tài chính');
  });

  it('writes years as years and figures the Vietnamese way, and hides hashes and ids', () => {
    const d = describeAudit(
      {
        action: 'indicator_value.created',
        entity: 'indicator',
        entityId: '1',
        detail: {
          valueId: 9,
          year: 2024,
          value: 12500.75,
          status: 'estimate',
          accepted: false,
          sha256: 'ab',
        },
      },
      { object: 'chỉ số CT01', organisations: orgs },
    );
    expect(changesText(d.changes)).toBe(
      'Năm: 2024\nGiá trị: 12.500,75\nTrạng thái số liệu: Ước tính\nĐược tiếp nhận ngay: Không',
    );
  });

  it('says when the object no longer exists, and never shows a code for a known action', () => {
    const d = describeAudit(
      { action: 'user.password_reset', entity: 'user', entityId: '42', detail: null },
      { object: null, organisations: orgs },
    );
    expect(d.text).toBe('Đặt lại mật khẩu của người dùng đã bị xóa (mã 42)');
    for (const [code, a] of Object.entries(AUDIT_ACTIONS)) {
      expect(a.label, code).not.toMatch(/[a-z]+[._][a-z]+/);
    }
  });
});
