import { Flex, Spin } from 'antd';

/** Shown while the session is being checked, so the user never sees an empty white page. */
export function FullPageSpinner({ tip = 'Đang tải…' }: { tip?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={tip} />
    </Flex>
  );
}
