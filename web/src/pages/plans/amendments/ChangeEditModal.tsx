import { AutoComplete, Flex, Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import type { Deadline } from '../../../../../shared/contracts/plan-draft';
import {
  type RevisionAgency,
  type RevisionTaskFields,
  revisionTaskFieldsSchema,
} from '../../../../../shared/contracts/plan-revisions';
import { parseDeadline } from '../../../../../shared/domain/plan-import/deadline';
import { zodRule } from '../../../lib/forms';
import { DeadlineEditor } from '../../plan-import/DeadlineEditor';
import { AgencyPicker } from '../revisions/AgencyPicker';

interface Values {
  ordinal: string;
  group?: string;
  content: string;
  product?: string;
  deadline: Deadline;
  leads: RevisionAgency[];
  coordinators: RevisionAgency[];
}

const blank = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/** Corrects what the document was read to say about one task before it is applied. */
export function ChangeEditModal({
  groups,
  fields,
  onClose,
  onSave,
}: {
  planId: number;
  groups: string[];
  fields: RevisionTaskFields | null;
  onClose: () => void;
  onSave: (task: RevisionTaskFields) => void;
}) {
  const [form] = Form.useForm<Values>();
  const leads = useMemo(() => fields?.leads ?? [], [fields]);
  const coordinators = useMemo(() => fields?.coordinators ?? [], [fields]);
  return (
    <Modal
      title="Sửa thay đổi trước khi áp dụng"
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Xong"
      cancelText="Hủy"
      width={760}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSave({
            ordinal: v.ordinal.trim(),
            group: blank(v.group),
            content: v.content.trim(),
            product: blank(v.product),
            deadlineText: v.deadline.text.trim(),
            leads: v.leads ?? [],
            coordinators: v.coordinators ?? [],
          })
        }
        initialValues={{
          ordinal: fields?.ordinal ?? '',
          group: fields?.group ?? undefined,
          content: fields?.content ?? '',
          product: fields?.product ?? undefined,
          deadline: parseDeadline(fields?.deadlineText ?? ''),
          leads,
          coordinators,
        }}
      >
        <Flex gap={12} wrap="wrap">
          <Form.Item
            name="ordinal"
            label="Số thứ tự"
            style={{ width: 120 }}
            rules={[zodRule(revisionTaskFieldsSchema.shape.ordinal)]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="group" label="Nhóm nhiệm vụ" style={{ flex: '1 1 300px' }}>
            <AutoComplete
              options={groups.map((g) => ({ value: g }))}
              placeholder="Không thuộc nhóm nào"
              allowClear
            />
          </Form.Item>
        </Flex>
        <Form.Item name="content" label="Nội dung" rules={[zodRule(revisionTaskFieldsSchema.shape.content)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="leads" label="Cơ quan chủ trì">
          <AgencyPicker initial={leads} />
        </Form.Item>
        <Form.Item name="coordinators" label="Cơ quan phối hợp">
          <AgencyPicker initial={coordinators} />
        </Form.Item>
        <Flex gap={12} wrap="wrap">
          <Form.Item name="product" label="Sản phẩm" style={{ flex: '1 1 220px' }}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="deadline" label="Thời hạn hoàn thành" style={{ flex: '2 1 320px' }}>
            <DeadlineField />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

function DeadlineField({ value, onChange }: { value?: Deadline; onChange?: (d: Deadline) => void }) {
  return <DeadlineEditor value={value ?? parseDeadline('')} onChange={(d) => onChange?.(d)} />;
}
