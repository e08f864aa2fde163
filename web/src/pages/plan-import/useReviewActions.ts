import { App } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PlanImport, ReviewDraft } from '../../../../shared/contracts/plan-import';
import { countUncertain } from '../../../../shared/domain/plan-import/review';
import { ApiError, errorMessageOf } from '../../api/ApiError';
import {
  useConfirmHandMadeDraft,
  useDiscardHandMadeDraft,
  useSaveHandMadeDraft,
} from '../../api/plan-drafts';
import { useConfirmImport, useDiscardImport, useSaveImportDraft } from '../../api/plan-import';

interface Editor {
  imp: PlanImport;
  draft: ReviewDraft;
  dirty: boolean;
  /** Forgets local edits; the page then shows the server's draft again. */
  dropEdits: () => void;
  reload: () => Promise<unknown>;
}

/**
 * Save, confirm and discard, with the rules around them: saving sends the version the officer started from
 * (a newer one on the server is a conflict to show, not to overwrite); confirming saves first and asks again
 * while fields remain unchecked.
 */
export function useReviewActions({ imp, draft, dirty, dropEdits, reload }: Editor) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  // An uploaded plan's draft and a hand-made one are saved the same way, each through its own routes.
  const upload = {
    save: useSaveImportDraft(imp.id),
    confirm: useConfirmImport(imp.id),
    discard: useDiscardImport(imp.id),
  };
  const hand = {
    save: useSaveHandMadeDraft(imp.id),
    confirm: useConfirmHandMadeDraft(imp.id),
    discard: useDiscardHandMadeDraft(imp.id),
  };
  const { save, confirm, discard } = imp.document ? upload : hand;
  const [conflict, setConflict] = useState<string | null>(null);

  const saveDraft = async (quiet = false): Promise<boolean> => {
    if (!dirty) return true;
    try {
      await save.mutateAsync({ version: imp.version, draft });
      dropEdits();
      if (!quiet) message.success('Đã lưu bản nháp.');
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') setConflict(error.message);
      else message.error(errorMessageOf(error));
      return false;
    }
  };

  const confirmNow = async () => {
    if (!(await saveDraft(true))) return;
    try {
      const { planId } = await confirm.mutateAsync();
      message.success(imp.document ? 'Đã nhập kế hoạch.' : 'Đã tạo kế hoạch.');
      navigate(`/ke-hoach/${planId}`);
    } catch (error) {
      message.error(errorMessageOf(error));
      // Already confirmed or a duplicate appeared meanwhile: show the server's current state.
      if (error instanceof ApiError && error.code === 'CONFLICT') void reload();
    }
  };

  const requestConfirm = () => {
    const left = countUncertain(draft);
    modal.confirm({
      title: left > 0 ? `Vẫn còn ${left} mục chưa kiểm tra, vẫn xác nhận?` : 'Xác nhận nhập kế hoạch?',
      content:
        left > 0
          ? 'Các mục tô màu cam là liên kết cơ quan hoặc thời hạn hệ thống chưa chắc chắn. Nếu xác nhận, kế hoạch được tạo đúng như bản nháp hiện tại.'
          : 'Kế hoạch và các nhiệm vụ sẽ được tạo theo bản nháp này; các cơ quan mới (nếu có) được thêm vào danh mục.',
      okText: 'Xác nhận nhập',
      cancelText: left > 0 ? 'Quay lại kiểm tra' : 'Hủy',
      onOk: confirmNow,
    });
  };

  const discardDraft = () =>
    discard.mutate(undefined, {
      onSuccess: () => {
        dropEdits();
        message.success('Đã hủy bản nháp.');
      },
      onError: (error) => message.error(errorMessageOf(error)),
    });

  const reloadAfterConflict = async () => {
    dropEdits();
    setConflict(null);
    await reload();
  };

  return {
    saveDraft: () => void saveDraft(),
    requestConfirm,
    discardDraft,
    reloadAfterConflict,
    conflict,
    saving: save.isPending,
    confirming: confirm.isPending,
    discarding: discard.isPending,
  };
}
