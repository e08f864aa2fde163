import { Alert, App } from 'antd';
import { useState } from 'react';
import type { ReportDetail } from '../../../../shared/contracts/reporting';
import { ApiError, errorMessageOf } from '../../api/ApiError';
import { useSubmitReport } from '../../api/reporting';
import { useUnsavedChangesGuard } from '../plan-import/useUnsavedChangesGuard';
import { ConflictModal } from './ConflictModal';
import { consolidatorOf } from './consolidator';
import { KeptTextsAlert } from './KeptTextsAlert';
import { ReportEditToolbar } from './ReportEditToolbar';
import { ReportEntryGroup } from './ReportEntryGroup';
import { ReportOverallEditor } from './ReportOverallEditor';
import type { EntryDraft } from './reportDraft';
import { checkBeforeSubmit, countErrors, type EntryErrors, entryErrorsOf } from './submitChecks';
import { useReportEditor } from './useReportEditor';

/** The agency's working form: autosaved draft, then "Gửi báo cáo" once every led task is answered. */
export function ReportEditForm({ report }: { report: ReportDetail }) {
  const { message, modal } = App.useApp();
  const editor = useReportEditor(report);
  const submit = useSubmitReport();
  const [errors, setErrors] = useState<EntryErrors>({});
  useUnsavedChangesGuard(editor.dirty || editor.status === 'saving');

  const changeEntry = (entryId: number, change: Partial<EntryDraft>) => {
    editor.update((d) => {
      const current = d.entries[entryId];
      if (!current) return d;
      return { ...d, entries: { ...d.entries, [entryId]: { ...current, ...change } } };
    });
    // A fixed field stops being flagged as soon as it is touched.
    if (errors[entryId]) {
      setErrors((all) => {
        const own = { ...all[entryId] };
        for (const key of Object.keys(change)) delete own[key];
        return { ...all, [entryId]: own };
      });
    }
  };

  const send = async () => {
    if (!(await editor.saveNow())) {
      message.error('Chưa lưu được các thay đổi nên chưa gửi báo cáo. Hãy xử lý thông báo lỗi rồi gửi lại.');
      return;
    }
    try {
      const sent = await submit.mutateAsync({ reportId: report.id, version: editor.version() });
      editor.resetTo(sent);
      message.success(`Đã gửi báo cáo tới ${consolidatorOf(report)}.`);
    } catch (error) {
      const fromServer = entryErrorsOf(error);
      if (countErrors(fromServer) > 0) setErrors(fromServer);
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        modal.error({ title: 'Chưa gửi được báo cáo', content: error.message, okText: 'Đóng' });
      } else {
        message.error(errorMessageOf(error));
      }
    }
  };

  const confirmSend = () => {
    const found = checkBeforeSubmit(report, editor.draft);
    setErrors(found);
    if (countErrors(found) > 0) {
      message.error('Báo cáo chưa đủ thông tin để gửi: hãy xem các ô được đánh dấu đỏ.');
      return;
    }
    modal.confirm({
      title: 'Gửi báo cáo?',
      content: `Sau khi gửi, báo cáo được khóa để ${consolidatorOf(report)} xem xét; chỉ sửa lại được nếu báo cáo bị trả lại.`,
      okText: 'Gửi báo cáo',
      cancelText: 'Hủy',
      onOk: send,
    });
  };

  const errorCount = countErrors(errors);
  const { entries, ...overall } = editor.draft;
  return (
    <>
      <KeptTextsAlert items={editor.kept} onDismiss={editor.dismissKept} />
      <ReportEditToolbar
        editor={editor}
        canSubmit={report.can.submit}
        submitting={submit.isPending}
        onSubmit={confirmSend}
      />
      {errorCount > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Còn ${errorCount} nội dung bắt buộc chưa điền`}
          description="Mỗi nhiệm vụ chủ trì cần chọn tình hình thực hiện; nhiệm vụ đã hoàn thành cần ngày hoàn thành."
        />
      )}
      <ReportEntryGroup
        title="Nhiệm vụ chủ trì"
        reportId={report.id}
        entries={report.lead}
        editing={{ values: entries, onChange: changeEntry, errors }}
        empty="Cơ quan không chủ trì nhiệm vụ nào trong kỳ này."
      />
      <ReportEntryGroup
        title="Nhiệm vụ phối hợp"
        reportId={report.id}
        entries={report.support}
        editing={{ values: entries, onChange: changeEntry, errors }}
        empty="Cơ quan không phối hợp nhiệm vụ nào trong kỳ này."
        folded
      />
      <ReportOverallEditor
        value={overall}
        onChange={(change) => editor.update((d) => ({ ...d, ...change }))}
      />
      <ConflictModal conflict={editor.conflict} onReload={editor.reload} />
    </>
  );
}
