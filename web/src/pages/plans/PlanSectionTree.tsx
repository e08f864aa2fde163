import { Collapse, Empty, Typography } from 'antd';
import type { PlanSection } from '../../../../shared/contracts/plan-draft';

/** One numbered item with its paragraphs and, indented, its sub-items. */
function SectionBody({ section }: { section: PlanSection }) {
  return (
    <>
      {section.paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs never reorder and may repeat
        <Typography.Paragraph key={i} style={{ marginBottom: 8 }}>
          {p}
        </Typography.Paragraph>
      ))}
      {section.children.map((child) => (
        <div key={`${child.ordinal}-${child.heading}`} style={{ marginInlineStart: 16, marginBottom: 8 }}>
          <Typography.Text strong>
            {child.ordinal}. {child.heading}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            <SectionBody section={child} />
          </div>
        </div>
      ))}
    </>
  );
}

/** The body of the plan (I. Mục đích… IV. Tổ chức thực hiện), each part folded so the outline reads first. */
export function PlanSectionTree({ sections }: { sections: PlanSection[] }) {
  if (sections.length === 0) return <Empty description="Không đọc được phần nội dung của kế hoạch" />;
  return (
    <Collapse
      items={sections.map((s) => ({
        key: `${s.ordinal}-${s.heading}`,
        label: (
          <Typography.Text strong>
            {s.ordinal}. {s.heading}
          </Typography.Text>
        ),
        children: <SectionBody section={s} />,
      }))}
    />
  );
}
