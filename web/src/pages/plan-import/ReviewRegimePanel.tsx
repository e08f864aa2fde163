import { Button, Empty, Flex, Form, Input, InputNumber } from 'antd';
import type { PlanRegime } from '../../../../shared/contracts/plan-draft';
import type { ReviewDraft } from '../../../../shared/contracts/plan-import';
import { proposeResolution } from './agencyProposal';
import { ConsolidatorField } from './ConsolidatorField';
import { useReviewTools } from './ReviewContext';
import { useRegistry } from './useRegistry';

const EMPTY_REGIME: PlanRegime = {
  consolidator: null,
  annualDueDay: null,
  annualDueMonth: null,
  midTermYear: null,
  finalYear: null,
  text: '',
};

/** "Chế độ báo cáo": who consolidates, the yearly due date, the mid-term and final reviews. */
export function ReviewRegimePanel({ draft }: { draft: ReviewDraft }) {
  const { update, readOnly } = useReviewTools();
  const { registry } = useRegistry();
  const regime = draft.regime;
  if (!regime) {
    return (
      <Empty description="Văn bản không nêu chế độ báo cáo (hoặc hệ thống chưa đọc được)">
        {!readOnly && (
          <Button
            onClick={() => update((d) => ({ ...d, regime: EMPTY_REGIME, consolidatorResolution: null }))}
          >
            Nhập chế độ báo cáo
          </Button>
        )}
      </Empty>
    );
  }
  const set = (patch: Partial<PlanRegime>) =>
    update((d) => (d.regime ? { ...d, regime: { ...d.regime, ...patch } } : d));
  return (
    <Form layout="vertical" disabled={readOnly} style={{ maxWidth: 760 }}>
      <Form.Item label="Đơn vị tổng hợp">
        <ConsolidatorField
          text={regime.consolidator ?? ''}
          resolution={draft.consolidatorResolution}
          onChange={(text) =>
            update((d) =>
              d.regime
                ? {
                    ...d,
                    regime: { ...d.regime, consolidator: text.trim() ? text : null },
                    consolidatorResolution: text.trim() ? proposeResolution(text, registry) : null,
                  }
                : d,
            )
          }
        />
      </Form.Item>
      <Flex gap={16} wrap="wrap">
        <Form.Item label="Hạn báo cáo hằng năm: trước ngày" style={{ width: 240 }}>
          <Flex gap={6} align="center">
            <InputNumber<number>
              aria-label="Ngày"
              min={1}
              max={31}
              value={regime.annualDueDay}
              onChange={(annualDueDay) => set({ annualDueDay })}
              style={{ width: 70 }}
            />
            <span>/</span>
            <InputNumber<number>
              aria-label="Tháng"
              min={1}
              max={12}
              value={regime.annualDueMonth}
              onChange={(annualDueMonth) => set({ annualDueMonth })}
              style={{ width: 70 }}
            />
          </Flex>
        </Form.Item>
        <Form.Item htmlFor="regime-so-ket-nam" label="Sơ kết năm" style={{ width: 130 }}>
          <InputNumber<number>
            id="regime-so-ket-nam"
            min={1900}
            max={2200}
            value={regime.midTermYear}
            onChange={(midTermYear) => set({ midTermYear })}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item htmlFor="regime-tong-ket-nam" label="Tổng kết năm" style={{ width: 130 }}>
          <InputNumber<number>
            id="regime-tong-ket-nam"
            min={1900}
            max={2200}
            value={regime.finalYear}
            onChange={(finalYear) => set({ finalYear })}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Flex>
      <Form.Item htmlFor="regime-noi-dung-trong-van-ban" label="Nội dung trong văn bản">
        <Input.TextArea
          id="regime-noi-dung-trong-van-ban"
          value={regime.text}
          autoSize={{ minRows: 3, maxRows: 12 }}
          onChange={(e) => set({ text: e.target.value })}
        />
      </Form.Item>
    </Form>
  );
}
