import { App, Form, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { PlanTarget } from '../../../../../shared/contracts/plan-draft';
import type { planTargetViewSchema } from '../../../../../shared/contracts/plans';
import { errorMessageOf } from '../../../api/ApiError';
import { useApplyRevision } from '../../../api/revisions';
import { showFieldErrors } from '../../../lib/forms';
import { TargetEditModal } from '../../plan-import/TargetEditModal';
import { ReasonFields, type ReasonValues, reasonOf } from './ReasonFields';

type PlanTargetView = z.infer<typeof planTargetViewSchema>;

export type TargetAction = { kind: 'add' } | { kind: 'update' | 'remove'; target: PlanTargetView };

const EMPTY: PlanTarget = {
  text: '',
  kind: 'level',
  min: null,
  max: null,
  unit: '',
  fromYear: null,
  toYear: null,
  approximate: false,
  subject: '',
};

const fieldsOf = (t: PlanTarget) => ({
  text: t.text,
  kind: t.kind,
  min: t.min,
  max: t.max,
  unit: t.unit,
  fromYear: t.fromYear,
  toYear: t.toYear,
  approximate: t.approximate,
  subject: t.subject || t.text,
});

/**
 * Adds, changes or removes a target of a confirmed plan: the target's own form (the importer's review
 * uses the same), then the reason and amending document, kept in the plan's history.
 */
export function TargetRevision({
  planId,
  action,
  onClose,
}: {
  planId: number;
  action: TargetAction;
  onClose: () => void;
}) {
  const [edited, setEdited] = useState<PlanTarget | null>(action.kind === 'remove' ? action.target : null);
  const [form] = Form.useForm<ReasonValues>();
  const { message } = App.useApp();
  const apply = useApplyRevision(planId);
  // The target form closes after "Áp dụng" too: only a cancel ends the whole change.
  const applied = useRef(false);
  if (edited === null)
    return (
      <TargetEditModal
        target={action.kind === 'add' ? EMPTY : action.target}
        title={action.kind === 'add' ? 'Thêm chỉ tiêu' : 'Sửa chỉ tiêu'}
        onApply={(t) => {
          applied.current = true;
          setEdited(t);
        }}
        onClose={() => {
          if (!applied.current) onClose();
        }}
      />
    );
  const submit = (v: ReasonValues) => {
    const change =
      action.kind === 'add'
        ? { kind: 'target_add' as const, target: fieldsOf(edited) }
        : action.kind === 'update'
          ? { kind: 'target_update' as const, targetId: action.target.id, target: fieldsOf(edited) }
          : { kind: 'target_remove' as const, targetId: action.target.id };
    apply.mutate(
      { ...reasonOf(v), change },
      {
        onSuccess: () => {
          message.success('Đã lưu thay đổi chỉ tiêu.');
          onClose();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error)) message.error(errorMessageOf(error));
        },
      },
    );
  };
  const verb = { add: 'Thêm', update: 'Sửa', remove: 'Bỏ' }[action.kind];
  return (
    <Modal
      title={`${verb} chỉ tiêu: lý do và văn bản`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={`${verb} chỉ tiêu`}
      okButtonProps={{ danger: action.kind === 'remove' }}
      cancelText="Hủy"
      confirmLoading={apply.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <strong>{edited.subject || edited.text}</strong>
      </Typography.Paragraph>
      <Form<ReasonValues> form={form} layout="vertical" onFinish={submit} initialValues={{ reason: '' }}>
        <ReasonFields />
      </Form>
    </Modal>
  );
}
