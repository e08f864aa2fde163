import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router-dom';

/**
 * Review work can take an hour; leaving the page (menu, link, closing the tab) with unsaved edits asks first
 * instead of silently throwing the edits away.
 */
/** What the leave dialog says; each page names what would be lost. */
export interface LeaveWarning {
  title: string;
  content: string;
}

const DRAFT_WARNING: LeaveWarning = {
  title: 'Rời trang khi chưa lưu bản nháp?',
  content: 'Các chỉnh sửa chưa lưu sẽ bị mất. Bấm “Ở lại” rồi “Lưu nháp” nếu muốn giữ chúng.',
};

export function useUnsavedChangesGuard(dirty: boolean, warning: LeaveWarning = DRAFT_WARNING): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  // Keyed on the state alone: the blocker object is new on every render and must open one dialog, not many.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: warning.title,
      content: warning.content,
      okText: 'Rời trang',
      okButtonProps: { danger: true },
      cancelText: 'Ở lại',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker.state]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
