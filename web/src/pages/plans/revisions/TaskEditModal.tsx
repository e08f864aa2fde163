import { App, AutoComplete, Flex, Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import type { Deadline } from '../../../../../shared/contracts/plan-draft';
import type { RevisionAgency, RevisionTaskFields } from '../../../../../shared/contracts/plan-revisions';
import { revisionTaskFieldsSchema } from '../../../../../shared/contracts/plan-revisions';
import type { PlanTaskView } from '../../../../../shared/contracts/plans';
import { parseDeadline } from '../../../../../shared/domain/plan-import/deadline';
import { errorMessageOf } from '../../../api/ApiError';
import { useTaskFacets } from '../../../api/plans';
import { useApplyRevision } from '../../../api/revisions';
import { showFieldErrors, zodRule } from '../../../lib/forms';
import { DeadlineEditor } from '../../plan-import/DeadlineEditor';
import { AgencyPicker } from './AgencyPicker';
import { ReasonFields, type ReasonValues, reasonOf } from './ReasonFields';

interface Values extends ReasonValues {
  ordinal: string;
  group?: string;
  content: string;
  product?: string;
  deadline: Deadline;
  leads: RevisionAgency[];
  coordinators: RevisionAgency[];
}

const agencyOf = (a: PlanTaskView['leads'][number]): RevisionAgency => ({
  text: a.text,
  organisationId: a.organisationId,
  groupKey: a.groupKey,
});

const blank = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/**
 * Changes a task of a confirmed plan (or adds one when `task` is null): content, group, lead,
 * coordinators, product, deadline — with the reason and the amending document, kept in the history.
 */
export function TaskEditModal({
  planId,
  task,
  nextOrdinal,
  onClose,
  onSaved,
}: {
  planId: number;
  task: PlanTaskView | null;
  nextOrdinal?: string;
  onClose: () => void;
  onSaved?: (taskId: number | null) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const apply = useApplyRevision(planId);
  const facets = useTaskFacets(planId);
  const initialLeads = useMemo(() => (task?.leads ?? []).map(agencyOf), [task]);
  const initialCoordinators = useMemo(() => (task?.coordinators ?? []).map(agencyOf), [task]);

  const submit = (v: Values) => {
    const fields: RevisionTaskFields = {
      ordinal: v.ordinal.trim(),
      group: blank(v.group),
      content: v.content.trim(),
      product: blank(v.product),
      deadlineText: v.deadline.text.trim(),
      leads: v.leads ?? [],
      coordinators: v.coordinators ?? [],
    };
    apply.mutate(
      {
        ...reasonOf(v),
        change: task
          ? { kind: 'task_update', taskId: task.id, task: fields }
          : { kind: 'task_add', task: fields },
      },
      {
        onSuccess: (r) => {
          message.success(
            task ? `Đã lưu thay đổi của nhiệm vụ ${fields.ordinal}.` : `Đã thêm nhiệm vụ ${fields.ordinal}.`,
          );
          onSaved?.(r.taskId);
          onClose();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
        },
      },
    );
  };

  return (
    <Modal
      title={task ? `Sửa nhiệm vụ ${task.ordinal}` : 'Thêm nhiệm vụ vào kế hoạch'}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={task ? 'Lưu thay đổi' : 'Thêm nhiệm vụ'}
      cancelText="Hủy"
      confirmLoading={apply.isPending}
      width={760}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          ordinal: task?.ordinal ?? nextOrdinal ?? '',
          group: task?.group ?? undefined,
          content: task?.content ?? '',
          product: task?.product ?? undefined,
          deadline: task?.deadline ?? parseDeadline(''),
          leads: initialLeads,
          coordinators: initialCoordinators,
          reason: '',
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
              options={(facets.data?.groups ?? []).map((g) => ({ value: g }))}
              placeholder="Không thuộc nhóm nào"
              allowClear
            />
          </Form.Item>
        </Flex>
        <Form.Item name="content" label="Nội dung" rules={[zodRule(revisionTaskFieldsSchema.shape.content)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="leads" label="Cơ quan chủ trì">
          <AgencyPicker initial={initialLeads} />
        </Form.Item>
        <Form.Item name="coordinators" label="Cơ quan phối hợp">
          <AgencyPicker initial={initialCoordinators} />
        </Form.Item>
        <Flex gap={12} wrap="wrap">
          <Form.Item name="product" label="Sản phẩm" style={{ flex: '1 1 220px' }}>
            <AutoComplete
              options={(facets.data?.products ?? []).map((p) => ({ value: p }))}
              placeholder="Đề án, Kế hoạch, Quyết định…"
              allowClear
            />
          </Form.Item>
          <Form.Item name="deadline" label="Thời hạn hoàn thành" style={{ flex: '2 1 320px' }}>
            <DeadlineField />
          </Form.Item>
        </Flex>
        <ReasonFields />
      </Form>
    </Modal>
  );
}

function DeadlineField({ value, onChange }: { value?: Deadline; onChange?: (d: Deadline) => void }) {
  return <DeadlineEditor value={value ?? parseDeadline('')} onChange={(d) => onChange?.(d)} />;
}
