import { Alert, Button, Empty, Flex, Typography } from 'antd';
import type { PlanWarning, SourceCoverage } from '../../../../shared/contracts/plan-draft';
import { useReviewTools } from './ReviewContext';

/** What the importer could not read with certainty, each linked to its line of the original. */
export function WarningsPanel({
  warnings,
  coverage,
}: {
  warnings: PlanWarning[];
  coverage?: SourceCoverage;
}) {
  const { showInSource } = useReviewTools();
  const summary = coverage && (
    <CoverageSummary coverage={coverage} onShow={(line) => showInSource({ line })} />
  );
  if (warnings.length === 0)
    return (
      <Flex vertical gap={8}>
        {summary}
        <Empty description="Hệ thống không có cảnh báo nào khi đọc văn bản" />
      </Flex>
    );
  return (
    <Flex vertical gap={8}>
      {summary}
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

/** How many lines of the original were read, and links to every run of lines nothing was read from. */
function CoverageSummary({ coverage, onShow }: { coverage: SourceCoverage; onShow: (line: number) => void }) {
  const unused = coverage.total - coverage.used;
  return (
    <Alert
      type={unused > 0 ? 'warning' : 'info'}
      showIcon
      message={`Đã dùng ${coverage.used}/${coverage.total} dòng có nội dung của văn bản gốc; ${unused} dòng chưa dùng.`}
      description={
        coverage.unused.length > 0 && (
          <Flex wrap="wrap" gap={4} align="baseline">
            <span>Dòng chưa dùng:</span>
            {coverage.unused.map((r) => (
              <Button
                key={r.from}
                size="small"
                type="link"
                style={{ padding: 0 }}
                onClick={() => onShow(r.from)}
              >
                {r.from === r.to ? `dòng ${r.from}` : `dòng ${r.from}–${r.to}`}
              </Button>
            ))}
          </Flex>
        )
      }
    />
  );
}
