import { App, Button, Form, Input } from 'antd';
import { createDirectiveRequestSchema } from '../../../../shared/contracts/reporting';
import { errorMessageOf } from '../../api/ApiError';
import { type DirectiveTarget, useAddDirective } from '../../api/reporting';
import { zodRule } from '../../lib/forms';

/** A leader's directive; the agencies concerned are notified by the server. */
export function AddDirectiveForm({ target }: { target: DirectiveTarget }) {
  const [form] = Form.useForm<{ text: string }>();
  const { message } = App.useApp();
  const add = useAddDirective(target);

  const submit = ({ text }: { text: string }) =>
    add.mutate(text.trim(), {
      onSuccess: () => {
        message.success('Đã gửi ý kiến chỉ đạo.');
        form.resetFields();
      },
      onError: (error) => message.error(errorMessageOf(error)),
    });

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
      <Form.Item
        label="Thêm ý kiến chỉ đạo"
        name="text"
        rules={[zodRule(createDirectiveRequestSchema.shape.text)]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={10_000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        Gửi ý kiến chỉ đạo
      </Button>
    </Form>
  );
}
