import { FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { NarrativeSection } from '../../../../../shared/contracts/consolidated';
import type { Period } from '../../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../../api/ApiError';
import {
  generatedFileUrl,
  useGenerationJobs,
  useNarrative,
  useSaveNarrative,
  useStartGeneration,
} from '../../../api/consolidated';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useUnsavedChangesGuard } from '../../plan-import/useUnsavedChangesGuard';
import { PeriodSelect } from '../PeriodSelect';
import { GeneratedFilesList } from './GeneratedFilesList';
import { NarrativeSectionEditor } from './NarrativeSectionEditor';

type Edits = Partial<Record<NarrativeSection, string>>;

/** The period chosen in the address (?ky=…), else the newest one. */
function usePeriodChoice(periods: readonly Period[]) {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('ky'));
  const periodId = periods.find((p) => p.id === asked)?.id ?? periods[0]?.id;
  const choose = (id: number | undefined) =>
    setParams(
      (p) => {
        if (id === undefined) p.delete('ky');
        else p.set('ky', String(id));
        return p;
      },
      { replace: true },
    );
  return [periodId, choose] as const;
}

function PeriodReport({ periodId, onDirty }: { periodId: number; onDirty: (dirty: boolean) => void }) {
  const { message } = App.useApp();
  const narrative = useNarrative(periodId);
  const jobs = useGenerationJobs(periodId);
  const save = useSaveNarrative(periodId);
  const start = useStartGeneration(periodId);
  const [edits, setEdits] = useState<Edits>({});
  const [savingKey, setSavingKey] = useState<NarrativeSection | null>(null);
  const dirty = Object.values(edits).some((v) => v !== undefined);
  useUnsavedChangesGuard(dirty, {
    title: 'Rời trang khi chưa lưu nội dung báo cáo tổng hợp?',
    content: 'Các phần đang sửa chưa lưu sẽ bị mất. Bấm “Ở lại” rồi “Lưu” ở từng phần nếu muốn giữ chúng.',
  });
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const write = (key: NarrativeSection, version: number, text: string | null) => {
    setSavingKey(key);
    save
      .mutateAsync({ section: key, version, text })
      .then(() => {
        setEdits((e) => ({ ...e, [key]: undefined }));
        message.success(text === null ? 'Đã khôi phục dự thảo từ dữ liệu.' : 'Đã lưu nội dung.');
      })
      .catch((error: unknown) => message.error(errorMessageOf(error)))
      .finally(() => setSavingKey(null));
  };

  const generate = () =>
    start
      .mutateAsync()
      .then(() => message.info('Đã bắt đầu lập báo cáo; tiến độ hiện ở danh sách bên dưới.'))
      .catch((error: unknown) => message.error(errorMessageOf(error)));

  if (narrative.isError)
    return <QueryErrorAlert error={narrative.error} onRetry={() => void narrative.refetch()} />;
  if (!narrative.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const n = narrative.data;
  const running = (jobs.data?.items ?? []).some((j) => j.status === 'queued' || j.status === 'running');

  return (
    <>
      <Typography.Paragraph type="secondary">
        {n.canEdit
          ? 'Các phần dưới đây được dự thảo từ số liệu các báo cáo đã tiếp nhận. Sửa lời văn nếu cần, bấm “Lưu” ở từng phần, rồi bấm “Lập báo cáo” để lập tệp Word theo thể thức Nghị định 30/2020/NĐ-CP.'
          : `Nội dung do cán bộ tổng hợp của ${n.consolidatorName} soạn; bạn được xem và tải các báo cáo đã lập.`}
      </Typography.Paragraph>
      {n.sections.map((section) => (
        <NarrativeSectionEditor
          key={section.key}
          section={section}
          canEdit={n.canEdit}
          edit={edits[section.key]}
          saving={savingKey === section.key}
          onEdit={(text) => setEdits((e) => ({ ...e, [section.key]: text }))}
          onSave={(text) => write(section.key, section.version, text)}
          onReset={() => write(section.key, section.version, null)}
        />
      ))}
      <Divider />
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Các báo cáo đã lập
        </Typography.Title>
        {n.canEdit && (
          <Tooltip title={dirty ? 'Hãy lưu hoặc bỏ các thay đổi chưa lưu trước khi lập báo cáo.' : undefined}>
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={generate}
              loading={start.isPending}
              disabled={dirty || running}
            >
              Lập báo cáo
            </Button>
          </Tooltip>
        )}
      </Flex>
      {jobs.isError ? (
        <QueryErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data ? (
        <GeneratedFilesList jobs={jobs.data.items} fileUrl={(jobId) => generatedFileUrl(periodId, jobId)} />
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} />
      )}
    </>
  );
}

/**
 * "Báo cáo tổng hợp" of the plan's periods page: the narrative sections of the chosen period, drafted
 * from the data and edited by the consolidating agency's coordinators, and the Word files generated
 * from them (tracked jobs with progress), for everyone who monitors reports.
 */
export function ConsolidatedReportCard({ planId, periods }: { planId: number; periods: readonly Period[] }) {
  const { modal } = App.useApp();
  const [periodId, choose] = usePeriodChoice(periods);
  const [dirty, setDirty] = useState(false);
  return (
    <Card title="Báo cáo tổng hợp" style={{ marginTop: 24 }}>
      {/* In the body, not the card's header: a long period title must wrap on a phone, not widen the page. */}
      <PeriodSelect
        aria-label="Kỳ của báo cáo tổng hợp"
        planId={planId}
        value={periodId}
        onChange={(id) => {
          if (!dirty) return choose(id);
          modal.confirm({
            title: 'Chuyển kỳ khi chưa lưu nội dung?',
            content: 'Các phần đang sửa chưa lưu sẽ bị mất.',
            okText: 'Chuyển kỳ',
            cancelText: 'Ở lại',
            onOk: () => choose(id),
          });
        }}
        style={{ width: '100%', maxWidth: 520, marginBottom: 16 }}
      />
      {periodId === undefined ? (
        <Alert type="info" showIcon title="Kế hoạch chưa có kỳ báo cáo nào để tổng hợp." />
      ) : (
        <PeriodReport key={periodId} periodId={periodId} onDirty={setDirty} />
      )}
    </Card>
  );
}
