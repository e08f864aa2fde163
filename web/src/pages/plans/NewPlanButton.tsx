import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessageOf } from '../../api/ApiError';
import { useAllOrganisations } from '../../api/organisations';
import { useCreateHandMadeDraft } from '../../api/plan-drafts';
import { useCurrentSession } from '../../auth/SessionContext';

/**
 * "Tạo kế hoạch mới": an empty plan to fill in by hand. A coordinator's plan is consolidated by their
 * own agency; an administrator first chooses the consolidating agency.
 */
export function NewPlanButton() {
  const { user } = useCurrentSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateHandMadeDraft();
  const [choosing, setChoosing] = useState(false);
  const [agency, setAgency] = useState<number | undefined>();
  const orgs = useAllOrganisations();
  const start = (consolidatorId: number) =>
    create.mutate(consolidatorId, {
      onSuccess: (draft) => navigate(`/ke-hoach/tao-moi/${draft.id}`),
      onError: (error) => message.error(errorMessageOf(error)),
    });
  return (
    <>
      <Button
        icon={<EditOutlined />}
        loading={create.isPending && !choosing}
        onClick={() => (user.role === 'admin' ? setChoosing(true) : start(user.organisationId))}
      >
        Tạo kế hoạch mới
      </Button>
      <Modal
        open={choosing}
        title="Tạo kế hoạch mới"
        okText="Tạo bản nháp"
        cancelText="Hủy"
        okButtonProps={{ disabled: agency === undefined, loading: create.isPending }}
        onCancel={() => setChoosing(false)}
        onOk={() => agency !== undefined && start(agency)}
      >
        <Form layout="vertical">
          <Form.Item htmlFor="new-plan-consolidator" label="Cơ quan chủ trì tổng hợp" required>
            <Select<number>
              id="new-plan-consolidator"
              showSearch
              optionFilterProp="label"
              placeholder="Chọn cơ quan theo dõi, tổng hợp kế hoạch"
              value={agency}
              onChange={setAgency}
              loading={orgs.isLoading}
              options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
