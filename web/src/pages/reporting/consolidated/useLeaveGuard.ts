import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router-dom';

/**
 * Leaving the page (menu, link, closing the tab) with a section edited but not saved asks first
 * instead of throwing the coordinator's wording away.
 */
export function useLeaveGuard(dirty: boolean): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  // Keyed on the state alone: the blocker object is new on every render and must open one dialog.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: 'Rời trang khi chưa lưu nội dung báo cáo tổng hợp?',
      content: 'Các phần đang sửa chưa lưu sẽ bị mất. Bấm “Ở lại” rồi “Lưu” ở từng phần nếu muốn giữ chúng.',
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
