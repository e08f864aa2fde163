import { Flex, Form, InputNumber, Select, Typography } from 'antd';
import type { PlanSpan } from '../../../../shared/contracts/plan-draft';
import type { ReviewDraft } from '../../../../shared/contracts/plan-import';
import { consolidatorIdOf } from '../../../../shared/domain/plan-import/hand-made';
import { useCurrentSession } from '../../auth/SessionContext';
import { useReviewTools } from './ReviewContext';
import { useRegistry } from './useRegistry';

const NO_SPAN: PlanSpan = { fromYear: null, toYear: null };

/**
 * What a hand-made plan's header adds to the document's own fields: the consolidating agency (a
 * coordinator's own agency, chosen by an administrator) and the period of implementation.
 */
export function HandMadeHeaderFields({ draft }: { draft: ReviewDraft }) {
  const { update, readOnly } = useReviewTools();
  const { registry } = useRegistry();
  const admin = useCurrentSession().user.role === 'admin';
  const span = draft.span ?? NO_SPAN;
  const setSpan = (patch: Partial<PlanSpan>) =>
    update((d) => ({ ...d, span: { ...(d.span ?? NO_SPAN), ...patch } }));
  const backwards = span.fromYear !== null && span.toYear !== null && span.fromYear > span.toYear;
  const consolidatorId = consolidatorIdOf(draft);
  return (
    <Form layout="vertical" disabled={readOnly} style={{ maxWidth: 760 }}>
      <Form.Item
        htmlFor="draft-co-quan-tong-hop"
        label="Cơ quan chủ trì tổng hợp"
        required
        validateStatus={consolidatorId === null ? 'error' : undefined}
        help={
          consolidatorId === null
            ? 'Vui lòng chọn cơ quan chủ trì tổng hợp'
            : admin
              ? undefined
              : 'Kế hoạch bạn tạo do cơ quan của bạn theo dõi, tổng hợp.'
        }
      >
        <Select<number>
          id="draft-co-quan-tong-hop"
          showSearch
          optionFilterProp="label"
          disabled={readOnly || !admin}
          value={consolidatorId ?? undefined}
          placeholder="Chọn cơ quan"
          options={registry.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(id) => {
            const name = registry.find((o) => o.id === id)?.name ?? '';
            update((d) => ({
              ...d,
              regime: {
                ...(d.regime ?? {
                  annualDueDay: null,
                  annualDueMonth: null,
                  midTermYear: null,
                  finalYear: null,
                  text: '',
                }),
                consolidator: name,
              },
              consolidatorResolution: { type: 'organisation', organisationId: id, confidence: 1 },
            }));
          }}
        />
      </Form.Item>
      <Form.Item
        label="Thời gian thực hiện"
        validateStatus={backwards ? 'error' : undefined}
        help={backwards ? 'Năm kết thúc phải sau hoặc bằng năm bắt đầu' : undefined}
      >
        <Flex gap={8} align="center" wrap="wrap">
          <Typography.Text>từ năm</Typography.Text>
          <InputNumber<number>
            aria-label="Thực hiện từ năm"
            min={1900}
            max={2200}
            value={span.fromYear}
            onChange={(fromYear) => setSpan({ fromYear })}
            style={{ width: 110 }}
          />
          <Typography.Text>đến năm</Typography.Text>
          <InputNumber<number>
            aria-label="Thực hiện đến năm"
            min={1900}
            max={2200}
            value={span.toYear}
            onChange={(toYear) => setSpan({ toYear })}
            style={{ width: 110 }}
          />
        </Flex>
      </Form.Item>
    </Form>
  );
}
