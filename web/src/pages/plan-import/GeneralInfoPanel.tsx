import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { PLAN_KIND_LABELS, PLAN_KINDS, type PlanKind } from '../../../../shared/contracts/plan-draft';
import type { ReviewDraft } from '../../../../shared/contracts/plan-import';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates';
import { replaceAt } from './draftUpdates';
import { useReviewTools } from './ReviewContext';

/** Empty text boxes mean "not stated", which the draft records as null. */
function orNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** Header of the document: number, issuer, place and date, title and the legal basis ("Căn cứ …"). */
export function GeneralInfoPanel({ draft }: { draft: ReviewDraft }) {
  const { update, readOnly, handMade } = useReviewTools();
  const unread = handMade ? 'Chưa nhập' : 'Chưa đọc được';
  const set = (patch: Partial<ReviewDraft>) => update((d) => ({ ...d, ...patch }));
  return (
    <Form layout="vertical" disabled={readOnly} style={{ maxWidth: 760 }}>
      <Form.Item htmlFor="draft-loai-van-ban" label="Loại văn bản" style={{ maxWidth: 360 }}>
        <Select<PlanKind>
          id="draft-loai-van-ban"
          value={draft.kind ?? 'plan'}
          onChange={(kind) => set({ kind })}
          options={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Flex gap={16} wrap="wrap">
        <Form.Item
          htmlFor="draft-so-hieu"
          label="Số hiệu"
          style={{ flex: '1 1 180px' }}
          validateStatus={draft.number ? undefined : 'warning'}
          help={draft.number ? undefined : `${unread} số hiệu`}
        >
          <Input
            id="draft-so-hieu"
            value={draft.number ?? ''}
            onChange={(e) => set({ number: orNull(e.target.value) })}
            placeholder="Ví dụ: 148/KH-UBND"
          />
        </Form.Item>
        <Form.Item
          htmlFor="draft-ngay-ban-hanh"
          label="Ngày ban hành"
          style={{ flex: '1 1 180px' }}
          validateStatus={draft.issuedOn ? undefined : 'warning'}
          help={draft.issuedOn ? undefined : `${unread} ngày ban hành`}
        >
          <DatePicker
            id="draft-ngay-ban-hanh"
            format={DATE_FORMAT}
            value={fromIsoDate(draft.issuedOn)}
            onChange={(d) => set({ issuedOn: toIsoDate(d) })}
            placeholder="Chọn ngày"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap="wrap">
        <Form.Item htmlFor="draft-co-quan-ban-hanh" label="Cơ quan ban hành" style={{ flex: '2 1 260px' }}>
          <Input
            id="draft-co-quan-ban-hanh"
            value={draft.issuer ?? ''}
            onChange={(e) => set({ issuer: orNull(e.target.value) })}
          />
        </Form.Item>
        <Form.Item htmlFor="draft-dia-danh" label="Địa danh" style={{ flex: '1 1 160px' }}>
          <Input
            id="draft-dia-danh"
            value={draft.place ?? ''}
            onChange={(e) => set({ place: orNull(e.target.value) })}
          />
        </Form.Item>
      </Flex>
      <Form.Item
        htmlFor="draft-trich-yeu"
        label="Trích yếu (tên kế hoạch)"
        required={handMade}
        validateStatus={handMade && draft.title.trim() === '' ? 'error' : undefined}
        help={handMade && draft.title.trim() === '' ? 'Vui lòng nhập tên kế hoạch' : undefined}
      >
        <Input.TextArea
          id="draft-trich-yeu"
          value={draft.title}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => set({ title: e.target.value })}
        />
      </Form.Item>
      <Form.Item label="Căn cứ">
        <Flex vertical gap={8}>
          {draft.basis.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place; the position is the identity
            <Flex key={i} gap={8} align="flex-start">
              <Input.TextArea
                aria-label={`Căn cứ ${i + 1}`}
                value={b}
                autoSize={{ minRows: 1, maxRows: 5 }}
                onChange={(e) => set({ basis: replaceAt(draft.basis, i, e.target.value) })}
              />
              <Button
                aria-label={`Xóa căn cứ ${i + 1}`}
                icon={<DeleteOutlined />}
                onClick={() => set({ basis: draft.basis.filter((_, j) => j !== i) })}
              />
            </Flex>
          ))}
          {!readOnly && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => set({ basis: [...draft.basis, ''] })}
              style={{ alignSelf: 'flex-start' }}
            >
              Thêm căn cứ
            </Button>
          )}
        </Flex>
      </Form.Item>
    </Form>
  );
}
