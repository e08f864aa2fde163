import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useIndicator } from '../../api/indicators';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { LoadFailedResult } from '../../components/LoadFailedResult';
import { idParam } from '../../lib/routeParams';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { PlanBreadcrumb } from '../plans/PlanBreadcrumb';
import { AddValueModal } from './AddValueModal';
import { ExcelButtons } from './ExcelButtons';
import { IndicatorHeader } from './IndicatorHeader';
import { IndicatorValuesTable } from './IndicatorValuesTable';
import { indicatorChartOption } from './indicatorChartOption';
import { TargetEvaluationItem } from './TargetEvaluationItem';

// ECharts is large and only this page needs it: load it with the page's chart, not with every page.
const EChart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));

function IndicatorDetail({ planId, id }: { planId: number; id: number }) {
  const indicator = useIndicator(id);
  const [adding, setAdding] = useState(false);
  const data = indicator.data;
  const option = useMemo(() => (data ? indicatorChartOption(data) : null), [data]);
  usePageTitle(data ? `${data.code} ${data.name}` : 'Chỉ số');

  if (indicator.isPending) return <FullPageSpinner tip="Đang tải chỉ số…" />;
  if (indicator.isError || !data || data.planId !== planId) {
    return (
      <LoadFailedResult
        error={indicator.error}
        onRetry={() => void indicator.refetch()}
        back={
          <Link to={`/ke-hoach/${planId}/chi-tieu`}>
            <Button type="primary">Về danh sách chỉ tiêu</Button>
          </Link>
        }
      />
    );
  }
  return (
    <>
      <PlanBreadcrumb
        planId={planId}
        planNumber={data.plan.number}
        trail={[{ label: 'Chỉ tiêu, chỉ số', to: `/ke-hoach/${planId}/chi-tieu` }, { label: data.code }]}
      />
      <IndicatorHeader indicator={data} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={10}>
          <Card title="Chỉ tiêu và đánh giá" style={{ height: '100%' }}>
            {data.targets.length === 0 ? (
              <Empty description="Chỉ số này không gắn với chỉ tiêu nào" />
            ) : (
              data.targets.map((t) => <TargetEvaluationItem key={t.id} target={t} />)
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="Số liệu theo năm" style={{ height: '100%' }}>
            {data.effectiveValues.length === 0 && (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="Chưa có số liệu; biểu đồ chỉ vẽ mục tiêu"
              />
            )}
            {option && (
              <Suspense fallback={<FullPageSpinner tip="Đang vẽ biểu đồ…" />}>
                <EChart option={option} ariaLabel={`Biểu đồ số liệu ${data.name} theo năm`} />
              </Suspense>
            )}
          </Card>
        </Col>
      </Row>
      <Card
        title="Bảng số liệu"
        extra={
          <Row gutter={8} wrap>
            {data.canEnter && (
              <Col>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  Thêm số liệu
                </Button>
              </Col>
            )}
            <Col>
              <ExcelButtons planId={planId} />
            </Col>
          </Row>
        }
      >
        <IndicatorValuesTable indicator={data} />
      </Card>
      {adding && <AddValueModal indicator={data} onClose={() => setAdding(false)} />}
    </>
  );
}

export function IndicatorDetailPage() {
  const params = useParams();
  const planId = idParam(params.planId);
  const id = idParam(params.indicatorId);
  return planId === null || id === null ? (
    <NotFoundPage />
  ) : (
    <IndicatorDetail key={id} planId={planId} id={id} />
  );
}
