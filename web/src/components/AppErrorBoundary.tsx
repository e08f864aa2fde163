import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * Last line of defence outside the router (e.g. the UI library itself failed). Deliberately uses plain
 * HTML: whatever broke may be the component library.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div
        style={{
          fontFamily: 'sans-serif',
          maxWidth: 560,
          margin: '15vh auto',
          padding: 16,
          textAlign: 'center',
        }}
      >
        <h1 style={{ fontSize: 24 }}>Đã xảy ra lỗi</h1>
        <p>
          Ứng dụng gặp sự cố khi hiển thị. Vui lòng tải lại trang; nếu lỗi lặp lại, hãy báo quản trị hệ thống.
        </p>
        <p>
          <button type="button" onClick={() => window.location.reload()}>
            Tải lại trang
          </button>{' '}
          <a href="/">Về trang Tổng quan</a>
        </p>
      </div>
    );
  }
}
