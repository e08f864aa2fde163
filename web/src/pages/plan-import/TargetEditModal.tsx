import { Checkbox, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { type PlanTarget, TARGET_KINDS, type TargetKind } from '../../../../shared/contracts/plan-draft';
import { TARGET_KIND_LABELS } from '../../lib/planLabels';
import { formatTargetValue, formatTargetYears } from '../../lib/targets';

const KIND_OPTIONS = TARGET_KINDS.map((k) => ({ value: k, label: TARGET_KIND_LABELS[k] }));

interface Props {
  target: PlanTarget;
  /** "Sửa chỉ tiêu" unless the modal adds a new one. */
  title?: string;
  onApply: (target: PlanTarget) => void;
  onClose: () => void;
}

/** Corrects one target the importer read from "Mục tiêu"; the preview shows how the plan page will print it. */
export function TargetEditModal({ target, title = 'Sửa chỉ tiêu', onApply, onClose }: Props) {
  const [t, setT] = useState<PlanTarget>(target);
  const set = (patch: Partial<PlanTarget>) => setT((prev) => ({ ...prev, ...patch }));
  return (
    <Modal
      title={title}
      open
      onCancel={onClose}
      onOk={() => {
        onApply(t);
        onClose();
      }}
      okText="Áp dụng"
      cancelText="Hủy"
      width={640}
    >
      <Form layout="vertical">
        <Form.Item htmlFor="target-noi-dung-trong-van-ban" label="Nội dung trong văn bản">
          <Input.TextArea
            id="target-noi-dung-trong-van-ban"
            value={t.text}
            autoSize={{ minRows: 2, maxRows: 5 }}
            onChange={(e) => set({ text: e.target.value })}
          />
        </Form.Item>
        <Form.Item htmlFor="target-chi-tieu-ten-ngan" label="Chỉ tiêu (tên ngắn)">
          <Input
            id="target-chi-tieu-ten-ngan"
            value={t.subject}
            onChange={(e) => set({ subject: e.target.value })}
          />
        </Form.Item>
        <Flex gap={12} wrap="wrap">
          <Form.Item htmlFor="target-loai" label="Loại" style={{ flex: '1 1 200px' }}>
            <Select<TargetKind>
              id="target-loai"
              value={t.kind}
              options={KIND_OPTIONS}
              onChange={(kind) => set({ kind })}
            />
          </Form.Item>
          <Form.Item htmlFor="target-tu-muc" label="Từ mức" style={{ width: 120 }}>
            <InputNumber<number>
              id="target-tu-muc"
              value={t.min}
              decimalSeparator=","
              onChange={(min) => set({ min })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item htmlFor="target-den-muc" label="Đến mức" style={{ width: 120 }}>
            <InputNumber<number>
              id="target-den-muc"
              value={t.max}
              decimalSeparator=","
              onChange={(max) => set({ max })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item htmlFor="target-don-vi" label="Đơn vị" style={{ width: 140 }}>
            <Input
              id="target-don-vi"
              value={t.unit}
              onChange={(e) => set({ unit: e.target.value })}
              placeholder="%/năm"
            />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap="wrap" align="center">
          <Form.Item htmlFor="target-tu-nam" label="Từ năm" style={{ width: 120 }}>
            <InputNumber<number>
              id="target-tu-nam"
              value={t.fromYear}
              min={1900}
              max={2200}
              onChange={(fromYear) => set({ fromYear })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item htmlFor="target-den-nam" label="Đến năm" style={{ width: 120 }}>
            <InputNumber<number>
              id="target-den-nam"
              value={t.toYear}
              min={1900}
              max={2200}
              onChange={(toYear) => set({ toYear })}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Checkbox checked={t.approximate} onChange={(e) => set({ approximate: e.target.checked })}>
            Văn bản ghi “khoảng”
          </Checkbox>
        </Flex>
        <Form.Item label="Sẽ hiển thị là" style={{ marginBottom: 0 }}>
          <strong>{formatTargetValue(t) || '(không có mức)'}</strong> {formatTargetYears(t)}
        </Form.Item>
      </Form>
    </Modal>
  );
}
