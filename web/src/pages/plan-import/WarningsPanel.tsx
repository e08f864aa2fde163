import { Button, Empty, Flex, Typography } from 'antd';
import type { PlanWarning } from '../../../../shared/contracts/plan-draft';
import { useReviewTools } from './ReviewContext';

/** What the importer could not read with certainty, each linked to its line of the original. */
export function WarningsPanel({ warnings }: { warnings: PlanWarning[] }) {
  const { showInSource } = useReviewTools();
  if (warnings.length === 0) return <Empty description="Hệ thống không có cảnh báo nào khi đọc văn bản" />;
  return (
    <Flex vertical gap={8}>
      {warnings.map((w, i) => (
        <Flex
          // biome-ignore lint/suspicious/noArrayIndexKey: warnings are a fixed list from the importer
          key={i}
          gap={12}
          align="baseline"
          style={{ padding: '8px 12px', background: '#fffbe6', border: '1px solid #ffe58f', borderRadius: 6 }}
        >
          {w.line !== null ? (
            <Button
              size="small"
              type="link"
              style={{ padding: 0, flex: 'none' }}
              onClick={() => showInSource({ line: w.line ?? 1 })}
            >
              Dòng {w.line}
            </Button>
          ) : (
            <Typography.Text type="secondary" style={{ flex: 'none' }}>
              Chung
            </Typography.Text>
          )}
          <span>{w.message}</span>
        </Flex>
      ))}
    </Flex>
  );
}
