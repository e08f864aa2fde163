import { Card, Tabs, Typography } from 'antd';
import { usePageTitle } from '../../lib/usePageTitle';
import { OrganisationGroupsPanel } from './OrganisationGroupsPanel';
import { OrganisationRegistry } from './OrganisationRegistry';

export function OrganisationsPage() {
  usePageTitle('Cơ quan, đơn vị');
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Cơ quan, đơn vị
      </Typography.Title>
      <Card>
        <Tabs
          items={[
            { key: 'registry', label: 'Danh mục cơ quan', children: <OrganisationRegistry /> },
            { key: 'groups', label: 'Nhóm cơ quan', children: <OrganisationGroupsPanel /> },
          ]}
        />
      </Card>
    </>
  );
}
